"use client";
// Choose the model version, the kind of audit and its configuration; the cost estimate (training
// runs × seconds per run) is fetched as the choice changes and shown before anything starts.
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { apiFetch, messageOf } from "../../../_components/api-client";
import { useApiAction } from "../../../_components/use-api-action";
import { AUDIT_KIND_LABELS, type AuditCostEstimate, type AuditKindName } from "../audit-types";

type ModelKind = Exclude<AuditKindName, "scores_only">;

/** The config fields each kind offers in the form (the API accepts more; see the OpenAPI document). */
const FIELDS: Record<ModelKind, { name: string; label: string; defaultValue: number; hint: string }[]> = {
  membership_inference: [{ name: "maxExamples", label: "Examples per side", defaultValue: 1000, hint: "members from the training data, non-members from the evaluation data" }],
  lira: [
    { name: "shadowModels", label: "Shadow models", defaultValue: 16, hint: "each trained like the target on a random half; more is stronger and slower" },
    { name: "maxExamples", label: "Examples per side", defaultValue: 1000, hint: "members and non-members audited" },
  ],
  one_run_epsilon: [{ name: "canaries", label: "Canaries", defaultValue: 500, hint: "each inserted with probability ½ into one retraining" }],
  attribute_inference: [{ name: "maxExamples", label: "Records per side", defaultValue: 1000, hint: "the first categorical column is the sensitive attribute" }],
  model_inversion: [{ name: "steps", label: "Gradient steps", defaultValue: 200, hint: "per class reconstructed" }],
  model_extraction: [{ name: "maxExamples", label: "Query pool", defaultValue: 1000, hint: "non-member inputs the attacker may query" }],
  canary_exposure: [
    { name: "canaries", label: "Canaries", defaultValue: 5, hint: "random records inserted into one retraining" },
    { name: "repeats", label: "Copies of each", defaultValue: 1, hint: "how often each canary appears in training" },
  ],
};

const KINDS = Object.keys(FIELDS) as ModelKind[];

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function NewAuditForm({ model: initialModel, version: initialVersion }: { model: string; version: string }) {
  const router = useRouter();
  const [model, setModel] = useState(initialModel);
  const [version, setVersion] = useState(initialVersion || "1");
  const [kind, setKind] = useState<ModelKind>("membership_inference");
  const [values, setValues] = useState<Record<string, string>>({});
  const [estimate, setEstimate] = useState<AuditCostEstimate | null>(null);
  const [estimateError, setEstimateError] = useState<string | null>(null);
  const { busy: submitting, error, run } = useApiAction({ busyAfterSuccess: true });

  const config = Object.fromEntries(FIELDS[kind].map((f) => [f.name, Number(values[`${kind}.${f.name}`] ?? f.defaultValue)]));
  const configKey = JSON.stringify(config);

  useEffect(() => {
    if (!model.trim() || !version) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      apiFetch<AuditCostEstimate>("/api/v1/audits/estimate", { method: "POST", body: JSON.stringify({ model: model.trim(), version: Number(version), kind, config: JSON.parse(configKey) }), signal: controller.signal })
        .then((next) => {
          setEstimate(next);
          setEstimateError(null);
        })
        .catch((cause: unknown) => {
          if (cause instanceof DOMException && cause.name === "AbortError") return;
          setEstimate(null);
          setEstimateError(messageOf(cause));
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [model, version, kind, configKey]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const started = await apiFetch<{ id: string }>(`/api/v1/models/${encodeURIComponent(model.trim())}/versions/${Number(version)}/audits`, { method: "POST", body: JSON.stringify({ kind, config }) });
      router.push(`/audits/${started.id}`);
    });
  }

  return (
    <form className="card" onSubmit={submit} aria-label="Audit a model version">
      <div className="card-header">
        <h2>Audit a model version</h2>
      </div>
      <div className="card-body stack">
        <div className="form-grid">
          <div className="field">
            <label htmlFor="audit-model">Model</label>
            <input id="audit-model" className="input mono" required value={model} onChange={(e) => setModel(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="audit-version">Version</label>
            <input id="audit-version" className="input" type="number" min={1} required value={version} onChange={(e) => setVersion(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="audit-kind">Attack</label>
          <select id="audit-kind" className="select" value={kind} onChange={(e) => setKind(e.target.value as ModelKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {AUDIT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-grid">
          {FIELDS[kind].map((f) => (
            <div className="field" key={`${kind}.${f.name}`}>
              <label htmlFor={`audit-${f.name}`}>{f.label}</label>
              <input
                id={`audit-${f.name}`}
                className="input"
                type="number"
                min={1}
                value={values[`${kind}.${f.name}`] ?? String(f.defaultValue)}
                onChange={(e) => setValues((current) => ({ ...current, [`${kind}.${f.name}`]: e.target.value }))}
              />
              <span className="hint">{f.hint}</span>
            </div>
          ))}
        </div>
        <div className="alert alert-info" role="status" aria-live="polite" data-testid="audit-estimate">
          {estimateError ? (
            <span>Cost unknown: {estimateError}</span>
          ) : !estimate ? (
            <span>Estimating the cost…</span>
          ) : estimate.trainings === 0 ? (
            <span>No training runs: {estimate.note}.</span>
          ) : (
            <span>
              <strong>{estimate.trainings} training run{estimate.trainings === 1 ? "" : "s"}</strong>
              {estimate.estimatedSeconds === null ? ` — time unknown: ${estimate.note}.` : ` × ${formatSeconds(estimate.secondsPerTraining ?? 0)} ≈ ${formatSeconds(estimate.estimatedSeconds)} (${estimate.note}).`}
            </span>
          )}
        </div>
        {error ? (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        ) : null}
        <div>
          <button className="btn btn-primary" type="submit" disabled={submitting}>
            {submitting ? "Starting…" : "Start audit"}
          </button>
        </div>
      </div>
    </form>
  );
}
