// Throttles password guessing per account and per client address, in Redis so that every web
// process shares the counts. Only failures count: a successful sign-in never adds to a count, so
// suites that sign in often are never slowed, and it clears its account's failures.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

export interface SignInThrottleOptions {
  /** Failures allowed within the window before a lock. @defaultValue 5 */
  maxFailures?: number;
  /** @defaultValue 15 minutes */
  windowMs?: number;
  /** The first lock; each failure after it doubles the next one. @defaultValue 1 minute */
  baseLockMs?: number;
  /** @defaultValue 1 hour */
  maxLockMs?: number;
  /** Redis key prefix. @defaultValue "canary" */
  prefix?: string;
}

export type ThrottleVerdict = { throttled: false } | { throttled: true; retryAfterMs: number };

/** What a failed sign-in is counted against: the account (by email) and the client address. */
export interface SignInSubject {
  email: string;
  address: string;
}

// One failure, atomically: count it in a window that starts at the first failure; from the
// max-th failure on, set a lock of base * 2^(failures - max), capped, and keep the count alive
// past the lock so the next failure after it doubles again.
const RECORD_FAILURE = `
local failures = redis.call('INCR', KEYS[1])
if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
local max = tonumber(ARGV[1])
if failures >= max then
  local lock = math.floor(math.min(tonumber(ARGV[3]) * 2 ^ (failures - max), tonumber(ARGV[4])))
  redis.call('SET', KEYS[2], failures, 'PX', lock)
  redis.call('PEXPIRE', KEYS[1], lock + tonumber(ARGV[2]))
  return lock
end
return 0
`;

export class SignInThrottle {
  private readonly redis: Redis;
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly baseLockMs: number;
  private readonly maxLockMs: number;
  private readonly prefix: string;

  constructor(redis: Redis, options: SignInThrottleOptions = {}) {
    this.redis = redis;
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.baseLockMs = options.baseLockMs ?? 60_000;
    this.maxLockMs = options.maxLockMs ?? 60 * 60_000;
    this.prefix = options.prefix ?? "canary";
    if (!(this.maxFailures >= 1 && this.windowMs > 0 && this.baseLockMs > 0 && this.maxLockMs >= this.baseLockMs)) {
      throw new Error("SignInThrottle: maxFailures >= 1, windowMs > 0 and 0 < baseLockMs <= maxLockMs are required");
    }
  }

  // Emails are hashed so that Redis holds no personal data.
  private keys(kind: "account" | "address", value: string) {
    const id = createHash("sha256").update(`${kind}:${value}`).digest("hex").slice(0, 32);
    return { failures: `${this.prefix}:signin:${kind}:${id}:failures`, lock: `${this.prefix}:signin:${kind}:${id}:lock` };
  }

  private subjectKeys(subject: SignInSubject) {
    return [this.keys("account", subject.email.toLowerCase()), this.keys("address", subject.address)];
  }

  /** Whether the account or the address is locked now, and for how much longer. */
  async check(subject: SignInSubject): Promise<ThrottleVerdict> {
    const remaining = await Promise.all(this.subjectKeys(subject).map((keys) => this.redis.pttl(keys.lock)));
    const retryAfterMs = Math.max(...remaining);
    return retryAfterMs > 0 ? { throttled: true, retryAfterMs } : { throttled: false };
  }

  /** Counts a failed sign-in against both; returns the lock it started, 0 for none. */
  async recordFailure(subject: SignInSubject): Promise<number> {
    const locks = await Promise.all(
      this.subjectKeys(subject).map((keys) =>
        this.redis.eval(RECORD_FAILURE, 2, keys.failures, keys.lock, this.maxFailures, this.windowMs, this.baseLockMs, this.maxLockMs),
      ),
    );
    return Math.max(...locks.map(Number));
  }

  /**
   * A correct password clears the account's failures, not the address's: one valid account must
   * not reset the count of an address that is guessing others.
   */
  async recordSuccess(subject: SignInSubject): Promise<void> {
    const account = this.keys("account", subject.email.toLowerCase());
    await this.redis.del(account.failures);
  }
}
