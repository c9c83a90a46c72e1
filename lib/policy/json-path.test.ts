import { describe, expect, it } from "vitest";
import { toJsonPath } from "./json-path.ts";

describe("toJsonPath", () => {
  it("writes identifiers with dots, indexes and other keys in brackets", () => {
    expect(toJsonPath([])).toBe("$");
    expect(toJsonPath(["criteria", 2, "threshold"])).toBe("$.criteria[2].threshold");
    expect(toJsonPath(["audits", "membershipInference", "tprAtFpr", "0.001"])).toBe('$.audits.membershipInference.tprAtFpr["0.001"]');
    expect(toJsonPath(["a b"])).toBe('$["a b"]');
  });
});
