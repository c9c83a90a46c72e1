import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { formatDateTime, formatEpsilon } from "@/lib/format";
import { getModelVersion, type ModelVersionView } from "@/lib/models";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { CopyButton } from "../../../../../_components/copy-button";
import { PageHeader } from "../../../../../_components/page-header";
import { formatDelta, formatPercent, GUARANTEE_LABELS } from "../../../_components/format";
import { GuaranteeBadge } from "../../../_components/guarantee-badge";

interface Props {
  params: Promise<{ name: string; version: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name, version } = await params;
  return { title: `${decodeURIComponent(name)} v${version}` };
}

function DatasetLink({ dataset }: { dataset: { name: string; version: number } | null }) {
  if (!dataset) return <>—</>;
  return <Link href={`/datasets/${encodeURIComponent(dataset.name)}?version=${dataset.version}`}>{`${dataset.name} v${dataset.version}`}</Link>;
}

/** Which rows the metrics were measured on: held-out rows only since issue 12 item 4; older versions without an eval set were measured on the training rows. */
function metricsScope(v: ModelVersionView): string {
  if (v.datasets.eval) return "on the evaluation set";
  if (v.datasets.public) return "on the public set";
  if (Object.keys(v.metrics).length > 0) return "on the training set: outside the (ε, δ)";
  return "not measured: no evaluation or public set, and on the training rows they would fall outside the (ε, δ)";
}

function GuaranteeText({ v }: { v: ModelVersionView }) {
  const g = v.guarantee;
  if (g.status === "formal") {
    return (
      <p>
        The model is ({formatEpsilon(g.epsilon)}, {formatDelta(g.delta)})-differentially private with respect to the examples of its training set: DP-SGD with Poisson
        sampling rate q = {g.sampleRate}, {g.steps} steps, clip norm C = {g.clipNorm}, noise multiplier σ = {g.noiseMultiplier?.toFixed(4)}, accounted by the {g.accountant?.toUpperCase()} accountant.
      </p>
    );
  }
  if (g.status === "declared") {
    return (
      <p>
        The uploader declared ε = {formatEpsilon(g.epsilon)}, δ = {formatDelta(g.delta)}
        {g.accountant ? ` (${g.accountant})` : ""}. Canary did not train this model and has not verified the claim: an empirical audit can test it.
      </p>
    );
  }
  return <p>No formal guarantee: the model was {v.source === "uploaded" ? "uploaded without a declared guarantee" : "trained without noise"}.</p>;
}

