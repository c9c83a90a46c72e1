import { describe, expect, it } from "vitest";
import { CRITERION_KINDS } from "../policy/index.ts";
import { FRAMEWORK_MAPPING } from "./framework-mapping.ts";

describe("FRAMEWORK_MAPPING", () => {
  it("maps every criterion kind to NIST AI RMF, ISO/IEC 42001 Annex A and EU AI Act Article 10", () => {
    expect(Object.keys(FRAMEWORK_MAPPING).sort()).toEqual([...CRITERION_KINDS].sort());
    for (const [kind, refs] of Object.entries(FRAMEWORK_MAPPING)) {
      expect(refs.nistAiRmf.every((ref) => /^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+/.test(ref)), kind).toBe(true);
      expect(refs.iso42001.every((ref) => /^A\.\d+(\.\d+)+ /.test(ref)), kind).toBe(true);
      expect(refs.euAiAct.length > 0 && refs.euAiAct.every((ref) => /^Art\. 10\(\d\)/.test(ref)), kind).toBe(true);
    }
  });
});
