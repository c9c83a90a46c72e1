import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "./client-address.ts";

describe("clientAddress", () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.7, fd00::/8");

  it("is the right-most entry when no proxy is configured: what the last hop (or Next.js) wrote", () => {
    expect(clientAddress("203.0.113.9", none)).toBe("203.0.113.9");
    expect(clientAddress("1.1.1.1, 203.0.113.9", none)).toBe("203.0.113.9");
  });

  it("skips configured proxies from the right and ignores what the client wrote left of its address", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.1.2.3, 192.0.2.7", proxies)).toBe("203.0.113.9");
    expect(clientAddress("2001:db8::1, fd00::5", proxies)).toBe("2001:db8::1");
    // A forged header cannot name a trusted proxy to move the client further left than one hop it controls.
    expect(clientAddress("10.9.9.9, 203.0.113.9", proxies)).toBe("203.0.113.9");
  });

  it("says unknown without a header", () => {
    expect(clientAddress(undefined, none)).toBe("unknown");
    expect(clientAddress("", proxies)).toBe("unknown");
  });

  it("refuses an entry it cannot read", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/"proxy.internal" is not an address or CIDR range/);
  });
});
