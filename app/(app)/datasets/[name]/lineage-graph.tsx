// The lineage graph as SVG: nodes are dataset versions, laid out by generation; each node links to
// its version, which re-centres the graph there, so a user walks the lineage both ways by clicking.
// Edges carry the transformation recorded at upload. (Drawn here: no chart package is installed.)
import Link from "next/link";
import type { LineageJson } from "./governance-types";
import { NODE_HEIGHT, NODE_WIDTH, layoutLineage } from "./lineage-layout";

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function LineageGraph({ lineage }: { lineage: LineageJson }) {
  const byId = new Map(lineage.nodes.map((n) => [n.versionId, n]));
  const layout = layoutLineage({
    nodes: lineage.nodes.map((n) => ({ versionId: n.versionId, generation: n.generation, label: `${n.datasetName} v${n.version}` })),
    edges: lineage.edges,
  });
  const at = new Map(layout.nodes.map((n) => [n.versionId, n]));
  if (lineage.nodes.length === 1) return <p className="muted">This version has no recorded parents or children.</p>;
  return (
    <svg
      className="lineage-graph"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      role="img"
      aria-label="Lineage graph"
      data-testid="lineage-graph"
    >
      <defs>
        <marker id="lineage-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="lineage-arrow" />
        </marker>
      </defs>
      {lineage.edges.map((edge) => {
        const from = at.get(edge.parentId);
        const to = at.get(edge.childId);
        if (!from || !to) return null;
        const x1 = from.x + NODE_WIDTH;
        const y1 = from.y + NODE_HEIGHT / 2;
        const x2 = to.x;
        const y2 = to.y + NODE_HEIGHT / 2;
        const mid = (x1 + x2) / 2;
        return (
          <g key={`${edge.parentId} ${edge.childId}`} className="lineage-edge">
            <title>{edge.transformation || "no transformation recorded"}</title>
            <path d={`M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`} markerEnd="url(#lineage-arrow)" />
            {edge.transformation ? (
              <text x={mid} y={(y1 + y2) / 2 - 6} textAnchor="middle">
                {clip(edge.transformation, 16)}
              </text>
            ) : null}
          </g>
        );
      })}
      {layout.nodes.map((placed) => {
        const node = byId.get(placed.versionId)!;
        const root = node.versionId === lineage.rootId;
        return (
          <Link
            key={node.versionId}
            href={`/datasets/${encodeURIComponent(node.datasetName)}?version=${node.version}`}
            className={`lineage-node${root ? " lineage-root" : ""}`}
            data-testid="lineage-node"
            aria-label={`${node.datasetName} v${node.version}`}
          >
            <rect x={placed.x} y={placed.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} />
            <text x={placed.x + 10} y={placed.y + 19} className="lineage-node-title">
              {clip(`${node.datasetName} v${node.version}`, 22)}
            </text>
            <text x={placed.x + 10} y={placed.y + 36} className="lineage-node-license">
              {clip(node.licenseExpression, 26)}
            </text>
          </Link>
        );
      })}
    </svg>
  );
}
