// Webhooks cannot reach inside: real sockets against a loopback receiver, with DNS replaced so
// that public-looking names resolve to internal addresses.
import type { lookup as dnsLookup, LookupAddress } from "node:dns";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendWebhook } from "./send-webhook.ts";
import { isInternalAddress } from "./webhook-destination.ts";
import { createWebhookTransport } from "./webhook-transport.ts";

let server: Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url!);
    if (req.url === "/redirect") res.writeHead(302, { location: `http://127.0.0.1:${port}/internal` }).end();
    else res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  hits.length = 0;
});

/** DNS where every name resolves to the given address (what a rebinding or a hostile record does). */
function resolvesTo(address: string): typeof dnsLookup {
  return ((_hostname: string, options: { all?: boolean }, callback: (e: null, a: string | LookupAddress[], f?: number) => void) => {
    const family = address.includes(":") ? 6 : 4;
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as typeof dnsLookup;
}

const send = (url: string, transport = createWebhookTransport({ allowedHosts: "" })) => sendWebhook(url, { hello: "world" }, { secret: "s", transport, attempts: 3 });

describe("isInternalAddress", () => {
  it.each(["127.0.0.1", "127.8.8.8", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "::ffff:a9fe:a9fe", "224.0.0.1", "not-an-ip"])("refuses %s", (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });
  it.each(["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1", "192.169.0.1"])("allows %s", (address) => {
    expect(isInternalAddress(address)).toBe(false);
  });
});

describe("webhook delivery", () => {
  it("refuses loopback, private and metadata addresses written in the URL, without a request", async () => {
    for (const url of [`http://127.0.0.1:${port}/hook`, `http://[::1]:${port}/hook`, `http://0x7f.1:${port}/hook`, "http://169.254.169.254/latest/meta-data/", `http://[::ffff:127.0.0.1]:${port}/hook`]) {
      const delivery = await send(url);
      expect(delivery, url).toMatchObject({ delivered: false, attempts: 1, error: expect.stringMatching(/^refused: .*internal address/) });
    }
    expect(hits).toEqual([]);
  });

  it("refuses a name that resolves to an internal address, judged on the address it would connect to", async () => {
    const transport = createWebhookTransport({ allowedHosts: "", resolve: resolvesTo("127.0.0.1") });
    const delivery = await send(`http://hooks.example.com:${port}/hook`, transport);
    expect(delivery).toMatchObject({ delivered: false, attempts: 1, error: expect.stringContaining("hooks.example.com resolves to 127.0.0.1, an internal address") });
    expect(hits).toEqual([]);
  });

  it("delivers to an allow-listed host even when it is internal", async () => {
    const transport = createWebhookTransport({ allowedHosts: "Hooks.Example.com", resolve: resolvesTo("127.0.0.1") });
    expect(await send(`http://hooks.example.com:${port}/hook`, transport)).toEqual({ delivered: true, status: 204, attempts: 1 });
    expect(await send(`http://127.0.0.1:${port}/hook`, createWebhookTransport({ allowedHosts: "127.0.0.1" }))).toEqual({ delivered: true, status: 204, attempts: 1 });
    expect(hits).toEqual(["/hook", "/hook"]);
  });

  it("follows no redirect, so an allow-listed receiver cannot bounce a delivery inside", async () => {
    const delivery = await send(`http://127.0.0.1:${port}/redirect`, createWebhookTransport({ allowedHosts: "127.0.0.1" }));
    expect(delivery).toMatchObject({ delivered: false, status: 302, error: "the receiver answered HTTP 302 (redirects are not followed)" });
    expect(hits).toEqual(["/redirect"]);
  });

  it("uses CANARY_WEBHOOK_ALLOWED_HOSTS by default, and refuses loopback without it", async () => {
    const previous = process.env.CANARY_WEBHOOK_ALLOWED_HOSTS;
    try {
      delete process.env.CANARY_WEBHOOK_ALLOWED_HOSTS;
      expect(await sendWebhook(`http://127.0.0.1:${port}/hook`, {}, { secret: "s" })).toMatchObject({ delivered: false, error: expect.stringMatching(/^refused/) });
      process.env.CANARY_WEBHOOK_ALLOWED_HOSTS = "127.0.0.1";
      expect(await sendWebhook(`http://127.0.0.1:${port}/hook`, {}, { secret: "s" })).toMatchObject({ delivered: true });
    } finally {
      if (previous === undefined) delete process.env.CANARY_WEBHOOK_ALLOWED_HOSTS;
      else process.env.CANARY_WEBHOOK_ALLOWED_HOSTS = previous;
    }
  });
});
