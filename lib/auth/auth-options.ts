// next-auth v4 configuration: email + password, and optionally one OpenID Connect provider.
// Sessions are JWTs; the roles inside are re-read from the database at most once a minute, so a
// role change or a disabled account takes effect within ROLE_REFRESH_MS without signing out.
import type { AuthOptions, DefaultSession } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { Redis } from "ioredis";
import { appendAuditLog } from "../audit-log/index.ts";
import { getDb, type Db, type Role } from "../db/index.ts";
import { clientAddress, parseTrustedProxies } from "./client-address.ts";
import { burnPasswordCheck, verifyPassword } from "./password.ts";
import { SignInThrottle, type SignInSubject } from "./sign-in-throttle.ts";
import { rolesAreFresh, SESSION_MAX_AGE_SECONDS, SIGN_IN_PAGE } from "./session-policy.ts";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; roles: Role[] } & Omit<DefaultSession["user"], "email" | "name">;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    roles?: Role[];
    /** Epoch milliseconds of the last time roles were read from the database. */
    rolesCheckedAt?: number;
  }
}

/** Thrown from the jwt callback: next-auth then clears the cookie and the caller has no session. */
export class SessionRevokedError extends Error {
  constructor() {
    super("session revoked: the account no longer exists or is disabled");
    this.name = "SessionRevokedError";
  }
}

export interface AuthEnv {
  NEXTAUTH_SECRET?: string;
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  /** Label of the single-sign-on button; default "Single sign-on". */
  OIDC_NAME?: string;
  /** Reverse proxies whose X-Forwarded-For entries are skipped to find the client (see client-address.ts). */
  CANARY_TRUSTED_PROXIES?: string;
}

export interface CreateAuthOptionsOptions {
  db: Db;
  env?: AuthEnv;
  now?: () => number;
  /** Counts failed password sign-ins; none when null (unit tests of the rest). */
  throttle?: SignInThrottle | null;
}

/**
 * Thrown from authorize for a throttled attempt. next-auth passes the message on as the `error`
 * code; the sign-in form reads the wait from it.
 */
export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`TooManySignInAttempts:${retryAfterSeconds}`);
    this.name = "SignInThrottledError";
  }
}

interface ActiveUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

function normaliseEmail(email: unknown): string | null {
  return typeof email === "string" && email.trim() !== "" ? email.trim().toLowerCase() : null;
}

/** A person who may sign in: exists, not disabled, not a service account. */
async function findActiveUser(db: Db, where: { id: string } | { email: string }): Promise<ActiveUser | null> {
  const user =
    "id" in where
      ? await db.user.findUnique({ where: { id: where.id }, include: { roles: true } })
      : await db.user.findFirst({ where: { email: { equals: where.email, mode: "insensitive" } }, include: { roles: true } });
  if (!user || user.disabledAt || user.isService) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles.map((m) => m.role) };
}

type FailedSignIn = "unknown_account" | "wrong_password" | "no_password" | "disabled" | "service_account";

/** `auth.sign_in_failed` in the audit log: which account (when one exists), why, from where; never the password. */
async function auditFailedSignIn(db: Db, subject: SignInSubject, user: { id: string; email: string } | null, reason: FailedSignIn, lockMs: number) {
  await db.$transaction((tx) =>
    appendAuditLog(tx, {
      actor: { id: null, label: "anonymous" },
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: user?.id ?? "unknown",
      details: { email: user?.email ?? null, reason, address: subject.address, lockedForSeconds: Math.ceil(lockMs / 1000) },
    }),
  );
}

/** A throttle that cannot reach Redis lets sign-in go on (it would otherwise lock everyone out). */
async function orWhenRedisFails<T>(work: Promise<T>, fallback: T): Promise<T> {
  try {
    return await work;
  } catch (error) {
    console.warn(`[auth] sign-in throttle unavailable: ${(error as Error).message}`);
    return fallback;
  }
}

function credentialsProvider(db: Db, throttle: SignInThrottle | null, env: AuthEnv): CredentialsConfig {
  const trustedProxies = parseTrustedProxies(env.CANARY_TRUSTED_PROXIES);
  return {
    id: "credentials",
    name: "Email and password",
    type: "credentials",
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
    },
    async authorize(credentials, request) {
      const email = normaliseEmail(credentials?.email);
      const password = credentials?.password;
      if (!email || typeof password !== "string" || password === "") return null;
      const forwardedFor = (request?.headers as Record<string, string | undefined> | undefined)?.["x-forwarded-for"];
      const subject = { email, address: clientAddress(forwardedFor, trustedProxies) };
      // Checked before any bcrypt work: a throttled guess costs the server a Redis read only.
      const verdict = throttle ? await orWhenRedisFails(throttle.check(subject), { throttled: false as const }) : { throttled: false as const };
      if (verdict.throttled) throw new SignInThrottledError(Math.ceil(verdict.retryAfterMs / 1000));

      const user = await db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } } });
      const matches = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
      const failure: FailedSignIn | null = !user ? "unknown_account" : !user.passwordHash ? "no_password" : !matches ? "wrong_password" : user.disabledAt ? "disabled" : user.isService ? "service_account" : null;
      if (failure) {
        const lockMs = throttle ? await orWhenRedisFails(throttle.recordFailure(subject), 0) : 0;
        await auditFailedSignIn(db, subject, user, failure, lockMs);
        return null;
      }
      if (throttle) await orWhenRedisFails(throttle.recordSuccess(subject), undefined);
      return { id: user!.id, email: user!.email, name: user!.name };
    },
  };
}

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

