import { BlockList, isIP } from "node:net";

/**
 * The configured reverse proxies (CANARY_TRUSTED_PROXIES: comma-separated addresses or CIDR
 * ranges, e.g. `10.0.0.0/8, 127.0.0.1`). Throws naming the entry it cannot read, so a typo fails
 * at start rather than silently trusting nothing.
 */
export function parseTrustedProxies(list: string | undefined): BlockList {
  const ranges = new BlockList();
  for (const entry of (list ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const family = isIP(address ?? "");
    if (family === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
      throw new Error(`CANARY_TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) ranges.addAddress(address!, type);
    else ranges.addSubnet(address!, Number(bits), type);
  }
  return ranges;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address from X-Forwarded-For, read from the right: each proxy appends the address
 * it received the request from, so entries are skipped only while they are configured proxies and
 * the first other one is the client. Anything left of it was written by the client and is ignored.
 *
 * Next.js writes the socket's address into X-Forwarded-For only when the request has none, so the
 * right-most entry is the peer's address for a direct connection; a client that connects directly
 * and sends its own header can choose its bucket. Deploy behind a proxy that sets the header (and
 * list it here when it is not the only hop); the per-account limit does not depend on this.
 */
export function clientAddress(forwardedFor: string | null | undefined, trusted: BlockList): string {
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    if (!isTrusted(hops[i]!, trusted)) return hops[i]!;
  }
  return hops[0] ?? "unknown";
}
