import { formatEpsilon } from "@/lib/format";
import { formatDelta, GUARANTEE_LABELS } from "./format";

/** The guarantee in one badge: "ε = 2.95, δ = 1.0e-5" for a formal one; honest about the others. Its scope sentence, when given, is the tooltip. */
export function GuaranteeBadge({ status, epsilon, delta, scope }: { status: string; epsilon: number | null; delta: number | null; scope?: string }) {
  const tone = status === "formal" ? "badge-ok" : status === "declared" ? "badge-warn" : "badge-info";
  const label = status === "none" ? GUARANTEE_LABELS.none : `ε = ${formatEpsilon(epsilon)}, δ = ${formatDelta(delta)}`;
  return (
    <span className={`badge ${tone}`} title={scope ?? GUARANTEE_LABELS[status]} data-testid="guarantee-badge">
      {label}
      {status === "declared" ? " (declared, not verified)" : ""}
    </span>
  );
}
