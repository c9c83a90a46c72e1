"use client";
// The version's scans with live progress (the page re-renders while one runs), and for those
// allowed: cancel a running scan, re-run one with the same parameters, or compare with another version.
import { useState } from "react";
import { formatCount, formatDateTime } from "@/lib/format";
import { ProgressBar } from "../../../_components/progress-bar";
import { StatusBadge, isActiveStatus } from "../../../_components/status-badge";
import { SCAN_KIND_LABELS, type GovernanceAbilities, type ScanJson } from "./governance-types";
import { useApiAction } from "./use-api-action";

interface Props {
  scans: ScanJson[];
  scansUrl: string;
  abilities: GovernanceAbilities;
  /** Other ready versions an overlap scan can compare against. */
  otherVersions: { id: string; label: string }[];
}

export function ScansPanel({ scans, scansUrl, abilities, otherVersions }: Props) {
  const { run, pending, error } = useApiAction();
  const [other, setOther] = useState("");
  const start = (kind: string, params: Record<string, unknown>) => run(scansUrl, { method: "POST", body: JSON.stringify({ kind, params }) });
  return (
    <div className="stack-sm">
      {error ? <div className="alert alert-error" role="alert">{error}</div> : null}
      {scans.length === 0 ? <p className="muted">No scans yet: they start when the version is ingested.</p> : null}
      <ul className="scan-list" data-testid="scans">
        {scans.map((scan) => (
          <li key={scan.id} className="scan-row" data-kind={scan.kind} data-status={scan.status}>
            <div className="scan-row-head">
              <strong>{SCAN_KIND_LABELS[scan.kind]}</strong>
              <StatusBadge status={scan.status} />
              <span className="muted">
                {scan.status === "completed" ? `${formatCount(scan.findingCount)} findings · ${formatDateTime(scan.finishedAt ?? scan.createdAt)}` : formatDateTime(scan.createdAt)}
              </span>
              <span className="scan-row-actions">
                {abilities.cancelJobs && scan.job && isActiveStatus(scan.status) ? (
                  <button type="button" className="btn btn-sm" disabled={pending} onClick={() => run(`/api/v1/jobs/${scan.job!.id}/cancel`, { method: "POST" })}>
                    Cancel
                  </button>
                ) : null}
                {abilities.runScans && !isActiveStatus(scan.status) ? (
                  <button type="button" className="btn btn-sm" disabled={pending} onClick={() => start(scan.kind, scan.params)}>
                    Re-run
                  </button>
                ) : null}
              </span>
            </div>
            {isActiveStatus(scan.status) ? (
              <ProgressBar
                value={scan.job && scan.job.status === "active" ? scan.job.progress : null}
                label={`${SCAN_KIND_LABELS[scan.kind]} scan`}
                message={scan.job?.progressMessage || (scan.status === "queued" ? "Waiting for a worker…" : "Scanning…")}
              />
            ) : null}
            {scan.status === "failed" && scan.error ? <div className="field-error">{scan.error}</div> : null}
          </li>
        ))}
      </ul>
      {abilities.runScans && otherVersions.length > 0 ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (other) void start("overlap", { otherVersionId: other });
          }}
        >
          <label htmlFor="overlap-target">Check train/test overlap against</label>
          <select id="overlap-target" className="select" value={other} onChange={(event) => setOther(event.target.value)}>
            <option value="">Choose a version…</option>
            {otherVersions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-sm" disabled={!other || pending}>
            Start overlap scan
          </button>
        </form>
      ) : null}
    </div>
  );
}
