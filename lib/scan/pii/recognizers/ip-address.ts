import { isIP } from "node:net";
import { isInsideIdentifier } from "../boundaries.ts";
import { CoveredOffsets } from "../covered-offsets.ts";
import { defineRecognizer } from "../define-recognizer.ts";
import type { RawSpan } from "../types.ts";

// Presidio IpRecognizer: IPv4 and IPv6 patterns at 0.6, then `ipaddress.ip_interface` rejects what does not
// parse. We parse with node:net isIP (which also refuses leading zeros such as 01.2.3.4) and, unlike Presidio,
// refuse four-part versions: "v1.2.3.4", "pkg-1.2.3.4", "1.2.3.4-beta", "1.2.3.4.5", or a "version" nearby.
const SCORE = 0.6;
const IPV4 = /(?<![A-Za-z0-9_.])(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?(?![A-Za-z0-9_]|\.\d)/g;
// Hex groups and colons, optionally ending in a dotted IPv4, a zone and a prefix; isIP decides.
const IPV6 = /(?<![\p{L}\p{N}_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?:%[0-9A-Za-z]+)?(?:\/\d{1,3})?(?![\p{L}\p{N}_:]|\.\d)/gu;

export const ipAddressRecognizer = defineRecognizer({
  entity: "IP_ADDRESS",
  context: ["ip", "ipv4", "ipv6", "address", "host", "client", "server", "addr", "remote"],
  negativeContext: ["version", "ver", "release", "build", "firmware", "v"],
  mayContain: (p) => (p.dots >= 3 && p.digits >= 4) || p.colons >= 2,
  find(text, _options) {
    const spans: RawSpan[] = [];
    const ipv6 = new CoveredOffsets(text.length);
    if (text.includes("::") || /[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){3}/.test(text)) {
      for (const match of text.matchAll(IPV6)) {
        const value = match[0];
        const [address, prefix] = value.split("/");
        // "::" alone is the unspecified address (Presidio scores it 0.1): not personal data.
        if (address === "::" || isIP(address!.replace(/%.*$/, "")) !== 6 || (prefix !== undefined && Number(prefix) > 128)) continue;
        spans.push({ start: match.index, end: match.index + value.length, score: SCORE });
        ipv6.add(match.index, match.index + value.length);
      }
    }
    for (const match of text.matchAll(IPV4)) {
      const [address, prefix] = match[0].split("/");
      if (isIP(address!) !== 4 || (prefix !== undefined && Number(prefix) > 32)) continue;
      if (isInsideIdentifier(text, match.index, match.index + match[0].length)) continue;
      // The tail of an IPv4-mapped IPv6 address (::ffff:192.0.2.128) is already inside a span.
      if (ipv6.covers(match.index)) continue;
      spans.push({ start: match.index, end: match.index + match[0].length, score: SCORE });
    }
    return spans;
  },
});
