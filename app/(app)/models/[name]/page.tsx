import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { principalCan } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { formatDateTime, formatEpsilon } from "@/lib/format";
import { getModel, type ModelDetail } from "@/lib/models";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { AutoRefresh } from "../../../_components/auto-refresh";
import { PlusIcon } from "../../../_components/icons";
import { PageHeader } from "../../../_components/page-header";
import { StatusBadge, isActiveStatus } from "../../../_components/status-badge";
import { formatDelta, formatPercent, GUARANTEE_LABELS } from "../_components/format";
import { GuaranteeBadge } from "../_components/guarantee-badge";
import { TrainingCurves } from "../_components/training-curves";

interface Props {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

type Version = ModelDetail["versions"][number];

const COMPARE_ROWS: [string, (v: Version) => string][] = [
  ["Source", (v) => v.source],
  ["Guarantee", (v) => GUARANTEE_LABELS[v.guarantee.status] ?? v.guarantee.status],
  ["What the guarantee covers", (v) => v.guarantee.scope],
  ["ε", (v) => formatEpsilon(v.guarantee.epsilon)],
  ["δ", (v) => formatDelta(v.guarantee.delta)],
  ["Accountant", (v) => v.guarantee.accountant ?? "—"],
  ["σ", (v) => v.guarantee.noiseMultiplier?.toFixed(3) ?? "—"],
  ["q", (v) => String(v.guarantee.sampleRate ?? "—")],
  ["Steps", (v) => String(v.guarantee.steps ?? "—")],
  ["C", (v) => String(v.guarantee.clipNorm ?? "—")],
  ["Accuracy", (v) => formatPercent(v.metrics.accuracy)],
  ["Loss", (v) => (v.metrics.loss === undefined ? "—" : v.metrics.loss.toFixed(4))],
  ["Baseline accuracy", (v) => formatPercent(v.baselineMetrics?.accuracy)],
  ["Trained on", (v) => (v.datasets.train ? `${v.datasets.train.name} v${v.datasets.train.version}` : "—")],
  ["Backend", (v) => v.backend ?? "—"],
  ["Artifact sha256", (v) => `${v.artifact.sha256.slice(0, 16)}…`],
];

export default async function ModelPage({ params, searchParams }: Props) {
  const principal = await requirePagePermission("models.read");
  const name = decodeURIComponent((await params).name);
  const query = await searchParams;
  let model: ModelDetail;
  try {
    model = await getModel(getDb(), name, principal);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const pick = (key: string) => Number(Array.isArray(query[key]) ? query[key]![0] : query[key]);
  const a = model.versions.find((v) => v.version === pick("a"));
  const b = model.versions.find((v) => v.version === pick("b"));
  const latestRun = model.runs.find((r) => r.status === "completed") ?? model.runs[0];
  const progress = latestRun?.progress;
  const anyActive = model.runs.some((r) => isActiveStatus(r.status));

  return (
    <>
      <AutoRefresh active={anyActive} />
      <PageHeader
        breadcrumbs={[{ href: "/models", label: "Models" }]}
        title={<span className="mono" style={{ fontSize: 22 }}>{model.name}</span>}
        description={model.description || `Owned by ${model.owner}.`}
        actions={
          principalCan(principal, "models.write") ? (
            <Link href="/models/new" className="btn btn-primary">
              <PlusIcon size={16} /> Train a new version
            </Link>
          ) : null
        }
      />
      <div className="stack">
        <section className="card table-card">
          <div className="card-header">
            <h2>Versions</h2>
          </div>
          <div className="table-scroll">
            <table className="table" data-testid="versions-table">
              <thead>
                <tr>
                  <th>Version</th>
                  <th>Source</th>
                  <th>Guarantee</th>
                  <th className="num">Accuracy</th>
                  <th className="num">Baseline</th>
                  <th>Trained on</th>
                  <th>Backend</th>
                  <th>Created</th>
                </tr>
              </thead>
              <tbody>
                {model.versions.length === 0 ? (
                  <tr>
                    <td colSpan={8} className="muted">
                      No version yet.
                    </td>
                  </tr>
                ) : null}
                {model.versions.map((v) => (
                  <tr key={v.id}>
                    <td>
                      <Link href={`/models/${encodeURIComponent(model.name)}/versions/${v.version}`}>v{v.version}</Link>
                    </td>
                    <td>{v.source}</td>
                    <td>
                      <GuaranteeBadge status={v.guarantee.status} epsilon={v.guarantee.epsilon} delta={v.guarantee.delta} scope={v.guarantee.scope} />
                    </td>
                    <td className="num">{formatPercent(v.metrics.accuracy)}</td>
                    <td className="num">{formatPercent(v.baselineMetrics?.accuracy)}</td>
                    <td>{v.datasets.train ? `${v.datasets.train.name} v${v.datasets.train.version}` : "—"}</td>
                    <td>{v.backend ?? "—"}</td>
                    <td className="nowrap">{formatDateTime(v.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        {model.versions.length >= 2 ? (
          <section className="card">
            <div className="card-header">
              <h2>Compare versions</h2>
              <form className="row" method="get">
                <select className="select" name="a" defaultValue={a?.version ?? model.versions[1]!.version} aria-label="First version">
                  {model.versions.map((v) => (
                    <option key={v.id} value={v.version}>
                      v{v.version}
                    </option>
                  ))}
                </select>
                <select className="select" name="b" defaultValue={b?.version ?? model.versions[0]!.version} aria-label="Second version">
                  {model.versions.map((v) => (
                    <option key={v.id} value={v.version}>
                      v{v.version}
                    </option>
                  ))}
                </select>
                <button type="submit" className="btn btn-sm">
                  Compare
                </button>
              </form>
            </div>
            {a && b ? (
              <div className="table-scroll">
                <table className="table" data-testid="compare-table">
                  <thead>
                    <tr>
                      <th />
                      <th>v{a.version}</th>
                      <th>v{b.version}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {COMPARE_ROWS.map(([label, value]) => (
                      <tr key={label}>
                        <th scope="row">{label}</th>
                        <td className={value(a) !== value(b) ? "compare-diff" : undefined}>{value(a)}</td>
                        <td className={value(a) !== value(b) ? "compare-diff" : undefined}>{value(b)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <div className="card-body muted">Pick two versions to see them side by side.</div>
            )}
          </section>
        ) : null}

        <section className="card">
          <div className="card-header">
            <h2>Training runs</h2>
          </div>
          <div className="card-body stack">
            {model.runs.length === 0 ? <p className="muted">No training run (uploaded versions only).</p> : null}
            <ul className="run-list">
              {model.runs.map((r) => (
                <li key={r.id}>
                  <Link href={`/models/${encodeURIComponent(model.name)}/runs/${r.id}`}>{formatDateTime(r.createdAt)}</Link> <StatusBadge status={r.status} />{" "}
                  <span className="muted">
                    ε spent {formatEpsilon(r.epsilonSpent)}
                    {r.modelVersion !== null ? `, version v${r.modelVersion}` : ""}
                  </span>
                </li>
              ))}
            </ul>
            {progress?.curve?.length ? (
              <>
                <div className="section-title">Curves of the latest run</div>
                <TrainingCurves progress={progress} plannedEpsilon={progress.plannedEpsilon} />
              </>
            ) : null}
          </div>
        </section>
      </div>
    </>
  );
}
