// Layered layout of a lineage DAG for drawing: one column per generation (ancestors left, the root in
// the middle, descendants right), nodes within a column ordered by the mean row of their neighbours
// in the previous column (one barycentre sweep, Sugiyama et al. 1981), which removes most crossings.

export interface LayoutInput {
  nodes: { versionId: string; generation: number; label: string }[];
  edges: { parentId: string; childId: string }[];
}

export interface PlacedNode {
  versionId: string;
  x: number;
  y: number;
}

export const NODE_WIDTH = 170;
export const NODE_HEIGHT = 46;
const COLUMN_GAP = 90;
const ROW_GAP = 22;
const MARGIN = 12;

export function layoutLineage(input: LayoutInput): { nodes: PlacedNode[]; width: number; height: number } {
  const generations = [...new Set(input.nodes.map((n) => n.generation))].sort((a, b) => a - b);
  const rowOf = new Map<string, number>();
  const neighbours = new Map<string, string[]>();
  for (const { parentId, childId } of input.edges) {
    neighbours.set(parentId, [...(neighbours.get(parentId) ?? []), childId]);
    neighbours.set(childId, [...(neighbours.get(childId) ?? []), parentId]);
  }
  const columns = generations.map((generation) => input.nodes.filter((n) => n.generation === generation));
  columns.forEach((column, index) => {
    const barycentre = (id: string) => {
      const placed = (neighbours.get(id) ?? []).map((n) => rowOf.get(n)).filter((row): row is number => row !== undefined);
      return placed.length === 0 ? Number.POSITIVE_INFINITY : placed.reduce((sum, row) => sum + row, 0) / placed.length;
    };
    const ordered = index === 0 ? [...column].sort((a, b) => a.label.localeCompare(b.label)) : [...column].sort((a, b) => barycentre(a.versionId) - barycentre(b.versionId) || a.label.localeCompare(b.label));
    ordered.forEach((node, row) => rowOf.set(node.versionId, row));
  });
  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const height = MARGIN * 2 + tallest * NODE_HEIGHT + (tallest - 1) * ROW_GAP;
  const nodes = input.nodes.map((node) => {
    const column = generations.indexOf(node.generation);
    const inColumn = columns[column]!.length;
    const offset = (height - (inColumn * NODE_HEIGHT + (inColumn - 1) * ROW_GAP)) / 2;
    return { versionId: node.versionId, x: MARGIN + column * (NODE_WIDTH + COLUMN_GAP), y: offset + rowOf.get(node.versionId)! * (NODE_HEIGHT + ROW_GAP) };
  });
  const width = MARGIN * 2 + generations.length * NODE_WIDTH + (generations.length - 1) * COLUMN_GAP;
  return { nodes, width, height };
}
