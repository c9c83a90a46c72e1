// One badge for every lifecycle status in the domain: dataset versions (pending → ingesting →
// ready | failed) and runs/jobs (queued → active → completed | failed | cancelled).
type Tone = "neutral" | "info" | "ok" | "danger" | "warn";

const TONES: Record<string, { tone: Tone; label: string; running?: boolean }> = {
  pending: { tone: "neutral", label: "Pending" },
  queued: { tone: "neutral", label: "Queued" },
  ingesting: { tone: "info", label: "Ingesting", running: true },
  active: { tone: "info", label: "Running", running: true },
  ready: { tone: "ok", label: "Ready" },
  completed: { tone: "ok", label: "Completed" },
  failed: { tone: "danger", label: "Failed" },
  cancelled: { tone: "warn", label: "Cancelled" },
};

/** True while work is still under way, i.e. the UI should keep polling. */
export function isActiveStatus(status: string | null | undefined): boolean {
  return status === "pending" || status === "queued" || status === "ingesting" || status === "active";
}

export function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <span className="faint">—</span>;
  const known = TONES[status] ?? { tone: "neutral" as Tone, label: status.replaceAll("_", " ") };
  const toneClass = known.tone === "neutral" ? "" : ` badge-${known.tone}`;
  return (
    <span className={`badge badge-dot${toneClass}${known.running ? " badge-running" : ""}`} data-status={status}>
      {known.label}
    </span>
  );
}
