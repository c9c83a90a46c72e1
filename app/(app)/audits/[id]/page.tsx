import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAudit } from "@/lib/audit";
import { principalCan } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { AutoRefresh } from "../../../_components/auto-refresh";
import { PageHeader } from "../../../_components/page-header";
import { ProgressBar } from "../../../_components/progress-bar";
import { StatusBadge } from "../../../_components/status-badge";
import { AUDIT_KIND_LABELS, type AuditJson } from "../audit-types";
import { CancelAuditButton } from "./cancel-button";
import { plainSummary } from "./plain-summary";
import { AuditReport } from "./report";

export const metadata: Metadata = { title: "Audit report" };

interface Props {
  params: Promise<{ id: string }>;
}

export default async function AuditPage({ params }: Props) {
  const principal = await requirePagePermission("audits.read");
  const { id } = await params;
  let audit: AuditJson;
  try {
    audit = JSON.parse(JSON.stringify(await getAudit(getDb(), id))) as AuditJson;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const running = audit.status === "queued" || audit.status === "active";
  const summary = plainSummary(audit);
  const { model, datasets } = audit;
  return (
    <>
      <AutoRefresh active={running} intervalMs={1500} />
      <PageHeader
        title={`${AUDIT_KIND_LABELS[audit.kind]}: ${audit.subject}`}
        breadcrumbs={[{ href: "/audits", label: "Audits" }]}
        description={
          <>
            <StatusBadge status={audit.status} /> Started {formatDateTime(audit.createdAt)} by {audit.createdBy.label}
            {audit.finishedAt ? `, finished ${formatDateTime(audit.finishedAt)}` : ""}. Results are immutable once recorded.
          </>
        }
      />
      <div className="stack">
        {running ? (
          <div className="card" data-testid="audit-progress">
            <div className="card-body stack">
              <ProgressBar value={audit.status === "queued" ? null : (audit.job?.progress ?? 0)} message={audit.job?.progressMessage || (audit.status === "queued" ? "waiting for a worker" : undefined)} label="Audit progress" />
              {principalCan(principal, "audits.run") ? (
                <div>
                  <CancelAuditButton auditId={audit.id} />
                </div>
              ) : null}
            </div>
          </div>
        ) : null}
        {audit.status === "failed" ? (
          <div className="alert alert-error" role="alert">
            <div>
              <div className="alert-title">The audit failed</div>
              {audit.error ?? "See its job for details."}
            </div>
          </div>
        ) : null}
        {audit.status === "cancelled" ? <div className="alert alert-warn">This audit was cancelled before it finished.</div> : null}
        {audit.results ? <AuditReport results={audit.results} /> : null}
        {summary.length > 0 ? (
          <div className="card">
            <div className="card-header">
              <h2>In plain language</h2>
            </div>
            <div className="card-body stack-sm" data-testid="plain-summary">
              {summary.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          </div>
        ) : null}
        <div className="grid-main-side">
          <div className="card">
            <div className="card-header">
              <h2>Attack configuration</h2>
            </div>
            <table className="table">
              <tbody>
                {Object.entries(audit.config).map(([key, value]) => (
                  <tr key={key}>
                    <th scope="row">{key}</th>
                    <td className="mono">{typeof value === "object" ? JSON.stringify(value) : String(value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="card">
            <div className="card-header">
              <h2>Audited</h2>
            </div>
            <div className="card-body stack-sm">
              {model ? (
                <p>
                  Model version <Link href={`/models/${encodeURIComponent(model.name)}/versions/${model.version}`}>{`${model.name} v${model.version}`}</Link>
                  {model.claimedEpsilon === null ? ", no ε claimed" : `, claims ε = ${model.claimedEpsilon}${model.delta ? `, δ = ${model.delta}` : ""}`}
                </p>
              ) : (
                <p>External model {audit.subject}, from an uploaded scores file.</p>
              )}
              {datasets.members ? (
                <p>
                  Members: <Link href={`/datasets/${encodeURIComponent(datasets.members.name)}?version=${datasets.members.version}`}>{`${datasets.members.name} v${datasets.members.version}`}</Link> (training data)
                </p>
              ) : null}
              {datasets.nonMembers ? (
                <p>
                  Non-members: <Link href={`/datasets/${encodeURIComponent(datasets.nonMembers.name)}?version=${datasets.nonMembers.version}`}>{`${datasets.nonMembers.name} v${datasets.nonMembers.version}`}</Link> (evaluation data)
                </p>
              ) : null}
            </div>
          </div>
        </div>
      </div>
    </>
  );
}
