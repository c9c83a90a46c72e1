"use client";
// The privacy budget of one dataset version: (ε, δ) set by the owner, what the runs on its lineage
// (ancestors and descendants) spent and reserve, RDP-composed at the budget's δ beside the summed
// figures and the saving, the switch that allows training without DP, and the ledger of runs.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { Serialized } from "@/lib/api";
import { formatDateTime, formatEpsilon } from "@/lib/format";
import type { DatasetBudgetView } from "@/lib/training";
import { apiFetch } from "../../../_components/api-client";
import { LoadFailed } from "../../../_components/load-failed";
import { StatusBadge } from "../../../_components/status-badge";
import { useApiAction } from "../../../_components/use-api-action";
import { useApiQuery } from "../../../_components/use-api-query";

type BudgetView = Serialized<DatasetBudgetView>;

const del = (x: number) => (x === 0 ? "0" : x.toExponential(1));

type LedgerEntry = BudgetView["ledger"][number];
/** The run's (σ, q, steps), whose RDP curve the budget composes. */
const mechanism = ({ sgmRuns, usedWithoutDp }: LedgerEntry) =>
  sgmRuns === null
    ? usedWithoutDp
      ? "none"
      : "not known (ε summed)"
    : sgmRuns.length === 0
      ? "no step yet"
      : sgmRuns.map((r) => `σ ${r.noiseMultiplier.toFixed(2)}, q ${r.sampleRate}, ${r.steps} steps`).join("; ");

