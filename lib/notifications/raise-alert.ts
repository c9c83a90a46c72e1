import type { Db } from "../db/index.ts";
import { sendWebhook, type SendWebhookOptions } from "./send-webhook.ts";

export interface AlertInput {
  kind: "drift" | "schedule_failed";
  title: string;
  body: string;
  /** Where the alert sends a reader (the scorecard, the rollback form). */
  link: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
  /** Also POST the alert here, HMAC-signed. */
  webhookUrl?: string | null;
}

/**
 * Raises a team alert: an in-app notification everyone who reads deployments sees (userId null) and,
 * when a URL is given, a signed webhook whose outcome is kept on the notification.
 */
export async function raiseAlert(db: Db, input: AlertInput, webhook: SendWebhookOptions = {}) {
  const notification = await db.notification.create({
    data: { kind: input.kind, title: input.title, body: input.body, link: input.link, subjectType: input.subjectType, subjectId: input.subjectId, details: input.details as object },
  });
  if (!input.webhookUrl) return { notification, webhook: null };
  const delivery = await sendWebhook(
    input.webhookUrl,
    { type: `canary.alert.${input.kind}`, id: notification.id, createdAt: notification.createdAt.toISOString(), title: input.title, body: input.body, link: input.link, subject: { type: input.subjectType, id: input.subjectId }, details: input.details },
    webhook,
  );
  const updated = await db.notification.update({ where: { id: notification.id }, data: { details: { ...input.details, webhook: { ...delivery } } } });
  return { notification: updated, webhook: delivery };
}
