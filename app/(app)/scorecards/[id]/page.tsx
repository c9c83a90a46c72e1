import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { principalCan } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { formatDateTime, shortHash } from "@/lib/format";
import { getScorecard, type ScorecardDetail } from "@/lib/scorecard";
import { formatNumber } from "@/lib/policy";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { HashValue } from "../../../_components/copy-button";
import { PageHeader } from "../../../_components/page-header";
import { CriterionStatus, GradeBadge, SignOffBadge } from "../grade-badge";
import { DecisionForm } from "./decision-form";
import { LineChart, RocCurve } from "../../../_components/charts";

export const metadata: Metadata = { title: "Scorecard" };

// Numbers as a reader wants them: at most 3 decimals without trailing zeros, δ as 1e-5.
const decimals = (value: number) => formatNumber(value, 3).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
const scalar = (value: unknown) => (value === null || value === undefined ? "—" : typeof value === "number" ? decimals(value) : String(value));
/** The measured bound beside the claim, with the comparison that actually holds. */
const againstClaim = (bound: number | null | undefined, claim: number | null) =>
  `${scalar(bound)} ${typeof bound === "number" && claim !== null && bound > claim ? ">" : "≤"} ${scalar(claim)}`;
const show = (value: unknown) => (value !== null && typeof value === "object" ? Object.entries(value).map(([k, v]) => `${k}: ${scalar(v)}`).join(", ") : scalar(value));

/** Version numbers are whole: no tick between v1 and v2. */
const versionTick = (value: number) => (Number.isInteger(value) ? `v${value}` : "");

/** Where a rollback to `version` makes sense: environments running a later version of the model. */
function rollbackEnvironments(detail: ScorecardDetail, version: number): string[] {
  return detail.versions.filter((v) => v.version > version).flatMap((v) => v.deployedIn);
}