export function BudgetPanel({ datasetName, version, canSet, canAllowNonPrivate }: { datasetName: string; version: number; canSet: boolean; canAllowNonPrivate: boolean }) {
  const url = `/api/v1/datasets/${encodeURIComponent(datasetName)}/versions/${version}/budget`;
  const { data, error, reload } = useApiQuery<BudgetView>(url, { refreshMs: 3000, shouldPoll: (b) => b.ledger.some((e) => e.runStatus === "queued" || e.runStatus === "active") });
  const [form, setForm] = useState({ epsilon: "", delta: "" });
  const { busy: saving, error: saveError, run } = useApiAction();

  if (error) return <LoadFailed title="The privacy budget could not be loaded" error={error} onRetry={reload} />;
  const own = data?.uses[0];
  const lineage = data?.uses.slice(1).filter((u) => u.budget) ?? [];

  async function allowNonPrivate(allowed: boolean) {
    await run(async () => {
      await apiFetch(`${url}/non-private-use`, { method: "PUT", body: JSON.stringify({ allowed }) });
      reload();
    });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      await apiFetch(url, { method: "PUT", body: JSON.stringify({ epsilon: Number(form.epsilon), delta: Number(form.delta) }) });
      setForm({ epsilon: "", delta: "" });
      reload();
    });
  }

  return (
    <section className="card" data-testid="budget-panel">
      <div className="card-header">
        <h2>Privacy budget</h2>
        <span className="muted">runs on this version, its ancestors and descendants, composed by their RDP curves at the budget's δ</span>
      </div>
      <div className="card-body stack">
        {own?.budget ? (
          <dl className="facts">
            <div>
              <dt>Budget</dt>
              <dd data-testid="budget-total">
                ε {formatEpsilon(own.budget.epsilon)}, δ {del(own.budget.delta)}
              </dd>
            </div>
            <div>
              <dt>Spent (RDP-composed)</dt>
              <dd data-testid="budget-spent">
                ε {formatEpsilon(own.spent.epsilon)} at δ {del(own.budget.delta)}
              </dd>
            </div>
            <div>
              <dt>Spent if summed</dt>
              <dd data-testid="budget-summed">
                ε {formatEpsilon(own.summed.spent.epsilon)}, δ {del(own.summed.spent.delta)}
              </dd>
            </div>
            <div>
              <dt>Saving of composition</dt>
              <dd data-testid="budget-saving">ε {formatEpsilon(own.saving ?? 0)}</dd>
            </div>
            <div>
              <dt>Reserved by running jobs</dt>
              <dd>ε {formatEpsilon(own.reserved.epsilon)}</dd>
            </div>
            <div>
              <dt>Remaining</dt>
              <dd data-testid="budget-remaining">
                ε {formatEpsilon(Math.max(0, own.remaining!.epsilon))} at δ {del(own.budget.delta)}
              </dd>
            </div>
            <div>
              <dt>Training without DP</dt>
              <dd data-testid="budget-non-private">
                {own.allowNonPrivate ? "allowed" : "refused"}; {own.nonPrivateRuns} {own.nonPrivateRuns === 1 ? "run" : "runs"} used this data without DP
              </dd>
            </div>
          </dl>
        ) : data ? (
          <p className="muted">No budget is set: DP training on this version is not limited.</p>
        ) : (
          <p className="muted">Loading…</p>
        )}
        {own && !own.budget && own.nonPrivateRuns > 0 ? <p className="muted">{own.nonPrivateRuns} {own.nonPrivateRuns === 1 ? "run" : "runs"} used this data without DP.</p> : null}
        {lineage.map((u) => (
          <p key={u.datasetVersionId} className="muted">
            Lineage of {u.label}: training here also counts against its budget (ε {formatEpsilon(Math.max(0, u.remaining!.epsilon))} of {formatEpsilon(u.budget!.epsilon)} left
            {u.allowNonPrivate ? "" : "; training without DP refused"}).
          </p>
        ))}
        {own?.budget && canAllowNonPrivate ? (
          <div className="row">
            <button type="button" className="btn btn-sm" disabled={saving} data-testid="allow-non-private" onClick={() => allowNonPrivate(!own.allowNonPrivate)}>
              {own.allowNonPrivate ? "Refuse training without DP" : "Allow training without DP"}
            </button>
            <span className="hint">Non-private runs and baselines consume no ε but are recorded, and every scorecard of a model trained on this data says so.</span>
          </div>
        ) : null}
        {canSet ? (
          <form className="row" onSubmit={save} data-testid="budget-form">
            <input className="input" type="number" step="any" min="0" placeholder="ε" aria-label="Budget ε" value={form.epsilon} onChange={(e) => setForm({ ...form, epsilon: e.target.value })} required />
            <input className="input" type="number" step="any" min="0" placeholder="δ, e.g. 1e-5" aria-label="Budget δ" value={form.delta} onChange={(e) => setForm({ ...form, delta: e.target.value })} required />
            <button type="submit" className="btn btn-sm" disabled={saving}>
              {own?.budget ? "Change budget" : "Set budget"}
            </button>
          </form>
        ) : null}
        {saveError ? (
          <div className="alert alert-error" role="alert">
            {saveError}
          </div>
        ) : null}
        {data && data.ledger.length > 0 ? (
          <table className="table" data-testid="budget-ledger">
            <thead>
              <tr>
                <th>Model</th>
                <th>Run</th>
                <th>Trained on</th>
                <th>Mechanism</th>
                <th className="num">ε</th>
                <th className="num">δ</th>
                <th>Started</th>
              </tr>
            </thead>
            <tbody>
              {data.ledger.map((e) => (
                <tr key={e.trainingRunId}>
                  <td>
                    <Link href={`/models/${encodeURIComponent(e.model)}`}>{e.model}</Link>
                    {e.modelVersion !== null ? <span className="muted"> v{e.modelVersion}</span> : null}
                  </td>
                  <td>
                    <Link href={`/models/${encodeURIComponent(e.model)}/runs/${e.trainingRunId}`}>
                      <StatusBadge status={e.runStatus} />
                    </Link>
                  </td>
                  <td>{e.trainedOn}</td>
                  <td>
                    {mechanism(e)}
                    {e.usedWithoutDp ? (
                      <div className="muted" data-testid="ledger-without-dp">
                        {e.sgmRuns === null ? "trained without DP (no ε)" : "its baseline trained without DP (no ε)"}
                      </div>
                    ) : null}
                  </td>
                  <td className="num">{formatEpsilon(e.epsilon)}</td>
                  <td className="num">{del(e.delta)}</td>
                  <td className="nowrap">{formatDateTime(e.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}
