import { describe, expect, it } from "vitest";
import { scanText } from "./scan-text.ts";
import { scanRecordMatches } from "./scan-record.ts";

describe("code point offsets", () => {
  it("counts an emoji before a match as one position, not two UTF-16 units", () => {
    const text = "😀 mail jo@example.com";
    const [span] = scanText(text);
    expect(span).toMatchObject({ type: "EMAIL_ADDRESS", start: 7, end: 21 });
    expect([...text].slice(span!.start, span!.end).join("")).toBe("jo@example.com");
    // The UTF-16 offset would have been 8.
    expect(text.indexOf("jo@")).toBe(8);
  });

  it("keeps offsets right after several astral characters and between matches", () => {
    const text = "👩‍👩‍👧 card 4111 1111 1111 1111 🎉🎉 ssn 536-22-1457";
    const spans = scanText(text);
    const chars = [...text];
    expect(spans.map((s) => [s.type, chars.slice(s.start, s.end).join("")])).toEqual([
      ["CREDIT_CARD", "4111 1111 1111 1111"],
      ["US_SSN", "536-22-1457"],
    ]);
  });

  it("gives record findings code point offsets and the matched text as it is", () => {
    const [match] = scanRecordMatches({ id: "1", fields: { note: "😀😀 mail jo@example.com" } });
    expect(match).toMatchObject({ finding: { start: 8, end: 22 }, value: "jo@example.com" });
  });
});
