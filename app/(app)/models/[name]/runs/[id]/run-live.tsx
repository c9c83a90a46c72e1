"use client";
// A training run as it happens: polled every second while queued or active.
import Link from "next/link";
import { apiFetch } from "../../../../../_components/api-client";
import { ProgressBar } from "../../../../../_components/progress-bar";
import { StatusBadge, isActiveStatus } from "../../../../../_components/status-badge";
import { useApiAction } from "../../../../../_components/use-api-action";
import { useApiQuery } from "../../../../../_components/use-api-query";
import type { Serialized } from "@/lib/api";
import { formatEpsilon } from "@/lib/format";
import type { TrainingRunView } from "@/lib/training";
import { formatDelta, formatPercent } from "../../../_components/format";
import { TrainingCurves } from "../../../_components/training-curves";

/** GET /api/v1/training-runs/{id}; lib/ types the stored config as unknown, so the fields this page reads are spelled out. */
export type RunView = Omit<Serialized<TrainingRunView>, "config"> & {
  config: { train?: { delta?: number; noiseMultiplier?: number; sampleRate?: number; clipNorm?: number; accountant?: string; private?: boolean }; plannedEpsilon?: number | null };
};

export function RunLive({ initial, canCancel }: { initial: RunView; canCancel: boolean }) {
  const { data } = useApiQuery<RunView>(`/api/v1/training-runs/${initial.id}`, { refreshMs: 1000, shouldPoll: (run) => isActiveStatus(run.status) });
  const run = data ?? initial;
  const { busy: cancelling, error: cancelError, run: runCancel } = useApiAction();
  const p = run.progress;
  const planned = run.config.plannedEpsilon ?? p.plannedEpsilon ?? null;
  const active = isActiveStatus(run.status);
  const contamination = p.outsideGuarantee?.contamination;

  async function cancel() {
    const job = run.job;
    if (!job) return;
    await runCancel(async () => {
      await apiFetch(`/api/v1/jobs/${job.id}/cancel`, { method: "POST" });
    });
  }

  return (
    <div className="stack">
      <div className="card">
        <div className="card-header">
          <h2>
            <StatusBadge status={run.status} />
          </h2>
          {active && canCancel && run.job ? (
            <button type="button" className="btn btn-danger btn-sm" onClick={cancel} disabled={cancelling} data-testid="cancel-run">
              {cancelling ? "Cancelling…" : "Cancel run"}
            </button>
          ) : null}
        </div>
        <div className="card-body stack">
          {cancelError ? <div className="alert alert-error">{cancelError}</div> : null}
          {run.error ? (
            <div className="alert alert-error" role="alert">
              {run.error}
            </div>
          ) : null}
          {p.stoppedEarly === "budget" ? <div className="alert alert-warn">Stopped at the privacy budget: the version reached what its dataset budget allows.</div> : null}
          {contamination && contamination.rate > 0 ? (
            <div className="alert alert-warn" data-testid="run-contamination">
              {formatPercent(contamination.rate)} of the evaluation records ({contamination.overlapping} of {contamination.evalRecords}) also appear in the training set: the metrics overstate generalisation.{" "}
              <span className="badge badge-warn">{p.outsideGuarantee!.label}</span>
            </div>
          ) : null}
          {active ? <ProgressBar value={run.status === "queued" ? null : Math.round((100 * p.step) / Math.max(1, p.totalSteps))} message={p.message ?? run.job?.progressMessage} /> : null}
          <dl className="facts">
            <div>
              <dt>Step</dt>
              <dd data-testid="run-step">
                {p.step} / {p.totalSteps}
              </dd>
            </div>
            <div>
              <dt>Epoch</dt>
              <dd>{p.epoch === undefined ? "—" : p.epoch.toFixed(2)}</dd>
            </div>
            <div>
              <dt>Loss{p.evaluatedOn ? ` (${p.evaluatedOn} set)` : ""}</dt>
              <dd>{p.loss === undefined ? "—" : p.loss.toFixed(4)}</dd>
            </div>
            <div>
              <dt>Accuracy{p.evaluatedOn ? ` (${p.evaluatedOn} set)` : ""}</dt>
              <dd>{formatPercent(p.accuracy)}</dd>
            </div>
            <div>
              <dt>ε spent</dt>
              <dd data-testid="run-epsilon">
                {formatEpsilon(p.epsilon)} <span className="muted">of {formatEpsilon(planned)} planned</span>
              </dd>
            </div>
            <div>
              <dt>δ · σ · q · C</dt>
              <dd className="mono">
                {formatDelta(run.config.train?.delta)} · {run.config.train?.noiseMultiplier?.toFixed(3) ?? "—"} · {run.config.train?.sampleRate ?? "—"} · {run.config.train?.clipNorm ?? "—"}
              </dd>
            </div>
            <div>
              <dt>Accountant · backend</dt>
              <dd>
                {run.config.train?.accountant ?? "—"} · {run.backend ?? "—"}
              </dd>
            </div>
            <div>
              <dt>Model version</dt>
              <dd data-testid="run-version">
                {run.modelVersion !== null ? <Link href={`/models/${encodeURIComponent(run.model)}/versions/${run.modelVersion}`}>v{run.modelVersion}</Link> : "—"}
              </dd>
            </div>
          </dl>
        </div>
      </div>
      <div className="card">
        <div className="card-header">
          <h2>Curves</h2>
        </div>
        <div className="card-body">
          <TrainingCurves progress={p} plannedEpsilon={planned} />
        </div>
      </div>
    </div>
  );
}