/** The generic OIDC provider, or null unless issuer, client id and secret are all set. */
export function oidcProvider(env: AuthEnv): OAuthConfig<OidcProfile> | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  const issuer = OIDC_ISSUER.replace(/\/+$/, "");
  return {
    id: "oidc",
    name: env.OIDC_NAME || "Single sign-on",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile) {
      const email = normaliseEmail(profile.email);
      return { id: profile.sub, email, name: profile.name ?? profile.preferred_username ?? email };
    },
  };
}

/** Which Canary user a completed sign-in is: credentials carry our id; OIDC is matched by email. */
async function userOfSignIn(db: Db, user: { id: string; email?: string | null }, provider: string | undefined) {
  if (provider === "credentials") return findActiveUser(db, { id: user.id });
  const email = normaliseEmail(user.email);
  return email ? findActiveUser(db, { email }) : null;
}

export function createAuthOptions({ db, env = process.env, now = Date.now, throttle = null }: CreateAuthOptionsOptions): AuthOptions {
  const oidc = oidcProvider(env);
  const credentials = credentialsProvider(db, throttle, env);
  return {
    secret: env.NEXTAUTH_SECRET,
    providers: oidc ? [credentials, oidc] : [credentials],
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: SIGN_IN_PAGE, error: SIGN_IN_PAGE },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider === "credentials") return true;
        // No self-provisioning: an OIDC identity signs in only as an existing, enabled Canary user,
        // and only with an email address the identity provider says it has verified: a claim that is
        // missing is no verification (anyone may register any address at some providers).
        if ((profile as OidcProfile | undefined)?.email_verified !== true) return false;
        return (await userOfSignIn(db, user, account?.provider)) !== null;
      },
      async jwt({ token, user, account }): Promise<JWT> {
        if (user) {
          const active = await userOfSignIn(db, user, account?.provider);
          if (!active) throw new SessionRevokedError();
          return { sub: active.id, email: active.email, name: active.name, roles: active.roles, rolesCheckedAt: now() };
        }
        if (token.sub && rolesAreFresh(token.rolesCheckedAt, now())) return token;
        const active = token.sub ? await findActiveUser(db, { id: token.sub }) : null;
        if (!active) throw new SessionRevokedError();
        return { ...token, email: active.email, name: active.name, roles: active.roles, rolesCheckedAt: now() };
      },
      async session({ session, token }) {
        return {
          ...session,
          user: { id: token.sub ?? "", email: token.email ?? "", name: token.name ?? "", roles: token.roles ?? [] },
        };
      },
    },
    events: {
      async signIn({ user, account }) {
        const active = await userOfSignIn(db, user, account?.provider);
        if (!active) return;
        await db.$transaction((tx) =>
          appendAuditLog(tx, {
            actor: { id: active.id, label: active.email },
            action: "auth.sign_in",
            targetType: "user",
            targetId: active.id,
            details: { provider: account?.provider ?? "unknown" },
          }),
        );
      },
    },
    logger: {
      error(code, metadata) {
        const message = metadata instanceof Error ? metadata.message : (metadata as { message?: string })?.message;
        // A revoked session is expected (user disabled or deleted): one line, not a stack trace.
        if (message?.startsWith("session revoked")) console.warn(`[auth] ${message}`);
        else console.error(`[auth] ${code}${message ? `: ${message}` : ""}`);
      },
      warn(code) {
        console.warn(`[auth] ${code}`);
      },
      debug() {},
    },
  };
}

let cached: AuthOptions | undefined;

/** The process-wide options (process env, shared client), for the next-auth route and getServerSession. */
export function getAuthOptions(): AuthOptions {
  if (!cached) {
    const redisUrl = process.env.REDIS_URL;
    // One retry, so a Redis outage answers a sign-in within a second (and lets it through) instead of hanging.
    const throttle = redisUrl ? new SignInThrottle(new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 1000 })) : null;
    cached = createAuthOptions({ db: getDb(), throttle });
  }
  return cached;
}
