"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { apiFetch, messageOf } from "../../../_components/api-client";
import { AlertIcon } from "../../../_components/icons";
import { useApiAction } from "../../../_components/use-api-action";
import type { Serialized } from "@/lib/api";
import { formatEpsilon } from "@/lib/format";
import type { TrainingPlan } from "@/lib/training";
import { formatDelta } from "../_components/format";

export interface VersionOption {
  key: string;
  name: string;
  version: number;
  rowCount: number;
  columns: string[];
  /** Columns the ingest typed as numbers: the schema template gives them a range. */
  numericColumns: string[];
  hasBudget: boolean;
}

interface StartAnswer {
  plan: Serialized<TrainingPlan>;
  run: { id: string; model: string } | null;
}

interface Values {
  model: string;
  dataset: string;
  target: string;
  evalDataset: string;
  publicDataset: string;
  /** Where a private run's feature ranges and categories come from: never the private rows. */
  preprocessing: "declared" | "public";
  schema: string;
  kind: "logistic" | "mlp";
  hidden: string;
  epochs: string;
  learningRate: string;
  sampleRate: string;
  clipNorm: string;
  noiseMode: "target" | "sigma";
  targetEpsilon: string;
  noiseMultiplier: string;
  delta: string;
  accountant: "rdp" | "prv";
  baseline: boolean;
}

/**
 * A schema to complete: the classes and each column's range or categories are left for the user to
 * declare (from domain knowledge or documentation), never filled from the private rows.
 */
function schemaTemplate(version: VersionOption | undefined, target: string): string {
  const columns = (version?.columns ?? [])
    .filter((c) => c !== target)
    .map((name) => (version!.numericColumns.includes(name) ? { name, kind: "numeric", min: 0, max: 1 } : { name, kind: "categorical", categories: ["…"] }));
  return JSON.stringify({ classes: ["…", "…"], columns }, null, 2);
}

/** The declared schema, or why it cannot be sent. */
function parseSchema(text: string): { schema?: unknown; error?: string } {
  try {
    return { schema: JSON.parse(text) as unknown };
  } catch {
    return { error: "The preprocessing schema is not valid JSON." };
  }
}

function requestOf(values: Values, versions: VersionOption[], dryRun: boolean) {
  const ref = (key: string) => {
    const v = versions.find((o) => o.key === key);
    return v ? { name: v.name, version: v.version } : undefined;
  };
  const config: Record<string, unknown> = {
    model: values.kind === "mlp" ? { kind: "mlp", hidden: values.hidden.split(",").map((s) => Number(s.trim())).filter((n) => n > 0) } : { kind: "logistic" },
    epochs: Number(values.epochs),
    learningRate: Number(values.learningRate),
    sampleRate: Number(values.sampleRate),
    clipNorm: Number(values.clipNorm),
    accountant: values.accountant,
    ...(values.noiseMode === "target" ? { targetEpsilon: Number(values.targetEpsilon) } : { noiseMultiplier: Number(values.noiseMultiplier) }),
    ...(values.delta.trim() ? { delta: Number(values.delta) } : {}),
  };
  return {
    model: values.model.trim(),
    dataset: ref(values.dataset),
    target: values.target,
    ...(values.evalDataset ? { eval: ref(values.evalDataset) } : {}),
    ...(values.publicDataset ? { public: ref(values.publicDataset) } : {}),
    ...(values.preprocessing === "declared" ? { schema: parseSchema(values.schema).schema } : {}),
    config,
    baseline: values.baseline,
    dryRun,
  };
}

