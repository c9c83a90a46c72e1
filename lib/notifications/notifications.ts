import { principalCan, type Principal } from "../auth/index.ts";
import { Prisma, type Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { listNotificationsQuerySchema, type ListNotificationsQuery } from "./schemas.ts";

/** A person's notifications: their own and the team alerts (userId null). */
const visibleTo = (principal: Principal): Prisma.NotificationWhereInput => ({ OR: [{ userId: principal.userId }, { userId: null }] });

type NotificationRow = Awaited<ReturnType<Db["notification"]["findMany"]>>[number];

/**
 * A webhook's delivery outcome (kept in details.webhook) names the receiver and why it failed, e.g.
 * an internal address: for those who configure webhooks (schedules.write, admins), not every reader.
 */
function withoutDeliveryFor(principal: Principal) {
  if (principalCan(principal, "schedules.write")) return (row: NotificationRow) => row;
  return (row: NotificationRow): NotificationRow => {
    const details = row.details;
    if (!details || typeof details !== "object" || Array.isArray(details) || !("webhook" in details)) return row;
    const { webhook: _delivery, ...rest } = details;
    return { ...row, details: rest };
  };
}

export async function listNotifications(db: Db, principal: Principal, query: Partial<ListNotificationsQuery> = {}) {
  const { page, pageSize, unread, kind } = listNotificationsQuerySchema.parse(query);
  const where: Prisma.NotificationWhereInput = { AND: [visibleTo(principal), unread === "true" ? { readAt: null } : {}, kind ? { kind } : {}] };
  const [items, total, unreadCount] = await Promise.all([
    db.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.notification.count({ where }),
    db.notification.count({ where: { AND: [visibleTo(principal), { readAt: null }] } }),
  ]);
  return { items: items.map(withoutDeliveryFor(principal)), total, page, pageSize, unreadCount };
}

export async function countUnreadNotifications(db: Db, principal: Principal): Promise<number> {
  return db.notification.count({ where: { AND: [visibleTo(principal), { readAt: null }] } });
}

/** Marks one notification read (for a team alert: acknowledged, for everyone). @throws AppError "not_found" */
export async function markNotificationRead(db: Db, principal: Principal, id: string) {
  const { count } = await db.notification.updateMany({ where: { AND: [{ id }, visibleTo(principal)] }, data: { readAt: new Date() } });
  if (count === 0) throw new AppError("not_found", `notification ${id} not found`);
  return withoutDeliveryFor(principal)(await db.notification.findUniqueOrThrow({ where: { id } }));
}
