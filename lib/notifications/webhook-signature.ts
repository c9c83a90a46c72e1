import { createHmac, timingSafeEqual } from "node:crypto";

/** Header names of a Canary webhook; the signature covers `${timestamp}.${body}`. */
export const SIGNATURE_HEADER = "X-Canary-Signature";
export const TIMESTAMP_HEADER = "X-Canary-Timestamp";

/**
 * `sha256=<hex>`: HMAC-SHA256 with the shared secret over the Unix timestamp (seconds), a dot and
 * the exact JSON body, so a receiver can refuse replays of old deliveries.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export interface VerifyWebhookOptions {
  /** Oldest delivery accepted, in seconds. @defaultValue 300 */
  toleranceSeconds?: number;
  /** @defaultValue Date.now() */
  nowMs?: number;
}

/**
 * What a receiver runs: true when `signature` is the HMAC of this timestamp and body under
 * `secret` (constant-time compare) and the timestamp is recent.
 */
export function verifyWebhookSignature(secret: string, timestamp: string | number, body: string, signature: string, options: VerifyWebhookOptions = {}): boolean {
  const seconds = Number(timestamp);
  if (!Number.isSafeInteger(seconds)) return false;
  const age = Math.abs((options.nowMs ?? Date.now()) / 1000 - seconds);
  if (age > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, seconds, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
