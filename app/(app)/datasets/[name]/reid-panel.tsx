"use client";
// Re-identification risk from the latest reid scan, the generalisations that would raise k, and a
// chooser to re-run the scan with other quasi-identifiers, sensitive column or k.
import { useState, type FormEvent } from "react";
import { formatCount } from "@/lib/format";
import { formatRate, type GovernanceAbilities } from "./governance-types";
import { useApiAction } from "./use-api-action";

interface ReidSummary {
  records?: number;
  classes?: number;
  k: number | null;
  recordsAtRisk?: number;
  prosecutorMaxRisk?: number;
  prosecutorAvgRisk?: number;
  lDiversity?: number | null;
  threshold?: number;
  sensitive?: string | null;
  quasiIdentifiers: { column: string; kind: string | null }[];
  suggested?: boolean;
  note?: string;
  generalisations?: { column: string; description: string; k: number; recordsAtRisk: number }[];
}

interface Props {
  summary: ReidSummary | null;
  columns: string[];
  scansUrl: string;
  abilities: GovernanceAbilities;
}

export function ReidPanel({ summary, columns, scansUrl, abilities }: Props) {
  const [chosen, setChosen] = useState<string[]>(summary?.quasiIdentifiers.map((q) => q.column) ?? []);
  const [sensitive, setSensitive] = useState(summary?.sensitive ?? "");
  const [k, setK] = useState(String(summary?.threshold ?? 5));
  const { run, pending, error } = useApiAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    const params = { quasiIdentifiers: chosen, k: Number(k), ...(sensitive ? { sensitive } : {}) };
    void run(scansUrl, { method: "POST", body: JSON.stringify({ kind: "reid", params }) });
  }

  const records = summary?.records ?? 0;
  return (
    <div className="stack-sm" data-testid="reid">
      {summary === null ? <p className="muted">No re-identification scan has completed yet.</p> : null}
      {summary?.note ? <p className="muted">{summary.note}</p> : null}
      {summary && summary.k !== null ? (
        <dl className="facts">
          <div>
            <dt>Quasi-identifiers{summary.suggested ? " (suggested)" : ""}</dt>
            <dd className="mono">{summary.quasiIdentifiers.map((q) => q.column).join(", ")}</dd>
          </div>
          <div>
            <dt>k-anonymity</dt>
            <dd>{summary.k}</dd>
          </div>
          <div>
            <dt>Records at risk (k &lt; {summary.threshold})</dt>
            <dd>
              {formatCount(summary.recordsAtRisk ?? 0)} ({formatRate(records ? (summary.recordsAtRisk ?? 0) / records : 0)})
            </dd>
          </div>
          <div>
            <dt>Prosecutor risk, highest / average</dt>
            <dd>
              {summary.prosecutorMaxRisk?.toFixed(3)} / {summary.prosecutorAvgRisk?.toFixed(3)}
            </dd>
          </div>
          <div>
            <dt>Equivalence classes</dt>
            <dd>{formatCount(summary.classes ?? 0)}</dd>
          </div>
          <div>
            <dt>Distinct l-diversity{summary.sensitive ? ` of ${summary.sensitive}` : ""}</dt>
            <dd>{summary.lDiversity ?? "—"}</dd>
          </div>
        </dl>
      ) : null}
      {summary?.generalisations && summary.generalisations.length > 0 ? (
        <table className="table" data-testid="generalisations">
          <thead>
            <tr>
              <th>One change</th>
              <th className="num">k reached</th>
              <th className="num">Records at risk</th>
            </tr>
          </thead>
          <tbody>
            {summary.generalisations.map((g) => (
              <tr key={g.description}>
                <td>{g.description}</td>
                <td className="num">{g.k}</td>
                <td className="num">{formatCount(g.recordsAtRisk)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {abilities.runScans && columns.length > 0 ? (
        <form className="form" onSubmit={submit} aria-label="Choose quasi-identifiers">
          <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="label">Quasi-identifiers</legend>
            <div className="checkbox-list">
              {columns.map((column) => (
                <label key={column} className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.includes(column)}
                    disabled={column === sensitive}
                    onChange={(event) => setChosen((current) => (event.target.checked ? [...current, column] : current.filter((c) => c !== column)))}
                  />
                  <span className="mono">{column}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="inline-form">
            <label htmlFor="reid-sensitive">Sensitive column</label>
            <select id="reid-sensitive" className="select" value={sensitive} onChange={(event) => setSensitive(event.target.value)}>
              <option value="">None</option>
              {columns.filter((c) => !chosen.includes(c)).map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <label htmlFor="reid-k">k</label>
            <input id="reid-k" className="input input-narrow" type="number" min={1} max={10000} value={k} onChange={(event) => setK(event.target.value)} />
            <button type="submit" className="btn btn-sm btn-primary" disabled={pending || chosen.length === 0}>
              Re-run with these
            </button>
          </div>
          {error ? <div className="alert alert-error" role="alert">{error}</div> : null}
        </form>
      ) : null}
    </div>
  );
}
