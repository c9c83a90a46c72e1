import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { sendWebhook } from "./send-webhook.ts";
import { signWebhook, verifyWebhookSignature } from "./webhook-signature.ts";

const SECRET = "s3cret";
const NOW = 1_800_000_000;

describe("webhook signatures", () => {
  it("is HMAC-SHA256 over `timestamp.body`, hex, prefixed sha256=", () => {
    const expected = createHmac("sha256", SECRET).update(`${NOW}.{"a":1}`).digest("hex");
    expect(signWebhook(SECRET, NOW, '{"a":1}')).toBe(`sha256=${expected}`);
  });

  it("verifies its own signature and refuses a changed body, another secret or a stale timestamp", () => {
    const body = '{"type":"canary.alert.drift"}';
    const signature = signWebhook(SECRET, NOW, body);
    expect(verifyWebhookSignature(SECRET, String(NOW), body, signature, { nowMs: NOW * 1000 })).toBe(true);
    expect(verifyWebhookSignature(SECRET, NOW, `${body} `, signature, { nowMs: NOW * 1000 })).toBe(false);
    expect(verifyWebhookSignature("other", NOW, body, signature, { nowMs: NOW * 1000 })).toBe(false);
    expect(verifyWebhookSignature(SECRET, NOW, body, signature, { nowMs: (NOW + 301) * 1000 })).toBe(false);
    expect(verifyWebhookSignature(SECRET, "x", body, signature, { nowMs: NOW * 1000 })).toBe(false);
    expect(verifyWebhookSignature(SECRET, NOW, body, "sha256=00", { nowMs: NOW * 1000 })).toBe(false);
  });
});

describe("sendWebhook", () => {
  it("sends nothing without a secret", async () => {
    const fetchMock = vi.fn();
    expect(await sendWebhook("http://x", {}, { secret: "", transport: fetchMock })).toMatchObject({ delivered: false, error: expect.stringContaining("CANARY_WEBHOOK_SECRET") });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("signs the exact body it sends, and retries a 5xx but not a 4xx", async () => {
    const calls: { headers: Record<string, string>; body: string }[] = [];
    const statuses = [503, 200];
    const fetchMock = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      calls.push({ headers: init!.headers as Record<string, string>, body: init!.body as string });
      return new Response("", { status: statuses.shift()! });
    });
    const delivery = await sendWebhook("http://x", { hello: "world" }, { secret: SECRET, transport: fetchMock as typeof fetch });
    expect(delivery).toEqual({ delivered: true, status: 200, attempts: 2 });
    const last = calls[1]!;
    expect(verifyWebhookSignature(SECRET, last.headers["X-Canary-Timestamp"]!, last.body, last.headers["X-Canary-Signature"]!)).toBe(true);

    const refused = vi.fn(async () => new Response("", { status: 400 }));
    expect(await sendWebhook("http://x", {}, { secret: SECRET, transport: refused as typeof fetch })).toMatchObject({ delivered: false, status: 400, attempts: 1 });
  });
});
