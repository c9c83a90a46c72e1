"use client";
// The privacy budget of one dataset version: (ε, δ) set by the owner, what DP training runs spent
// and reserve (basic composition, this version's and its ancestors'), and the ledger of runs.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { formatDateTime } from "@/lib/format";
import { apiFetch, messageOf } from "../../../_components/api-client";
import { LoadFailed } from "../../../_components/load-failed";
import { StatusBadge } from "../../../_components/status-badge";
import { useApiQuery } from "../../../_components/use-api-query";

interface EpsilonDelta {
  epsilon: number;
  delta: number;
}

interface BudgetView {
  uses: { datasetVersionId: string; label: string; budget: EpsilonDelta | null; spent: EpsilonDelta; reserved: EpsilonDelta; remaining: EpsilonDelta | null }[];
  ledger: { trainingRunId: string; model: string; modelVersion: number | null; runStatus: string; trainedOn: string; epsilon: number; delta: number; createdAt: string }[];
}

const eps = (x: number) => x.toFixed(2);
const del = (x: number) => (x === 0 ? "0" : x.toExponential(1));

export function BudgetPanel({ datasetName, version, canSet }: { datasetName: string; version: number; canSet: boolean }) {
  const url = `/api/v1/datasets/${encodeURIComponent(datasetName)}/versions/${version}/budget`;
  const { data, error, reload } = useApiQuery<BudgetView>(url, { refreshMs: 3000, shouldPoll: (b) => b.ledger.some((e) => e.runStatus === "queued" || e.runStatus === "active") });
  const [form, setForm] = useState({ epsilon: "", delta: "" });
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (error) return <LoadFailed title="The privacy budget could not be loaded" error={error} onRetry={reload} />;
  const own = data?.uses[0];
  const ancestors = data?.uses.slice(1).filter((u) => u.budget) ?? [];

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setSaveError(null);
    try {
      await apiFetch(url, { method: "PUT", body: JSON.stringify({ epsilon: Number(form.epsilon), delta: Number(form.delta) }) });
      setForm({ epsilon: "", delta: "" });
      reload();
    } catch (cause) {
      setSaveError(messageOf(cause));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card" data-testid="budget-panel">
      <div className="card-header">
        <h2>Privacy budget</h2>
        <span className="muted">basic composition: the ε and δ of runs add up</span>
      </div>
      <div className="card-body stack">
        {own?.budget ? (
          <dl className="facts">
            <div>
              <dt>Budget</dt>
              <dd data-testid="budget-total">
                ε {eps(own.budget.epsilon)}, δ {del(own.budget.delta)}
              </dd>
            </div>
            <div>
              <dt>Spent</dt>
              <dd>
                ε {eps(own.spent.epsilon)}, δ {del(own.spent.delta)}
              </dd>
            </div>
            <div>
              <dt>Reserved by running jobs</dt>
              <dd>ε {eps(own.reserved.epsilon)}</dd>
            </div>
            <div>
              <dt>Remaining</dt>
              <dd data-testid="budget-remaining">
                ε {eps(Math.max(0, own.remaining!.epsilon))}, δ {del(Math.max(0, own.remaining!.delta))}
              </dd>
            </div>
          </dl>
        ) : data ? (
          <p className="muted">No budget is set: DP training on this version is not limited.</p>
        ) : (
          <p className="muted">Loading…</p>
        )}
        {ancestors.map((u) => (
          <p key={u.datasetVersionId} className="muted">
            Derived from {u.label}: training here also consumes its budget (ε {eps(Math.max(0, u.remaining!.epsilon))} of {eps(u.budget!.epsilon)} left).
          </p>
        ))}
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
                  <td className="num">{eps(e.epsilon)}</td>
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
