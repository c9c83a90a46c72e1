import type { Metadata } from "next";
import Link from "next/link";
import { principalCan } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { listSchedules } from "@/lib/schedules";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PageHeader } from "../../_components/page-header";
import { CreateScheduleForm, ScheduleActions } from "./schedule-actions";

export const metadata: Metadata = { title: "Schedules" };

const PAGE_SIZE = 25;
const LAST_STATUS: Record<string, string> = { ok: "badge-ok", drift: "badge-danger", failed: "badge-danger", skipped: "" };

export default async function SchedulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePagePermission("deployments.read");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const db = getDb();
  const [{ items, total }, environments] = await Promise.all([listSchedules(db, { page, pageSize: PAGE_SIZE }), db.environment.findMany({ orderBy: { name: "desc" } })]);
  const canWrite = principalCan(principal, "schedules.write");
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader title="Schedules" description="Re-audits and re-scans of deployed versions on a cron. A run that finds a criterion drifted past its threshold, or fails after its retries, raises an alert." />
      <div className="stack">
        <section className="card" aria-labelledby="schedules-title">
          <div className="card-header"><h2 id="schedules-title">Schedules</h2><span className="muted">{total} in all</span></div>
          {items.length === 0 ? (
            <p className="card-body muted">No schedules yet.</p>
          ) : (
            <table className="table" data-testid="schedules-table">
              <thead><tr><th>What</th><th>Cron (UTC)</th><th>Last run</th><th>Next run</th><th>Webhook</th>{canWrite ? <th /> : null}</tr></thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id} data-schedule={s.id}>
                    <td>{s.kind === "reaudit" ? `Re-audit (${s.auditKind})` : s.kind === "rescan" ? "Re-scan" : "Regrade"} of {s.model} in {s.environment}{s.enabled ? null : <span className="badge">disabled</span>}</td>
                    <td className="mono">{s.cron}</td>
                    <td>
                      {s.lastRunAt ? formatDateTime(s.lastRunAt) : "never"} {s.lastStatus ? <span className={`badge ${LAST_STATUS[s.lastStatus] ?? ""}`} data-testid="last-status">{s.lastStatus}</span> : null}
                      {s.lastError ? <span className="cell-sub">{s.lastError}</span> : null}
                    </td>
                    <td>{s.nextRunAt ? formatDateTime(s.nextRunAt) : "—"}</td>
                    <td>{s.webhookHost ?? "—"}</td>
                    {canWrite ? <td><ScheduleActions id={s.id} enabled={s.enabled} /></td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pages > 1 ? (
            <div className="pager">
              {page > 1 ? <Link href={`/schedules?page=${page - 1}`}>Previous</Link> : null} Page {page} of {pages} {page < pages ? <Link href={`/schedules?page=${page + 1}`}>Next</Link> : null}
            </div>
          ) : null}
        </section>
        {canWrite ? (
          <section className="card card-body" aria-labelledby="new-schedule-title">
            <h2 id="new-schedule-title" className="section-title">New schedule</h2>
            <CreateScheduleForm environments={environments.map((e) => e.name)} />
          </section>
        ) : null}
      </div>
    </>
  );
}
