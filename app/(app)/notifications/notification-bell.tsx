"use client";
// The header's bell: unread notifications and open alerts, polled every 30 s.
import Link from "next/link";
import { useApiQuery } from "../../_components/use-api-query";
import { AlertIcon } from "../../_components/icons";

export function NotificationBell() {
  const { data } = useApiQuery<{ unreadCount: number }>("/api/v1/notifications?unread=true&pageSize=1", { refreshMs: 30_000 });
  const count = data?.unreadCount ?? 0;
  return (
    <Link href="/notifications" className="notification-bell" aria-label={`Notifications: ${count} unread`} data-testid="notification-bell">
      <AlertIcon size={18} />
      {count > 0 ? <span className="notification-count">{count > 99 ? "99+" : count}</span> : null}
    </Link>
  );
}
