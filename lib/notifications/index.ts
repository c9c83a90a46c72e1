// In-app notifications and team alerts, with signed webhooks for alerts.
export { countUnreadNotifications, listNotifications, markNotificationRead } from "./notifications.ts";
export { listNotificationsQuerySchema, type ListNotificationsQuery } from "./schemas.ts";
export { raiseAlert, type AlertInput } from "./raise-alert.ts";
export { sendWebhook, type SendWebhookOptions, type WebhookDelivery } from "./send-webhook.ts";
export { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER, verifyWebhookSignature, type VerifyWebhookOptions } from "./webhook-signature.ts";
