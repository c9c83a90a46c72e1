// A scorecard's letter grade and a sign-off state as badges, the same everywhere.
const GRADE_TONE: Record<string, string> = { A: "badge-ok", B: "badge-info", C: "badge-warn", D: "badge-warn", F: "badge-danger" };

export function GradeBadge({ grade }: { grade: string | null | undefined }) {
  if (!grade) return <span className="faint">No scorecard</span>;
  return (
    <span className={`badge grade-badge ${GRADE_TONE[grade] ?? ""}`} data-grade={grade} title={`Grade ${grade}`}>
      {grade}
    </span>
  );
}

const SIGN_OFF: Record<string, { tone: string; label: string }> = {
  approved: { tone: "badge-ok", label: "Approved" },
  rejected: { tone: "badge-danger", label: "Rejected" },
  awaiting: { tone: "badge-warn", label: "Awaiting sign-off" },
  invalidated: { tone: "badge-warn", label: "Approval invalidated" },
  superseded: { tone: "", label: "Superseded" },
  none: { tone: "", label: "No scorecard" },
};

export function SignOffBadge({ status }: { status: string }) {
  const known = SIGN_OFF[status] ?? { tone: "", label: status };
  return (
    <span className={`badge badge-dot ${known.tone}`} data-signoff={status}>
      {known.label}
    </span>
  );
}

const CRITERION_TONE: Record<string, string> = { pass: "badge-ok", fail: "badge-danger", missing: "badge-warn" };

export function CriterionStatus({ status }: { status: string }) {
  return <span className={`badge ${CRITERION_TONE[status] ?? ""}`}>{status === "missing" ? "Missing evidence" : status === "pass" ? "Pass" : "Fail"}</span>;
}
