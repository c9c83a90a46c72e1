import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.ts";
import { checkLineageForUse } from "./check-lineage-for-use.ts";
import { effectiveLicenseConstraints } from "./effective-license-constraints.ts";
import { graphOf } from "./test-graph.ts";

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

// reviews@1 (CC-BY-NC-4.0) → reviews-clean@1 (CC-BY-4.0) → training-mix@3 (MIT), which also derives from wiki@2 (CC-BY-SA-4.0).
const family = graphOf([
  { id: "reviews@1", license: "CC-BY-NC-4.0" },
  { id: "wiki@2", license: "CC-BY-SA-4.0" },
  { id: "reviews-clean@1", license: "CC-BY-4.0", parents: ["reviews@1"] },
  { id: "training-mix@3", license: "MIT", parents: ["reviews-clean@1", "wiki@2"] },
]);

describe("effectiveLicenseConstraints", () => {
  it("lists the version and every ancestor with depth, nearest first, and joins their licenses with AND", () => {
    const effective = effectiveLicenseConstraints("training-mix@3", family);
    expect(effective.constraints.map((c) => [c.versionId, c.depth, c.licenseExpression])).toEqual([
      ["training-mix@3", 0, "MIT"],
      ["reviews-clean@1", 1, "CC-BY-4.0"],
      ["wiki@2", 1, "CC-BY-SA-4.0"],
      ["reviews@1", 2, "CC-BY-NC-4.0"],
    ]);
    expect(effective.expression).toBe("(MIT) AND (CC-BY-4.0) AND (CC-BY-SA-4.0) AND (CC-BY-NC-4.0)");
    expect(effectiveLicenseConstraints("reviews@1", family)).toMatchObject({ expression: "CC-BY-NC-4.0", constraints: [{ versionId: "reviews@1", depth: 0 }] });
  });

  it("visits a shared ancestor once, at its shortest depth (diamond)", () => {
    const diamond = graphOf([
      { id: "base@1", license: "CC0-1.0" },
      { id: "left@1", license: "CC0-1.0", parents: ["base@1"] },
      { id: "right@1", license: "CC0-1.0", parents: ["left@1"] },
      { id: "merged@1", license: "CC0-1.0", parents: ["right@1", "base@1"] },
    ]);
    const effective = effectiveLicenseConstraints("merged@1", diamond);
    expect(effective.constraints.map((c) => `${c.versionId}:${c.depth}`)).toEqual(["merged@1:0", "right@1:1", "base@1:1", "left@1:2"]);
    expect(effective.expression).toBe("CC0-1.0");
  });

  it("refuses a cycle, naming the versions on it", () => {
    const looped = graphOf([
      { id: "a@1", license: "MIT", parents: ["c@1"] },
      { id: "b@1", license: "MIT", parents: ["a@1"] },
      { id: "c@1", license: "MIT", parents: ["b@1"] },
      { id: "d@1", license: "MIT", parents: ["c@1"] },
    ]);
    const error = refusal(() => effectiveLicenseConstraints("d@1", looped));
    expect(error.code).toBe("unprocessable");
    expect(error.message).toBe("lineage has a cycle (c v1 → a v1 → b v1 → c v1); a version cannot derive from itself");
    expect(error.details).toEqual({ cycle: ["c@1", "a@1", "b@1", "c@1"] });
    const selfLoop = graphOf([{ id: "s@1", license: "MIT", parents: ["s@1"] }]);
    expect(refusal(() => effectiveLicenseConstraints("s@1", selfLoop)).message).toBe("lineage has a cycle (s v1 → s v1); a version cannot derive from itself");
  });

  it("refuses unknown versions and parents missing from the graph", () => {
    expect(refusal(() => effectiveLicenseConstraints("nope@1", family)).code).toBe("not_found");
    const dangling = graphOf([{ id: "x@1", license: "MIT", parents: ["ghost@9"] }]);
    const error = refusal(() => effectiveLicenseConstraints("x@1", dangling));
    expect(error.code).toBe("unprocessable");
    expect(error.message).toBe("lineage of x v1 names version ghost@9, which is not in the graph");
  });
});

describe("checkLineageForUse", () => {
  it("makes a NonCommercial grandparent a conflict for commercial training of the grandchild, naming it", () => {
    const check = checkLineageForUse("training-mix@3", family, "commercial_training");
    expect(check.verdict).toBe("conflict");
    expect(check.reasons).toEqual([
      "ancestor (grandparent), reviews v1 (CC-BY-NC-4.0), conflicts with commercial_training: CC-BY-NC-4.0 does not allow commercial_training: CC BY-NC 4.0 s2(a)(1) licenses the material for NonCommercial purposes only; commercial training is outside the grant",
    ]);
    expect(check.versions.map((v) => [v.versionId, v.verdict])).toEqual([
      ["training-mix@3", "compatible"],
      ["reviews-clean@1", "compatible"],
      ["wiki@2", "compatible"],
      ["reviews@1", "conflict"],
    ]);
    expect(check.obligations).toEqual(["attribution", "share_alike", "non_commercial", "include_license"]);
  });

  it("is compatible when the whole lineage allows the use", () => {
    const check = checkLineageForUse("training-mix@3", family, "research_only");
    expect(check.verdict).toBe("compatible");
    expect(check.reasons).toEqual(["training-mix v3 and its 3 ancestor(s) all allow research_only"]);
    // Without the NC branch, commercial training is fine.
    expect(checkLineageForUse("wiki@2", family, "commercial_training").verdict).toBe("compatible");
  });

  it("is unknown when an ancestor is unclear or its stored expression is invalid, and says so", () => {
    const graph = graphOf([
      { id: "scraped@1", license: "not a license" },
      { id: "vendor@4", license: "LicenseRef-Proprietary" },
      { id: "derived@2", license: "CC0-1.0", parents: ["scraped@1", "vendor@4"] },
    ]);
    const check = checkLineageForUse("derived@2", graph, "internal_evaluation");
    expect(check.verdict).toBe("unknown");
    expect(check.reasons).toHaveLength(2);
    expect(check.reasons[0]).toMatch(/^ancestor \(parent\), scraped v1 \(not a license\), is unclear for internal_evaluation: license expression "not a license" is not valid SPDX/);
    expect(check.reasons[1]).toMatch(/^ancestor \(parent\), vendor v4 \(LicenseRef-Proprietary\), is unclear for internal_evaluation: LicenseRef-Proprietary needs review/);
  });

  it("names the version itself when its own license conflicts, and a conflict outranks unknowns", () => {
    const graph = graphOf([
      { id: "old@1", license: "LicenseRef-Unknown" },
      { id: "new@2", license: "CC-BY-NC-ND-4.0", parents: ["old@1"] },
    ]);
    const check = checkLineageForUse("new@2", graph, "commercial_training");
    expect(check.verdict).toBe("conflict");
    expect(check.reasons[0]).toMatch(/^this version, new v2 \(CC-BY-NC-ND-4.0\), conflicts with commercial_training/);
    expect(check.reasons[1]).toMatch(/^ancestor \(parent\), old v1 \(LicenseRef-Unknown\), is unclear/);
  });

  it("refuses cycles", () => {
    const looped = graphOf([
      { id: "a@1", license: "MIT", parents: ["b@1"] },
      { id: "b@1", license: "MIT", parents: ["a@1"] },
    ]);
    expect(() => checkLineageForUse("a@1", looped, "research_only")).toThrow(/lineage has a cycle \(a v1 → b v1 → a v1\)/);
  });
});
