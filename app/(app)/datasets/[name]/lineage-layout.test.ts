import { describe, expect, it } from "vitest";
import { NODE_HEIGHT, NODE_WIDTH, layoutLineage } from "./lineage-layout";

describe("layoutLineage", () => {
  it("puts each generation in its own column, ancestors left of the root and descendants right", () => {
    const { nodes, width } = layoutLineage({
      nodes: [
        { versionId: "root", generation: 0, label: "b v1" },
        { versionId: "parent", generation: -1, label: "a v1" },
        { versionId: "child", generation: 1, label: "c v1" },
      ],
      edges: [
        { parentId: "parent", childId: "root" },
        { parentId: "root", childId: "child" },
      ],
    });
    const x = Object.fromEntries(nodes.map((n) => [n.versionId, n.x]));
    expect(x.parent).toBeLessThan(x.root!);
    expect(x.root).toBeLessThan(x.child!);
    expect(width).toBeGreaterThanOrEqual(3 * NODE_WIDTH);
  });

  it("orders a column by its neighbours' rows, so parallel lines do not cross", () => {
    const { nodes } = layoutLineage({
      nodes: [
        { versionId: "p1", generation: -1, label: "a" },
        { versionId: "p2", generation: -1, label: "b" },
        { versionId: "c2", generation: 0, label: "a-child-of-b" },
        { versionId: "c1", generation: 0, label: "z-child-of-a" },
      ],
      edges: [
        { parentId: "p1", childId: "c1" },
        { parentId: "p2", childId: "c2" },
      ],
    });
    const y = Object.fromEntries(nodes.map((n) => [n.versionId, n.y]));
    expect(y.p1).toBeLessThan(y.p2!);
    // By label alone c2 would come first; by barycentre c1 sits level with p1.
    expect(y.c1).toBe(y.p1);
    expect(y.c2! - y.c1!).toBeGreaterThanOrEqual(NODE_HEIGHT);
  });
});
