import { lookup as dnsLookup } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { guardedLookup, hostOf, isInternalAddress, parseAllowedHosts, WebhookDestinationError } from "./webhook-destination.ts";

/** The part of `fetch` sendWebhook uses; tests pass a stub with the same shape. */
export type WebhookTransport = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number }>;

export interface WebhookTransportOptions {
  /** @defaultValue process.env.CANARY_WEBHOOK_ALLOWED_HOSTS */
  allowedHosts?: string;
  /** DNS resolution, replaceable in tests. @defaultValue node:dns lookup */
  resolve?: typeof dnsLookup;
}

/**
 * POSTs with node:http(s), refusing internal destinations (see webhook-destination.ts) unless the
 * host is allow-listed, and following no redirect: a 3xx is the receiver's answer, so a redirect
 * to an internal address leads nowhere.
 */
export function createWebhookTransport(options: WebhookTransportOptions = {}): WebhookTransport {
  const allowed = parseAllowedHosts(options.allowedHosts ?? process.env.CANARY_WEBHOOK_ALLOWED_HOSTS);
  const resolve = options.resolve ?? dnsLookup;
  const guarded = guardedLookup(resolve);
  return (url, init) =>
    new Promise((settle, reject) => {
      const target = new URL(url);
      const host = hostOf(target);
      const trusted = allowed.has(host);
      // A literal address is connected to without any lookup, so it is judged here.
      if (!trusted && isIP(host) !== 0 && isInternalAddress(host)) {
        reject(new WebhookDestinationError(`${host} is an internal address; an admin may allow-list it`));
        return;
      }
      const send = target.protocol === "https:" ? httpsRequest : httpRequest;
      const request = send(target, { method: init.method, headers: init.headers, signal: init.signal, lookup: trusted ? (resolve as LookupFunction) : guarded }, (response) => {
        response.resume();
        response.on("end", () => settle({ ok: response.statusCode! >= 200 && response.statusCode! < 300, status: response.statusCode! }));
        response.on("error", reject);
      });
      request.on("error", reject);
      request.end(init.body);
    });
}
