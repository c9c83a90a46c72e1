// Where a webhook may go: never inside (loopback, private, link-local, cloud metadata), judged on
// the addresses the name resolves to and on the very address the socket connects to, so a name
// that resolves differently the second time (DNS rebinding) gains nothing. An admin may allow-list
// hosts (CANARY_WEBHOOK_ALLOWED_HOSTS), e.g. a receiver on the company network.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

// RFC 6890 special-purpose ranges that must not be reached from the server, plus multicast.
const INTERNAL = new BlockList();
for (const [network, bits] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private (RFC 1918)
  ["100.64.0.0", 10], // carrier-grade NAT (RFC 6598)
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, including the 169.254.169.254 metadata service
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments (some clouds' metadata: 192.0.0.192)
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 3], // multicast, reserved and broadcast
] as const) {
  INTERNAL.addSubnet(network, bits, "ipv4");
}
for (const [network, bits] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b::", 96], // NAT64: reaches IPv4 addresses, internal ones included
  ["fc00::", 7], // unique local, including fd00:ec2::254 (AWS metadata)
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  INTERNAL.addSubnet(network, bits, "ipv6");
}

/** True for an address a webhook must not reach. IPv4-mapped IPv6 addresses are judged as IPv4. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return INTERNAL.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Thrown (or passed to the socket) when a webhook would reach an internal address. */
export class WebhookDestinationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookDestinationError";
  }
}

/** CANARY_WEBHOOK_ALLOWED_HOSTS: comma-separated host names or addresses, compared case-insensitively. */
export function parseAllowedHosts(list: string | undefined): Set<string> {
  return new Set((list ?? "").split(",").map((host) => host.trim().toLowerCase().replace(/^\[|\]$/g, "")).filter(Boolean));
}

/** The URL's host without IPv6 brackets, lower case, as URL normalises it (0x7f.1 is 127.0.0.1). */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
}

/**
 * A socket `lookup` that resolves as usual and fails when any resolved address is internal. The
 * socket then connects only to an address checked here.
 */
export function guardedLookup(resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options as LookupAllOptions, (error: NodeJS.ErrnoException | null, addresses: string | LookupAddress[], family?: number) => {
      if (error) return callback(error, "", 0);
      const list = typeof addresses === "string" ? [addresses] : addresses.map((a) => a.address);
      const internal = list.find(isInternalAddress);
      if (internal !== undefined) {
        return callback(new WebhookDestinationError(`${hostname} resolves to ${internal}, an internal address; an admin may allow-list the host`), "", 0);
      }
      (callback as (e: null, a: string | LookupAddress[], f?: number) => void)(null, addresses, family);
    });
  };
}
