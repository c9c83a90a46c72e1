import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { currentDeployments } from "@/lib/deploy";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { loadSignOffs } from "@/lib/scorecard";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PageHeader } from "../../_components/page-header";
import { GradeBadge, SignOffBadge } from "./grade-badge";
import { ScorecardsTable } from "./scorecards-table";

export const metadata: Metadata = { title: "Scorecards" };

/** Deployed versions with their current grade and open (unacknowledged) alerts. */
async function loadDeployed() {
  const db = getDb();
  const deployed = await currentDeployments(db);
  const ids = [...new Set(deployed.map((d) => d.modelVersionId))];
  const [signOffs, alerts] = await Promise.all([
    loadSignOffs(db, ids),
    db.notification.groupBy({ by: ["subjectId"], where: { subjectType: "model_version", subjectId: { in: ids }, kind: "drift", readAt: null }, _count: { _all: true } }),
  ]);
  const alertCount = new Map(alerts.map((a) => [a.subjectId, a._count._all]));
  return deployed.map((d) => ({ ...d, signOff: signOffs.get(d.modelVersionId)!, openAlerts: alertCount.get(d.modelVersionId) ?? 0 }));
}

export default async function ScorecardsPage() {
  await requirePagePermission("scorecards.read");
  const deployed = await loadDeployed();
  return (
    <>
      <PageHeader title="Scorecards" description="Privacy scorecards of model versions graded by the current policy: the review queue, and what runs where." />
      <div className="stack">
        <section aria-labelledby="queue-title" className="stack-sm">
          <h2 id="queue-title" className="section-title">Review queue</h2>
          <Suspense>
            <ScorecardsTable />
          </Suspense>
        </section>
        <section className="card" aria-labelledby="deployed-title">
          <div className="card-header">
            <h2 id="deployed-title">Deployed versions</h2>
            <Link href="/deployments">All deployments</Link>
          </div>
          {deployed.length === 0 ? (
            <p className="card-body muted">Nothing is deployed yet.</p>
          ) : (
            <table className="table" data-testid="deployed-table">
              <thead><tr><th>Environment</th><th>Model version</th><th>Current grade</th><th>Sign-off</th><th>Open alerts</th><th>Since</th></tr></thead>
              <tbody>
                {deployed.map((d) => (
                  <tr key={d.id}>
                    <td>{d.environment}</td>
                    <td>{d.signOff.latest ? <Link href={`/scorecards/${d.signOff.latest.id}`}>{d.model} v{d.version}</Link> : `${d.model} v${d.version}`}</td>
                    <td><GradeBadge grade={d.signOff.latest?.grade} /></td>
                    <td><SignOffBadge status={d.signOff.status === "awaiting" && d.signOff.invalidatedApproval ? "invalidated" : d.signOff.status} /></td>
                    <td>{d.openAlerts > 0 ? <Link className="badge badge-danger" href="/notifications?unread=true">{d.openAlerts} open</Link> : <span className="faint">none</span>}</td>
                    <td className="nowrap">{formatDateTime(d.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}
