import type { AuthOptions } from "next-auth";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "../db/index.ts";
import { createAuthOptions, oidcProvider, SessionRevokedError } from "./auth-options.ts";
import { hashPassword } from "./password.ts";
import { ROLE_REFRESH_MS } from "./session-policy.ts";

interface FakeUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  isService: boolean;
  disabledAt: Date | null;
  roles: { role: string }[];
}

function fakeDb(users: FakeUser[]) {
  const byEmail = (where: { email: { equals: string } }) => users.find((u) => u.email.toLowerCase() === where.email.equals.toLowerCase()) ?? null;
  const findUnique = vi.fn(async ({ where }: { where: { id: string } }) => users.find((u) => u.id === where.id) ?? null);
  const findFirst = vi.fn(async ({ where }: { where: { email: { equals: string } } }) => byEmail(where));
  // Failed sign-ins append to the audit log in a transaction; lib/auth/sign-in-throttle.int.test.ts checks that row.
  const $transaction = vi.fn(async () => undefined);
  return { db: { user: { findUnique, findFirst }, $transaction } as unknown as Db, findUnique, findFirst };
}

const password = "canary-demo";
const passwordHash = await hashPassword(password, 4);
const alice: FakeUser = { id: "u-alice", email: "alice@canary.local", name: "Alice", passwordHash, isService: false, disabledAt: null, roles: [{ role: "ml_engineer" }] };
const users = [
  alice,
  { ...alice, id: "u-off", email: "off@canary.local", disabledAt: new Date(0) },
  { ...alice, id: "u-svc", email: "svc@canary.local", isService: true },
  { ...alice, id: "u-sso", email: "sso@canary.local", passwordHash: null },
];

function credentials(options: AuthOptions) {
  return options.providers.find((p) => p.id === "credentials") as CredentialsConfig;
}
const authorize = (options: AuthOptions, email: string, pw: string) =>
  credentials(options).authorize({ email, password: pw }, { body: {}, query: {}, headers: {}, method: "POST" });

describe("credentials sign-in", () => {
  const { db } = fakeDb(users);
  const options = createAuthOptions({ db, env: {} });

  it("accepts the right password, matching the email case-insensitively", async () => {
    expect(await authorize(options, "Alice@Canary.local ", password)).toEqual({ id: "u-alice", email: "alice@canary.local", name: "Alice" });
  });

  it.each([
    ["a wrong password", "alice@canary.local", "nope"],
    ["an unknown email", "nobody@canary.local", password],
    ["a disabled user", "off@canary.local", password],
    ["a service account", "svc@canary.local", password],
    ["a user without a password", "sso@canary.local", password],
    ["an empty password", "alice@canary.local", ""],
  ])("refuses %s", async (_what, email, pw) => {
    expect(await authorize(options, email, pw)).toBeNull();
  });
});

