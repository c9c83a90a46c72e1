// Sign-in throttling against the real Redis (REDIS_URL) and the real database (audit log).
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "../db/index.ts";
import { createAuthOptions, SignInThrottledError } from "./auth-options.ts";
import { hashPassword } from "./password.ts";
import * as password from "./password.ts";
import { SignInThrottle } from "./sign-in-throttle.ts";

// Spies on the bcrypt work, keeping the real implementations.
vi.mock("./password.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password.ts")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword), burnPasswordCheck: vi.fn(real.burnPasswordCheck) };
});

const redis = new Redis(process.env.REDIS_URL!);
const db = createDb();
afterAll(async () => {
  await redis.quit();
  await db.$disconnect();
});

const MINUTE = 60_000;
const newThrottle = () => new SignInThrottle(redis, { prefix: `test-${randomUUID().slice(0, 8)}` });
const subject = (email: string, address = "203.0.113.9") => ({ email, address });

describe("SignInThrottle", () => {
  it("locks an account after five failures in the window, then doubles the lock on each further failure", async () => {
    const throttle = newThrottle();
    const alice = subject("alice@canary.test");
    const locks = [];
    for (let i = 0; i < 5; i += 1) locks.push(await throttle.recordFailure(alice));
    expect(locks).toEqual([0, 0, 0, 0, MINUTE]);
    const verdict = await throttle.check(alice);
    expect(verdict.throttled).toBe(true);
    // PTTL has whole-millisecond resolution; a second of slack covers a slow machine.
    expect(verdict.throttled && verdict.retryAfterMs).toBeGreaterThan(MINUTE - 1000);
    // Failures after the lock (the caller counts none while it holds) double it: 2, 4, … minutes.
    expect(await throttle.recordFailure(alice)).toBe(2 * MINUTE);
    expect(await throttle.recordFailure(alice)).toBe(4 * MINUTE);
  });

  it("caps the lock at an hour", async () => {
    const throttle = newThrottle();
    const bob = subject("bob@canary.test");
    let lock = 0;
    for (let i = 0; i < 15; i += 1) lock = await throttle.recordFailure(bob);
    expect(lock).toBe(60 * MINUTE);
  });

  it("counts per client address across accounts, and per account across addresses", async () => {
    const throttle = newThrottle();
    for (let i = 0; i < 5; i += 1) await throttle.recordFailure(subject(`user${i}@canary.test`, "198.51.100.1"));
    expect((await throttle.check(subject("fresh@canary.test", "198.51.100.1"))).throttled).toBe(true);
    expect((await throttle.check(subject("fresh@canary.test", "198.51.100.2"))).throttled).toBe(false);

    for (let i = 0; i < 5; i += 1) await throttle.recordFailure(subject("Carol@canary.test", `192.0.2.${i}`));
    expect((await throttle.check(subject("carol@canary.test", "192.0.2.200"))).throttled).toBe(true);
  });

  it("never counts a success, and a success clears its account's failures", async () => {
    const throttle = newThrottle();
    const dave = subject("dave@canary.test");
    for (let i = 0; i < 50; i += 1) await throttle.recordSuccess(dave);
    for (let i = 0; i < 4; i += 1) await throttle.recordFailure(dave);
    await throttle.recordSuccess(dave);
    for (let i = 0; i < 4; i += 1) await throttle.recordFailure(subject("dave@canary.test", `192.0.2.${i}`));
    expect((await throttle.check(subject("dave@canary.test", "192.0.2.99"))).throttled).toBe(false);
  });

  it("keeps no email in Redis", async () => {
    const prefix = `test-${randomUUID().slice(0, 8)}`;
    await new SignInThrottle(redis, { prefix }).recordFailure(subject("erin@canary.test"));
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toContain("erin");
  });
});

describe("credentials sign-in with the throttle", () => {
  const request = (address: string) => ({ body: {}, query: {}, headers: { "x-forwarded-for": address }, method: "POST" });

  beforeEach(() => {
    vi.mocked(password.verifyPassword).mockClear();
    vi.mocked(password.burnPasswordCheck).mockClear();
  });

  async function setup() {
    const email = `throttle-${randomUUID().slice(0, 8)}@canary.test`;
    const user = await db.user.create({ data: { email, name: "Throttle test", passwordHash: await hashPassword("correct horse", 4), roles: { create: [{ role: "auditor" }] } } });
    const options = createAuthOptions({ db, env: {}, throttle: newThrottle() });
    const authorize = (pw: string, address = "203.0.113.50") => (options.providers[0] as CredentialsConfig).authorize({ email, password: pw }, request(address));
    return { email, user, authorize };
  }

  it("signs in as often as it likes when the password is right", async () => {
    const { authorize, user } = await setup();
    for (let i = 0; i < 12; i += 1) expect(await authorize("correct horse")).toMatchObject({ id: user.id });
  });

  it("refuses the sixth attempt after five failures, even with the right password, without running bcrypt", async () => {
    const { authorize } = await setup();
    for (let i = 0; i < 5; i += 1) expect(await authorize(`wrong ${i}`)).toBeNull();
    expect(password.verifyPassword).toHaveBeenCalledTimes(5);

    const refused = authorize("correct horse");
    await expect(refused).rejects.toThrow(SignInThrottledError);
    await expect(refused).rejects.toThrow(/^TooManySignInAttempts:(59|60)$/);
    expect(password.verifyPassword).toHaveBeenCalledTimes(5);
    expect(password.burnPasswordCheck).not.toHaveBeenCalled();
  });

  it("audits each failed sign-in with the account, reason and address, never the password", async () => {
    const { authorize, user, email } = await setup();
    await authorize("hunter2-secret", "198.51.100.77");
    const entry = await db.auditLogEntry.findFirstOrThrow({ where: { action: "auth.sign_in_failed", targetId: user.id } });
    expect(entry).toMatchObject({ actorId: null, actorLabel: "anonymous", targetType: "user", details: { email, reason: "wrong_password", address: "198.51.100.77", lockedForSeconds: 0 } });
    expect(JSON.stringify({ ...entry, seq: String(entry.seq) })).not.toContain("hunter2-secret");
  });
});
