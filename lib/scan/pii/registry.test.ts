import { describe, expect, it } from "vitest";
import { defineRecognizer } from "./define-recognizer.ts";
import { getRecognizer, listRecognizers, registerRecognizer } from "./registry.ts";
import { scanText } from "./scan-text.ts";
import { PII_ENTITIES } from "./types.ts";

describe("recognizer registry", () => {
  it("registers one built-in recognizer per entity, by name", () => {
    expect(listRecognizers().map((r) => r.name).sort()).toEqual([...PII_ENTITIES].sort());
    expect(getRecognizer("CREDIT_CARD").entity).toBe("CREDIT_CARD");
    expect(() => getRecognizer("NOPE")).toThrow(/no recognizer named "NOPE" \(known: EMAIL_ADDRESS/);
  });

  it("takes custom recognizers and refuses a taken name", () => {
    const employeeId = defineRecognizer({
      name: "EMPLOYEE_ID_TEST",
      entity: "PERSON",
      context: [],
      mayContain: (p) => p.upper >= 3,
      find: (text) => [...text.matchAll(/\bEMP-\d{6}\b/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, score: 0.9 })),
    });
    registerRecognizer(employeeId);
    expect(() => registerRecognizer(employeeId)).toThrow(/already registered/);
    expect(scanText("badge EMP-123456", { recognizers: [getRecognizer("EMPLOYEE_ID_TEST")] })).toEqual([{ type: "PERSON", start: 6, end: 16, score: 0.9 }]);
  });
});
