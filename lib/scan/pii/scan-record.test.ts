import { describe, expect, it } from "vitest";
import { scanRecord, scanRecordMatches } from "./scan-record.ts";

describe("scanRecord", () => {
  it("scans every string field, free text inside cells included, with the record id and field name", () => {
    const findings = scanRecord({ id: "7", fields: { email: "ann@example.com", notes: "call (201) 555-0123 after 5", amount: "12.50", empty: "" } });
    expect(findings).toEqual([
      { record: "7", field: "email", type: "EMAIL_ADDRESS", start: 0, end: 15, score: 1 },
      { record: "7", field: "notes", type: "PHONE_NUMBER", start: 5, end: 19, score: 0.85 },
    ]);
  });

  it("walks nested JSON with dotted paths; array items keep their array's key as context", () => {
    const findings = scanRecord({
      id: "u-1",
      fields: { id: "u-1", contact: { emails: ["a@example.com", "b@example.org"], home: { phone: "2015550123" } }, tags: [null, true, 3] },
    });
    expect(findings.map((f) => [f.field, f.type])).toEqual([
      ["contact.emails.0", "EMAIL_ADDRESS"],
      ["contact.emails.1", "EMAIL_ADDRESS"],
      ["contact.home.phone", "PHONE_NUMBER"],
    ]);
  });

  it("scans large integers as digits (a JSON SSN), not small numbers or booleans", () => {
    const findings = scanRecord({ id: "1", fields: { ssn: 536221457, age: 42, ok: true } });
    expect(findings).toEqual([{ record: "1", field: "ssn", type: "US_SSN", start: 0, end: 9, score: 0.65 }]);
  });

  it("reports code point offsets and keeps the matched text apart for masking", () => {
    const [match] = scanRecordMatches({ id: "0", fields: { text: "🙂🙂 jo@example.com" } });
    expect(match).toEqual({ finding: { record: "0", field: "text", type: "EMAIL_ADDRESS", start: 3, end: 17, score: 1 }, value: "jo@example.com" });
  });

  it("applies minScore", () => {
    expect(scanRecord({ id: "0", fields: { note: "(201) 555-0123" } }, { minScore: 0.9 })).toEqual([]);
  });
});
