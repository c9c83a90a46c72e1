import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { principalCan } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { currentDeployments, ensureEnvironments } from "@/lib/deploy";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PageHeader } from "../../_components/page-header";
import { DeployForm } from "./deploy-form";
import { DeploymentsTable } from "./deployments-table";

export const metadata: Metadata = { title: "Deployments" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function DeploymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePagePermission("deployments.read");
  const query = await searchParams;
  const db = getDb();
  await ensureEnvironments(db);
  const [environments, current, latest] = await Promise.all([
    db.environment.findMany({ orderBy: { name: "asc" } }),
    currentDeployments(db),
    db.deployment.findFirst({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } }),
  ]);
  const names = environments.map((e) => e.name);
  const canDeploy = principalCan(principal, "deployments.write");
  const rollbackTo = first(query.rollbackTo);
  const prefill = { model: first(query.model), environment: first(query.environment) };

  return (
    <>
      <PageHeader title="Deployments" description="Each environment runs one version of each model. Only approved versions can be promoted; rollbacks go to an earlier approved version." />
      <div className="stack">
        <div className="grid-2">
          {environments.map((environment) => {
            const running = current.filter((d) => d.environmentId === environment.id);
            return (
              <section key={environment.id} className="card" aria-labelledby={`env-${environment.name}`} data-testid={`environment-${environment.name}`}>
                <div className="card-header"><h2 id={`env-${environment.name}`}>{environment.name}</h2></div>
                {running.length === 0 ? (
                  <p className="card-body muted">Nothing deployed.</p>
                ) : (
                  <table className="table">
                    <thead><tr><th>Model</th><th>Version</th><th>Since</th><th>By</th></tr></thead>
                    <tbody>
                      {running.map((d) => (
                        <tr key={d.id} data-model={d.model}>
                          <td>{d.model}</td>
                          <td data-testid="running-version">v{d.version}{d.action === "rollback" ? <span className="badge badge-warn">rolled back</span> : null}</td>
                          <td className="nowrap">{formatDateTime(d.createdAt)}</td>
                          <td>{d.actor}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            );
          })}
        </div>
        {canDeploy ? (
          <div className="grid-2">
            <section className="card card-body" aria-labelledby="promote-title" id="promote">
              <h2 id="promote-title" className="section-title">Promote</h2>
              <DeployForm action="promote" environments={names} initial={rollbackTo ? { environment: prefill.environment } : prefill} />
            </section>
            <section className="card card-body" aria-labelledby="rollback-title" id="rollback">
              <h2 id="rollback-title" className="section-title">Roll back</h2>
              {rollbackTo ? <p className="muted">Suggested target from the scorecard or an alert: v{rollbackTo}. <Link href="/scorecards">Review scorecards</Link></p> : null}
              <DeployForm key={`${prefill.model}-${rollbackTo}`} action="rollback" environments={names} initial={{ ...prefill, version: rollbackTo }} />
            </section>
          </div>
        ) : null}
        <section aria-labelledby="history-title" className="stack-sm">
          <h2 id="history-title" className="section-title">History</h2>
          <Suspense>
            {/* Keyed by the newest deployment: after a promotion or rollback the history loads again. */}
            <DeploymentsTable key={latest?.id ?? "none"} environments={names} />
          </Suspense>
        </section>
      </div>
    </>
  );
}
