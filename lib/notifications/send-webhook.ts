import { WebhookDestinationError } from "./webhook-destination.ts";
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "./webhook-signature.ts";
import { createWebhookTransport, type WebhookTransport } from "./webhook-transport.ts";

export interface WebhookDelivery {
  delivered: boolean;
  status?: number;
  error?: string;
  attempts: number;
}

export interface SendWebhookOptions {
  /** @defaultValue process.env.CANARY_WEBHOOK_SECRET */
  secret?: string;
  /** @defaultValue createWebhookTransport(): no internal destinations, no redirects */
  transport?: WebhookTransport;
  attempts?: number;
  timeoutMs?: number;
}

/**
 * POSTs a JSON alert, signed (see signWebhook), retrying a few times on network errors and 5xx.
 * Never throws: the outcome is recorded on the alert. Without a secret nothing is sent, since an
 * unsigned alert could not be told from a forged one.
 */
export async function sendWebhook(url: string, payload: unknown, options: SendWebhookOptions = {}): Promise<WebhookDelivery> {
  const secret = options.secret ?? process.env.CANARY_WEBHOOK_SECRET;
  if (!secret) return { delivered: false, attempts: 0, error: "CANARY_WEBHOOK_SECRET is not set, so the webhook was not sent" };
  const transport = options.transport ?? createWebhookTransport();
  const body = JSON.stringify(payload);
  const attempts = options.attempts ?? 3;
  let last: WebhookDelivery = { delivered: false, attempts: 0 };
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await transport(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body), [TIMESTAMP_HEADER]: String(timestamp) },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (response.ok) return { delivered: true, status: response.status, attempts: attempt };
      const redirect = response.status >= 300 && response.status < 400 ? " (redirects are not followed)" : "";
      last = { delivered: false, status: response.status, attempts: attempt, error: `the receiver answered HTTP ${response.status}${redirect}` };
      if (response.status < 500) return last;
    } catch (error) {
      // A refused destination stays refused: no retry.
      if (error instanceof WebhookDestinationError) return { delivered: false, attempts: attempt, error: `refused: ${error.message}` };
      last = { delivered: false, attempts: attempt, error: `could not reach the webhook (${(error as Error).name})` };
    }
    if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
  }
  return last;
}