export default async function ModelVersionPage({ params }: Props) {
  const principal = await requirePagePermission("models.read");
  const { name, version } = await params;
  const modelName = decodeURIComponent(name);
  let v: ModelVersionView;
  try {
    v = await getModelVersion(getDb(), modelName, Number(version), principal);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const metricKeys = [...new Set([...Object.keys(v.metrics), ...Object.keys(v.baselineMetrics ?? {})])];
  const encoding = v.config.input?.kind === "tabular" ? v.config.input.encoding : null;
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { href: "/models", label: "Models" },
          { href: `/models/${encodeURIComponent(modelName)}`, label: modelName },
        ]}
        title={
          <span className="row">
            <span className="mono" style={{ fontSize: 22 }}>
              {modelName} v{v.version}
            </span>
            <GuaranteeBadge status={v.guarantee.status} epsilon={v.guarantee.epsilon} delta={v.guarantee.delta} />
          </span>
        }
        description={`${v.source === "trained" ? "Trained" : "Uploaded"} by ${v.createdBy} on ${formatDateTime(v.createdAt)}.`}
      />
      <div className="grid-main-side">
        <div className="stack">
          <section className="card" data-testid="version-guarantee">
            <div className="card-header">
              <h2>Guarantee: {GUARANTEE_LABELS[v.guarantee.status]}</h2>
            </div>
            <div className="card-body">
              <p data-testid="guarantee-scope">
                <strong>{v.guarantee.scope}</strong>
              </p>
              <GuaranteeText v={v} />
            </div>
          </section>
          <section className="card table-card">
            <div className="card-header">
              <h2>Metrics</h2>
              <span className="muted">{metricsScope(v)}</span>
            </div>
            <table className="table" data-testid="version-metrics">
              <thead>
                <tr>
                  <th>Metric</th>
                  <th className="num">This version</th>
                  <th className="num">Non-private baseline</th>
                  <th className="num">Cost of privacy</th>
                </tr>
              </thead>
              <tbody>
                {metricKeys.map((key) => {
                  const mine = v.metrics[key];
                  const base = v.baselineMetrics?.[key];
                  const fmt = (x: number | undefined) => (x === undefined ? "—" : key === "accuracy" ? formatPercent(x) : x.toFixed(4));
                  return (
                    <tr key={key}>
                      <td>{key}</td>
                      <td className="num">{fmt(mine)}</td>
                      <td className="num">{fmt(base)}</td>
                      <td className="num">{mine !== undefined && base !== undefined ? (key === "accuracy" ? `${((base - mine) * 100).toFixed(1)} pts` : (mine - base).toFixed(4)) : "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          {encoding ? (
            <section className="card">
              <div className="card-header">
                <h2>Input encoding</h2>
              </div>
              <div className="card-body stack">
                <p>
                  Target <code className="chip">{encoding.target}</code>, classes {encoding.classes.map((c) => `“${c}”`).join(", ")}; {encoding.width} features from{" "}
                  {encoding.columns.map((c) => c.name).join(", ")}.
                </p>
                <p className="muted" data-testid="encoding-source">
                  {encoding.source === "declared"
                    ? "Ranges, categories and classes as the user declared them: fitted on no rows."
                    : encoding.source === "public"
                      ? "Ranges, categories and classes fitted on the public data."
                      : "Ranges, categories and classes fitted on the training rows: no (ε, δ) covers them."}
                </p>
                {encoding.dropped.length ? <p className="muted">Dropped: {encoding.dropped.map((d) => `${d.name} (${d.reason})`).join("; ")}.</p> : null}
              </div>
            </section>
          ) : null}
        </div>
        <aside className="stack">
          <section className="card">
            <div className="card-header">
              <h2>Artifact</h2>
            </div>
            <div className="card-body stack">
              <dl className="facts">
                <div>
                  <dt>Format</dt>
                  <dd>TensorFlow.js Layers ({v.framework})</dd>
                </div>
                <div>
                  <dt>sha256</dt>
                  <dd className="mono" data-testid="artifact-sha256">
                    {v.artifact.sha256.slice(0, 16)}… <CopyButton value={v.artifact.sha256} label="Copy sha256" />
                  </dd>
                </div>
                <div>
                  <dt>Backend</dt>
                  <dd>{v.backend ?? "—"}</dd>
                </div>
              </dl>
              <div className="row">
                <a className="btn btn-sm" href={v.artifact.bundleUrl} download>
                  Download bundle
                </a>
                <a className="btn btn-sm btn-ghost" href={v.artifact.modelJsonUrl}>
                  model.json
                </a>
              </div>
              <p className="muted">
                Load it with <code>tf.loadLayersModel(&quot;{v.artifact.modelJsonUrl}&quot;)</code>; the model outputs logits.
              </p>
            </div>
          </section>
          <section className="card">
            <div className="card-header">
              <h2>Data</h2>
            </div>
            <div className="card-body">
              <dl className="facts">
                <div>
                  <dt>Training</dt>
                  <dd>
                    <DatasetLink dataset={v.datasets.train} />
                  </dd>
                </div>
                <div>
                  <dt>Evaluation</dt>
                  <dd>
                    <DatasetLink dataset={v.datasets.eval} />
                  </dd>
                </div>
                <div>
                  <dt>Public (pretraining)</dt>
                  <dd>
                    <DatasetLink dataset={v.datasets.public} />
                  </dd>
                </div>
                {v.trainingRun ? (
                  <div>
                    <dt>Training run</dt>
                    <dd>
                      <Link href={`/models/${encodeURIComponent(modelName)}/runs/${v.trainingRun.id}`}>{v.trainingRun.status}</Link>
                    </dd>
                  </div>
                ) : null}
                {typeof v.config.contaminationRate === "number" ? (
                  <div>
                    <dt>Eval/train overlap (outside the guarantee)</dt>
                    <dd>{formatPercent(v.config.contaminationRate)}</dd>
                  </div>
                ) : null}
              </dl>
            </div>
          </section>
        </aside>
      </div>
    </>
  );
}
