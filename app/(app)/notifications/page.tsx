import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { listNotifications } from "@/lib/notifications";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PageHeader } from "../../_components/page-header";
import { MarkReadButton } from "./notification-actions";

export const metadata: Metadata = { title: "Notifications" };

const PAGE_SIZE = 25;

interface RollbackTarget {
  version: number;
  link: string | null;
}

/** Present only for admins: listNotifications leaves it out for everyone else. */
interface WebhookDelivery {
  delivered: boolean;
  error?: string;
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePagePermission("authenticated");
  const query = await searchParams;
  const page = Math.max(1, Number(query.page) || 1);
  const unread = query.unread === "true" ? "true" : undefined;
  const { items, total, unreadCount } = await listNotifications(getDb(), principal, { page, pageSize: PAGE_SIZE, unread });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title="Notifications"
        description={`${unreadCount} unread. Drift and failed-schedule alerts are shared by the team: marking one read acknowledges it for everyone.`}
        actions={unread ? <Link className="btn" href="/notifications">Show all</Link> : <Link className="btn" href="/notifications?unread=true">Unread only</Link>}
      />
      <div className="card">
        {items.length === 0 ? (
          <p className="card-body muted">Nothing here.</p>
        ) : (
          <ul className="notification-list" data-testid="notifications">
            {items.map((n) => {
              const details = n.details as { rollbackTarget?: RollbackTarget | null; webhook?: WebhookDelivery } | null;
              const target = details?.rollbackTarget;
              const undelivered = details?.webhook && !details.webhook.delivered ? details.webhook : null;
              return (
                <li key={n.id} className={n.readAt ? "notification read" : "notification"} data-kind={n.kind}>
                  <div className="row">
                    <span className={`badge ${n.kind === "drift" || n.kind === "schedule_failed" ? "badge-danger" : "badge-info"}`}>{n.kind.replaceAll("_", " ")}</span>
                    <strong>{n.link ? <Link href={n.link}>{n.title}</Link> : n.title}</strong>
                  </div>
                  <p>{n.body}</p>
                  {undelivered ? <p className="muted" data-testid="webhook-error">Webhook not delivered: {undelivered.error ?? "unknown error"}</p> : null}
                  <div className="row muted">
                    <span>{formatDateTime(n.createdAt)}</span>
                    {target?.link ? <Link className="btn btn-sm btn-danger" href={target.link} data-testid="suggested-rollback">Roll back to v{target.version}</Link> : null}
                    {n.readAt ? <span>read {formatDateTime(n.readAt)}</span> : <MarkReadButton id={n.id} />}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {pages > 1 ? (
          <div className="pager">
            {page > 1 ? <Link href={`/notifications?page=${page - 1}${unread ? "&unread=true" : ""}`}>Previous</Link> : null} Page {page} of {pages}{" "}
            {page < pages ? <Link href={`/notifications?page=${page + 1}${unread ? "&unread=true" : ""}`}>Next</Link> : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
