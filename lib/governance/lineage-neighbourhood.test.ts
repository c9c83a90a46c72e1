import { describe, expect, it } from "vitest";
import { lineageNeighbourhood } from "./lineage-neighbourhood.ts";
import { graphOf } from "./test-graph.ts";

// raw@1 → clean@1 → train@1 → train-small@1
//                 ↘ eval@1          ↑ other@1 (unrelated branch into train-small)
const graph = graphOf([
  { id: "raw@1", license: "CC-BY-4.0" },
  { id: "clean@1", license: "CC-BY-4.0", parents: ["raw@1"] },
  { id: "train@1", license: "CC-BY-4.0", parents: ["clean@1"] },
  { id: "eval@1", license: "CC-BY-4.0", parents: ["clean@1"] },
  { id: "other@1", license: "MIT" },
  { id: "train-small@1", license: "CC-BY-4.0", parents: ["train@1", "other@1"] },
]);

describe("lineageNeighbourhood", () => {
  it("gives ancestors and descendants with depth, and the edges between them", () => {
    const around = lineageNeighbourhood(graph, "clean@1");
    expect(around.root).toMatchObject({ versionId: "clean@1", datasetName: "clean", version: 1, depth: 0 });
    expect(around.ancestors.map((n) => [n.versionId, n.depth])).toEqual([["raw@1", 1]]);
    expect(around.descendants.map((n) => [n.versionId, n.depth])).toEqual([
      ["train@1", 1],
      ["eval@1", 1],
      ["train-small@1", 2],
    ]);
    // other@1 is neither an ancestor nor a descendant of clean@1: its edge is left out.
    expect(around.edges).toEqual([
      { parentId: "raw@1", childId: "clean@1" },
      { parentId: "clean@1", childId: "train@1" },
      { parentId: "clean@1", childId: "eval@1" },
      { parentId: "train@1", childId: "train-small@1" },
    ]);
  });

  it("bounds each side by maxDepth", () => {
    const near = lineageNeighbourhood(graph, "train@1", { maxDepth: 1 });
    expect(near.ancestors.map((n) => n.versionId)).toEqual(["clean@1"]);
    expect(near.descendants.map((n) => n.versionId)).toEqual(["train-small@1"]);
    expect(lineageNeighbourhood(graph, "train-small@1").ancestors.map((n) => `${n.versionId}:${n.depth}`)).toEqual([
      "train@1:1",
      "other@1:1",
      "clean@1:2",
      "raw@1:3",
    ]);
  });

  it("refuses cycles on the descendant side too", () => {
    const looped = graphOf([
      { id: "a@1", license: "MIT", parents: ["c@1"] },
      { id: "b@1", license: "MIT", parents: ["a@1"] },
      { id: "c@1", license: "MIT", parents: ["b@1"] },
    ]);
    // Walking ancestors from a@1 meets it first; the message reads parent → child either way.
    expect(() => lineageNeighbourhood(looped, "a@1")).toThrow("lineage has a cycle (a v1 → b v1 → c v1 → a v1)");
  });
});