export default async function ScorecardPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePermission("scorecards.read");
  const { id } = await params;
  let detail: ScorecardDetail;
  try {
    detail = await getScorecard(getDb(), id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const { model, evidence, signOff } = detail;
  const membership = evidence.audits?.membershipInference ?? null;
  const isAuthor = model.authorIds.includes(principal.userId);
  const canDecide = principalCan(principal, "scorecards.approve") && detail.isLatest;
  const canDeploy = principalCan(principal, "deployments.write");
  const status = !detail.isLatest ? "superseded" : signOff.status === "awaiting" && signOff.invalidatedApproval ? "invalidated" : signOff.status;
  const accuracy = evidence.utility?.accuracy ?? null;
  const baseline = evidence.utility?.baselineAccuracy ?? null;

  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/scorecards", label: "Scorecards" }]}
        title={
          <span className="row">
            <span>
              {model.name} v{model.version}
            </span>
            <GradeBadge grade={detail.grade} />
            <SignOffBadge status={status} />
          </span>
        }
        description={`Graded against “${detail.policy.name}” v${detail.policy.version} · computed ${formatDateTime(detail.createdAt)} (${detail.reason || "—"})`}
        actions={
          <>
            <a className="btn" href={`/api/v1/scorecards/${detail.id}/export?format=json`} data-testid="export-json">Export JSON</a>
            <a className="btn" href={`/api/v1/scorecards/${detail.id}/export?format=pdf`} data-testid="export-pdf">Export PDF</a>
            <Link className="btn btn-ghost" href={`/scorecards/${detail.id}/print`}>Print view</Link>
          </>
        }
      />
      <div className="stack">
        {!detail.isLatest ? (
          <div className="alert alert-warn" role="status">
            This snapshot was superseded by newer evidence. <Link href={`/scorecards/${detail.latestScorecardId}`}>Open the latest scorecard</Link>.
          </div>
        ) : signOff.invalidatedApproval ? (
          <div className="alert alert-warn" role="status" data-testid="approval-invalidated">
            Approval invalidated by new evidence: snapshot {shortHash(signOff.invalidatedApproval.snapshotHash)} was approved on {formatDateTime(signOff.invalidatedApproval.decidedAt)}; this one awaits sign-off.
          </div>
        ) : null}

        <section className="card" aria-labelledby="verdict-title">
          <div className="card-header">
            <h2 id="verdict-title">Verdict per criterion</h2>
            <span className="muted">Snapshot <HashValue value={detail.snapshotHash} /></span>
          </div>
          <div className="table-scroll">
            <table className="table" data-testid="criteria-table">
              <thead><tr><th>Criterion</th><th>Status</th><th>Value</th><th>Threshold</th><th>Reason</th></tr></thead>
              <tbody>
                {detail.criteria.map((c) => (
                  <tr key={c.id} data-criterion={c.id} data-status={c.status}>
                    <td><span className="mono">{c.id}</span>{c.required ? null : <span className="cell-sub">optional</span>}</td>
                    <td><CriterionStatus status={c.status} /></td>
                    <td className="mono">{show(c.value)}</td>
                    <td className="mono">{show(c.threshold)}</td>
                    <td>{c.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <div className="grid-2">
          <section className="card card-body" aria-labelledby="guarantee-title">
            <h2 id="guarantee-title" className="section-title">Differential-privacy guarantee</h2>
            <p data-testid="guarantee-scope">{model.guaranteeScope}</p>
            {model.guarantee ? (
              <dl className="facts">
                <div><dt>Source</dt><dd data-testid="guarantee-source">{model.guarantee.source === "accountant" ? "Canary's accountant" : "Declared, not verified"}</dd></div>
                <div><dt>ε</dt><dd>{show(model.guarantee.epsilon)}</dd></div>
                <div><dt>δ</dt><dd>{show(model.guarantee.delta)}</dd></div>
                <div><dt>Accountant</dt><dd>{show(model.guarantee.accountant)}</dd></div>
                <div><dt>Noise multiplier σ</dt><dd>{show(model.guarantee.noiseMultiplier)}</dd></div>
                <div><dt>Sample rate q</dt><dd>{show(model.guarantee.sampleRate)}</dd></div>
                <div><dt>Steps</dt><dd>{show(model.guarantee.steps)}</dd></div>
                <div><dt>Clip norm C</dt><dd>{show(model.guarantee.clipNorm)}</dd></div>
              </dl>
            ) : (
              <p data-testid="no-guarantee">None declared: this version was not trained with differential privacy.</p>
            )}
          </section>
          <section className="card card-body" aria-labelledby="leakage-title">
            <h2 id="leakage-title" className="section-title">Measured leakage</h2>
            {membership ? (
              <dl className="facts">
                <div><dt>Membership-inference AUC</dt><dd>{show(membership.auc)}</dd></div>
                <div><dt>TPR at 0.1% FPR</dt><dd>{show(membership.tprAtFpr?.["0.001"])}</dd></div>
                <div><dt>TPR at 1% FPR</dt><dd>{show(membership.tprAtFpr?.["0.01"])}</dd></div>
                <div><dt>ε lower bound, exploratory (evidence, not a verdict) vs claimed</dt><dd data-testid="epsilon-beside-claim">{model.guarantee ? againstClaim(membership.epsilonLowerBound, model.guarantee.epsilon) : `${show(membership.epsilonLowerBound)} (no ε claimed)`}</dd></div>
                {membership.certified ? (
                  <div>
                    <dt>ε lower bound, certified (one-run audit, canaries included at random) vs the ε of the run it tests</dt>
                    <dd data-testid="epsilon-certified">{againstClaim(membership.certified.epsilonLowerBound, membership.certified.runEpsilon ?? model.guarantee?.epsilon ?? null)}</dd>
                  </div>
                ) : null}
              </dl>
            ) : (
              <p className="muted">No completed membership-inference audit: these criteria are missing evidence.</p>
            )}
          </section>
        </div>

        <section className="card" aria-labelledby="governance-title">
          <div className="card-header"><h2 id="governance-title">Data governance</h2><span className="muted">Contamination rate: {show(evidence.contaminationRate)}</span></div>
          {(evidence.datasets ?? []).length === 0 ? (
            <p className="card-body muted">No dataset is linked to this version: data criteria are missing evidence.</p>
          ) : (
            <table className="table">
              <thead><tr><th>Dataset</th><th>Role</th><th>Open findings</th><th>License</th><th>k-anonymity</th></tr></thead>
              <tbody>
                {evidence.datasets!.map((d) => (
                  <tr key={`${d.role}-${d.name}`}>
                    <td>
                      <Link href={`/datasets/${encodeURIComponent(d.name)}?version=${d.version}`}>{d.name}</Link> v{d.version}
                      {d.usedWithoutDp === true ? <div className="muted" data-testid="used-without-dp">this data was also used without DP</div> : null}
                    </td>
                    <td>{d.role}</td>
                    <td className="mono">{d.openFindings ? show(d.openFindings) : "not scanned"}</td>
                    <td>{d.license ? <span title={d.license.reasons?.join("\n")}>{d.license.verdict}</span> : "—"}</td>
                    <td>{show(d.kAnonymity)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <div className="grid-2">
          <section className="card card-body" aria-labelledby="utility-title">
            <h2 id="utility-title" className="section-title">Utility against the baseline</h2>
            <dl className="facts">
              <div><dt>Accuracy</dt><dd>{show(accuracy)}</dd></div>
              <div><dt>Non-private baseline</dt><dd>{show(baseline)}</dd></div>
              <div><dt>Loss</dt><dd>{accuracy !== null && baseline !== null ? (baseline - accuracy).toFixed(4) : "—"}</dd></div>
            </dl>
          </section>
          <section className="card card-body" aria-labelledby="charts-title">
            <h2 id="charts-title" className="section-title">Across versions</h2>
            <div className="chart-row">
              <LineChart
                title="ε claimed and measured, by version"
                width={300}
                height={220}
                x={{ label: "version", format: versionTick }}
                y={{ label: "ε" }}
                series={[
                  { name: "claimed ε", points: detail.versions.flatMap((v) => (v.epsilon === null ? [] : [{ x: v.version, y: v.epsilon }])) },
                  { name: "ε lower bound (exploratory)", dashed: true, points: detail.versions.flatMap((v) => (v.epsilonLowerBound === null ? [] : [{ x: v.version, y: v.epsilonLowerBound }])) },
                ]}
              />
              <LineChart
                title="Membership-inference AUC, by version"
                width={300}
                height={220}
                x={{ label: "version", format: versionTick }}
                y={{ label: "AUC" }}
                series={[{ name: "AUC", points: detail.versions.flatMap((v) => (v.auc === null ? [] : [{ x: v.version, y: v.auc }])) }]}
              />
              {detail.rocCurves.length > 0 ? <RocCurve curves={detail.rocCurves} width={300} height={220} /> : null}
            </div>
          </section>
        </div>

        <section className="card card-body" aria-labelledby="signoff-title">
          <h2 id="signoff-title" className="section-title">Sign-off</h2>
          {detail.approvals.length > 0 ? (
            <ul className="stack-sm" data-testid="decisions">
              {detail.approvals.map((a) => (
                <li key={a.id}>
                  <SignOffBadge status={a.decision} /> by {a.approver} on {formatDateTime(a.decidedAt)}: “{a.comment}” {a.counts ? null : <span className="muted">(no longer counts)</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No decision on this snapshot yet.</p>
          )}
          {canDecide && isAuthor ? (
            <div className="alert alert-info" data-testid="separation-of-duties">Separation of duties: you trained or registered this version, so another compliance officer must approve or reject it.</div>
          ) : canDecide ? (
            <DecisionForm scorecardId={detail.id} canApprove={detail.grade !== "F"} />
          ) : null}
        </section>

        <section className="card" aria-labelledby="versions-title">
          <div className="card-header"><h2 id="versions-title">Every version of {model.name}</h2></div>
          <table className="table" data-testid="versions-table">
            <thead><tr><th>Version</th><th>Grade</th><th>Sign-off</th><th>Deployed in</th><th /></tr></thead>
            <tbody>
              {[...detail.versions].reverse().map((v) => {
                const targets = v.everApproved && v.signOff !== "rejected" ? rollbackEnvironments(detail, v.version) : [];
                return (
                  <tr key={v.modelVersionId} data-version={v.version}>
                    <td>{v.latestScorecardId ? <Link href={`/scorecards/${v.latestScorecardId}`}>v{v.version}</Link> : `v${v.version}`}</td>
                    <td><GradeBadge grade={v.grade} /></td>
                    <td><SignOffBadge status={v.signOff} /></td>
                    <td>{v.deployedIn.join(", ") || "—"}</td>
                    <td>
                      {canDeploy
                        ? targets.map((environment) => (
                            <Link key={environment} className="btn btn-sm" href={`/deployments?${new URLSearchParams({ model: model.name, environment, rollbackTo: String(v.version) })}`}>
                              Roll back {environment} to this version
                            </Link>
                          ))
                        : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>

        <section className="card" aria-labelledby="history-title">
          <div className="card-header"><h2 id="history-title">Snapshots of v{model.version}</h2></div>
          <table className="table">
            <thead><tr><th>Computed</th><th>Why</th><th>Grade</th><th>Snapshot</th></tr></thead>
            <tbody>
              {detail.history.map((s) => (
                <tr key={s.id} aria-current={s.id === detail.id ? "true" : undefined}>
                  <td><Link href={`/scorecards/${s.id}`}>{formatDateTime(s.createdAt)}</Link></td>
                  <td>{s.reason}</td>
                  <td><GradeBadge grade={s.grade} /></td>
                  <td className="mono">{shortHash(s.snapshotHash)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}
