import { describe, expect, it } from "vitest";
import { ipAddressRecognizer } from "./ip-address.ts";
import { matches, texts } from "./recognizer-matches.test-support.ts";

describe("IP_ADDRESS", () => {
  it("finds IPv4 (with CIDR) and IPv6 (compressed, zoned, mapped) validated by node:net", () => {
    expect(texts(ipAddressRecognizer, "from 192.168.0.1, net 10.0.0.0/8")).toEqual(["192.168.0.1", "10.0.0.0/8"]);
    expect(texts(ipAddressRecognizer, "2001:0db8:85a3:0000:0000:8a2e:0370:7334 and fe80::1%eth0 and ::ffff:192.0.2.128")).toEqual([
      "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
      "fe80::1%eth0",
      "::ffff:192.0.2.128",
    ]);
  });
  it("scores 0.6, 0.95 with 'ip' nearby", () => {
    expect(matches(ipAddressRecognizer, "1.2.3.4")).toEqual([["1.2.3.4", 0.6]]);
    expect(matches(ipAddressRecognizer, "client ip 1.2.3.4")).toEqual([["1.2.3.4", 0.95]]);
  });
  it("refuses out-of-range octets, leading zeros, versions, times, MACs and the unspecified address", () => {
    expect(texts(ipAddressRecognizer, "256.1.1.1 01.2.3.4 v1.2.3.4 pkg-1.2.3.4 1.2.3.4-beta 1.2.3.4.5 12:30:45 00:1A:2B:3C:4D:5E ::")).toEqual([]);
    expect(matches(ipAddressRecognizer, "version 1.2.3.4")).toEqual([["1.2.3.4", 0.25]]);
  });
});