describe("OIDC provider", () => {
  it("is configured only when issuer, client id and secret are all set", () => {
    expect(oidcProvider({})).toBeNull();
    expect(oidcProvider({ OIDC_ISSUER: "https://id.example", OIDC_CLIENT_ID: "canary" })).toBeNull();
    const provider = oidcProvider({ OIDC_ISSUER: "https://id.example/realms/x/", OIDC_CLIENT_ID: "canary", OIDC_CLIENT_SECRET: "s" })!;
    expect(provider).toMatchObject({
      id: "oidc",
      type: "oauth",
      wellKnown: "https://id.example/realms/x/.well-known/openid-configuration",
      idToken: true,
      checks: ["pkce", "state"],
      clientId: "canary",
    });
    expect(provider.profile({ sub: "abc", email: "Alice@Canary.local", name: "A" }, {})).toEqual({ id: "abc", email: "alice@canary.local", name: "A" });
  });

  it("adds the provider to the options only when configured", () => {
    const { db } = fakeDb(users);
    expect(createAuthOptions({ db, env: {} }).providers.map((p) => p.id)).toEqual(["credentials"]);
    const env = { OIDC_ISSUER: "https://id.example", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" };
    expect(createAuthOptions({ db, env }).providers.map((p) => p.id)).toEqual(["credentials", "oidc"]);
  });

  it("lets in only existing, enabled people whose email_verified is true: no self-provisioning", async () => {
    const { db } = fakeDb(users);
    const signIn = createAuthOptions({ db, env: {} }).callbacks!.signIn!;
    const account = { provider: "oidc", type: "oauth" as const, providerAccountId: "sub-1" };
    const attempt = (email: string, verified?: boolean) =>
      signIn({ user: { id: "sub-1", email }, account, profile: { sub: "sub-1", email, ...(verified === undefined ? {} : { email_verified: verified }) } as never });
    expect(await attempt("ALICE@canary.local", true)).toBe(true);
    expect(await attempt("alice@canary.local")).toBe(false);
    expect(await attempt("alice@canary.local", false)).toBe(false);
    expect(await attempt("stranger@example.com", true)).toBe(false);
    expect(await attempt("off@canary.local", true)).toBe(false);
    expect(await attempt("svc@canary.local", true)).toBe(false);
  });
});

describe("session roles", () => {
  function setup() {
    let now = 1_000_000;
    const people = [{ ...alice, roles: [...alice.roles] }];
    const fake = fakeDb(people);
    const options = createAuthOptions({ db: fake.db, env: {}, now: () => now });
    const jwt = options.callbacks!.jwt!;
    const tick = (ms: number) => {
      now += ms;
    };
    return { ...fake, people, jwt, session: options.callbacks!.session!, tick, now: () => now };
  }

  it("loads roles at sign-in, with our user id (OIDC identities are mapped by email)", async () => {
    const { jwt, now } = setup();
    const token = await jwt({ token: {}, user: { id: "oidc-sub", email: "alice@canary.local" }, account: { provider: "oidc", type: "oauth", providerAccountId: "x" } } as never);
    expect(token).toEqual({ sub: "u-alice", email: "alice@canary.local", name: "Alice", roles: ["ml_engineer"], rolesCheckedAt: now() });
  });

  it("re-reads roles from the database only when they are a minute old, so role changes take effect", async () => {
    const { jwt, tick, people, findUnique } = setup();
    let token = await jwt({ token: {}, user: { id: "u-alice" }, account: { provider: "credentials", type: "credentials", providerAccountId: "u-alice" } } as never);
    findUnique.mockClear();
    people[0]!.roles = [{ role: "admin" }];

    tick(ROLE_REFRESH_MS - 1);
    token = await jwt({ token } as never);
    expect(token.roles).toEqual(["ml_engineer"]);
    expect(findUnique).not.toHaveBeenCalled();

    tick(1);
    token = await jwt({ token } as never);
    expect(token.roles).toEqual(["admin"]);
    expect(findUnique).toHaveBeenCalledTimes(1);
  });

  it("ends the session of a user disabled since sign-in", async () => {
    const { jwt, tick, people } = setup();
    const token = await jwt({ token: {}, user: { id: "u-alice" }, account: { provider: "credentials", type: "credentials", providerAccountId: "u-alice" } } as never);
    people[0]!.disabledAt = new Date();
    tick(ROLE_REFRESH_MS);
    await expect(jwt({ token } as never)).rejects.toThrow(SessionRevokedError);
  });

  it("puts id, email, name and roles on session.user", async () => {
    const { session } = setup();
    const result = await session({
      session: { expires: "2030-01-01T00:00:00.000Z", user: {} },
      token: { sub: "u-alice", email: "alice@canary.local", name: "Alice", roles: ["auditor"] },
    } as never);
    expect(result.user).toEqual({ id: "u-alice", email: "alice@canary.local", name: "Alice", roles: ["auditor"] });
  });
});

describe("options", () => {
  it("uses JWT sessions and the app's sign-in page", () => {
    const options = createAuthOptions({ db: fakeDb([]).db, env: { NEXTAUTH_SECRET: "s" } });
    expect(options.session?.strategy).toBe("jwt");
    expect(options.pages?.signIn).toBe("/signin");
    expect(options.secret).toBe("s");
    expect(typeof options.events?.signIn).toBe("function");
  });
});
