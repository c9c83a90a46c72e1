"use client";
// Triage one finding: a new status and a reason (required), sent as PATCH /api/v1/findings/{id}.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "../../../_components/api-client";
import { useApiAction } from "../../../_components/use-api-action";
import { FINDING_STATUS_LABELS, type FindingJson } from "./governance-types";

interface Props {
  finding: FindingJson | null;
  onClose: () => void;
  onDone: () => void;
}

export function TriageDialog({ finding, onClose, onDone }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [status, setStatus] = useState("false_positive");
  const [reason, setReason] = useState("");
  const { busy: pending, error, setError, run } = useApiAction();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (finding && !dialog.open) {
      setStatus(finding.status === "false_positive" ? "confirmed" : "false_positive");
      setReason("");
      setError(null);
      dialog.showModal();
    } else if (!finding && dialog.open) dialog.close();
  }, [finding, setError]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!finding) return;
    await run(async () => {
      await apiFetch(`/api/v1/findings/${finding.id}`, { method: "PATCH", body: JSON.stringify({ status, reason }) });
      onDone();
    });
  }

  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-labelledby="triage-title" data-testid="triage-dialog">
      <form className="form" onSubmit={submit}>
        <h2 id="triage-title">Triage finding</h2>
        {finding ? (
          <p className="muted">
            {finding.type} · <span className="mono">{finding.maskedSample ?? "—"}</span>
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="triage-status">Status</label>
          <select id="triage-status" className="select" value={status} onChange={(event) => setStatus(event.target.value)}>
            {Object.entries(FINDING_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value} disabled={value === finding?.status}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="triage-reason">Reason</label>
          <textarea
            id="triage-reason"
            className="textarea"
            rows={3}
            required
            minLength={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="Why; do not paste the value itself"
          />
        </div>
        {error ? <div className="alert alert-error" role="alert">{error}</div> : null}
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={pending || reason.trim().length < 3}>
            Save triage
          </button>
        </div>
      </form>
    </dialog>
  );
}