export function TrainForm({ versions, preset }: { versions: VersionOption[]; preset?: string }) {
  const router = useRouter();
  const initial = versions.find((v) => v.key === preset) ?? versions[0];
  const [values, setValues] = useState<Values>({
    model: "",
    dataset: initial?.key ?? "",
    target: initial?.columns.at(-1) ?? "",
    evalDataset: "",
    publicDataset: "",
    preprocessing: "declared",
    schema: schemaTemplate(initial, initial?.columns.at(-1) ?? ""),
    kind: "mlp",
    hidden: "16",
    epochs: "5",
    learningRate: "0.5",
    sampleRate: "0.05",
    clipNorm: "1",
    noiseMode: "target",
    targetEpsilon: "3",
    noiseMultiplier: "1.1",
    delta: "",
    accountant: "rdp",
    baseline: true,
  });
  const [plan, setPlan] = useState<Serialized<TrainingPlan> | null>(null);
  const [planError, setPlanError] = useState<string | null>(null);
  const { busy: submitting, error: submitError, run } = useApiAction({ busyAfterSuccess: true });
  const selected = versions.find((v) => v.key === values.dataset);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((old) => ({ ...old, [key]: value }));

  const schemaError = values.preprocessing === "declared" ? parseSchema(values.schema).error : undefined;
  const planBody = useMemo(
    () => (selected && values.target && !schemaError ? JSON.stringify(requestOf({ ...values, model: values.model.trim() || "plan-only" }, versions, true)) : null),
    [values, versions, selected, schemaError],
  );
  useEffect(() => {
    if (!planBody) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      apiFetch<StartAnswer>("/api/v1/training-runs", { method: "POST", body: planBody, signal: controller.signal })
        .then((answer) => {
          setPlan(answer.plan);
          setPlanError(null);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setPlan(null);
          setPlanError(messageOf(error));
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [planBody]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const answer = await apiFetch<StartAnswer>("/api/v1/training-runs", { method: "POST", body: JSON.stringify(requestOf(values, versions, false)) });
      router.push(`/models/${encodeURIComponent(answer.run!.model)}/runs/${answer.run!.id}`);
    });
  }

  if (versions.length === 0) {
    return (
      <div className="card">
        <div className="card-body">No dataset version is ready for training yet: upload a CSV or JSON Lines version of a dataset first.</div>
      </div>
    );
  }

  const input = (key: keyof Values, props: Record<string, unknown> = {}) => ({
    id: key,
    name: key,
    value: values[key] as string,
    onChange: (e: { target: { value: string } }) => set(key, e.target.value as never),
    ...props,
  });

  return (
    <div className="grid-main-side">
      <form className="card" onSubmit={onSubmit} noValidate data-testid="train-form">
        <div className="card-body form">
          {submitError ? (
            <div className="alert alert-error" role="alert" data-testid="train-error">
              <AlertIcon size={16} /> {submitError}
            </div>
          ) : null}
          <div className="form-section-title">Model and data</div>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="model">Model name</label>
              <input className="input mono" required autoComplete="off" placeholder="churn-dp" {...input("model")} />
              <span className="hint">A new name creates the model; an existing one gets a new version.</span>
            </div>
            <div className="field">
              <label htmlFor="dataset">Training data</label>
              <select
                className="select"
                {...input("dataset")}
                onChange={(e) => {
                  const next = versions.find((v) => v.key === e.target.value);
                  setValues((old) => {
                    const target = next?.columns.includes(old.target) ? old.target : (next?.columns.at(-1) ?? "");
                    return { ...old, dataset: e.target.value, target, schema: schemaTemplate(next, target) };
                  });
                }}
              >
                {versions.map((v) => (
                  <option key={v.key} value={v.key}>
                    {v.name} v{v.version} ({v.rowCount} rows{v.hasBudget ? ", budgeted" : ""})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="target">Target column</label>
              <select className="select" {...input("target")}>
                {(selected?.columns ?? []).map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="evalDataset">
                Evaluation data <span className="optional">(optional)</span>
              </label>
              <select className="select" {...input("evalDataset")}>
                <option value="">The training data</option>
                {versions.map((v) => (
                  <option key={v.key} value={v.key}>
                    {v.name} v{v.version}
                  </option>
                ))}
              </select>
              <span className="hint">Checked for overlap with the training data when the run starts.</span>
            </div>
            <div className="field">
              <label htmlFor="publicDataset">
                Public data <span className="optional">(optional)</span>
              </label>
              <select className="select" {...input("publicDataset")}>
                <option value="">None</option>
                {versions.map((v) => (
                  <option key={v.key} value={v.key}>
                    {v.name} v{v.version}
                  </option>
                ))}
              </select>
              <span className="hint">Pretrained on without noise, consuming no budget.</span>
            </div>
            <div className="field">
              <label htmlFor="preprocessing">Feature ranges and categories</label>
              <select className="select" {...input("preprocessing")}>
                <option value="declared">Declared below</option>
                <option value="public">Fitted on the public data</option>
              </select>
              <span className="hint">Never fitted on the private training rows: a category seen once would reveal its record.</span>
            </div>
            {values.preprocessing === "declared" ? (
              <div className="field span-2">
                <label htmlFor="schema">Preprocessing schema (JSON)</label>
                <textarea className="textarea mono" rows={10} spellCheck={false} {...input("schema")} />
                <span className="hint">
                  The target&apos;s classes, and per feature column a numeric range (values are clipped to it) or its categories, from domain knowledge, not from the data. Columns left out are not used.
                </span>
                {schemaError ? (
                  <span className="field-error" role="alert">
                    {schemaError}
                  </span>
                ) : null}
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="kind">Model kind</label>
              <select className="select" {...input("kind")}>
                <option value="logistic">Logistic regression</option>
                <option value="mlp">MLP (tanh)</option>
              </select>
            </div>
            {values.kind === "mlp" ? (
              <div className="field">
                <label htmlFor="hidden">Hidden units</label>
                <input className="input mono" {...input("hidden")} />
                <span className="hint">Comma-separated layer widths, e.g. 32,16.</span>
              </div>
            ) : null}
          </div>
          <div className="form-section-title">DP-SGD</div>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="epochs">Epochs</label>
              <input className="input" type="number" min="0.1" step="any" {...input("epochs")} />
            </div>
            <div className="field">
              <label htmlFor="learningRate">Learning rate</label>
              <input className="input" type="number" min="0" step="any" {...input("learningRate")} />
            </div>
            <div className="field">
              <label htmlFor="sampleRate">Sample rate q</label>
              <input className="input" type="number" min="0" max="1" step="any" {...input("sampleRate")} />
              <span className="hint">Each example joins a step with probability q (Poisson sampling).</span>
            </div>
            <div className="field">
              <label htmlFor="clipNorm">Clip norm C</label>
              <input className="input" type="number" min="0" step="any" {...input("clipNorm")} />
            </div>
            <div className="field">
              <label htmlFor="noiseMode">Noise</label>
              <select className="select" {...input("noiseMode")}>
                <option value="target">Calibrate σ to a target ε</option>
                <option value="sigma">Give σ</option>
              </select>
            </div>
            {values.noiseMode === "target" ? (
              <div className="field">
                <label htmlFor="targetEpsilon">Target ε</label>
                <input className="input" type="number" min="0" step="any" {...input("targetEpsilon")} />
              </div>
            ) : (
              <div className="field">
                <label htmlFor="noiseMultiplier">Noise multiplier σ</label>
                <input className="input" type="number" min="0" step="any" {...input("noiseMultiplier")} />
              </div>
            )}
            <div className="field">
              <label htmlFor="delta">
                δ <span className="optional">(optional)</span>
              </label>
              <input className="input" type="number" step="any" placeholder={selected ? formatDelta(1 / (10 * Math.max(1, selected.rowCount))) : ""} {...input("delta")} />
              <span className="hint">Defaults to 1/(10N), below 1/N.</span>
            </div>
            <div className="field">
              <label htmlFor="accountant">Accountant</label>
              <select className="select" {...input("accountant")}>
                <option value="rdp">RDP (Opacus-compatible)</option>
                <option value="prv">PRV (tighter)</option>
              </select>
            </div>
            <label className="checkbox span-2">
              <input type="checkbox" checked={values.baseline} onChange={(e) => set("baseline", e.target.checked)} /> Also train the non-private baseline (same configuration, no noise) to show the cost of privacy
            </label>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={submitting || !plan || plan.refusal !== null || schemaError !== undefined || !values.model.trim()} data-testid="start-training">
              {submitting ? "Starting…" : "Start training"}
            </button>
          </div>
        </div>
      </form>
      <aside className="card" data-testid="train-plan">
        <div className="card-header">
          <h2>Privacy plan</h2>
        </div>
        <div className="card-body stack">
          {planError ? (
            <div className="alert alert-error" role="alert">
              {planError}
            </div>
          ) : null}
          {plan ? (
            <>
              <dl className="facts">
                <div>
                  <dt>Planned ε</dt>
                  <dd data-testid="planned-epsilon">{formatEpsilon(plan.plannedEpsilon)}</dd>
                </div>
                <div>
                  <dt>δ</dt>
                  <dd>{formatDelta(plan.delta)}</dd>
                </div>
                <div>
                  <dt>σ</dt>
                  <dd>{plan.noiseMultiplier === null ? "—" : plan.noiseMultiplier.toFixed(3)}</dd>
                </div>
                <div>
                  <dt>Steps</dt>
                  <dd>{plan.steps}</dd>
                </div>
              </dl>
              <div className="section-title">Budgets (runs on the lineage composed by their RDP curves at each budget's δ)</div>
              {plan.budgets.filter((b) => b.budget).length === 0 ? <p className="muted">No budget is set on this version, its ancestors or its descendants.</p> : null}
              {plan.budgets
                .filter((b) => b.budget)
                .map((b) => (
                  <p key={b.label} data-testid="plan-budget">
                    <strong>{b.label}</strong>: ε {formatEpsilon(Math.max(0, b.remaining!.epsilon))} left of {formatEpsilon(b.budget!.epsilon)}
                    {b.reserved.epsilon > 0 ? <span className="muted"> ({formatEpsilon(b.reserved.epsilon)} reserved by running jobs)</span> : null}
                  </p>
                ))}
              {plan.refusal ? (
                <div className="alert alert-error" role="alert" data-testid="plan-refusal">
                  {plan.refusal}
                </div>
              ) : null}
            </>
          ) : !planError ? (
            <p className="muted">Computing…</p>
          ) : null}
        </div>
      </aside>
    </div>
  );
}
