import { randomUUID } from "node:crypto";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../db/index.ts";
import { createAuthOptions } from "./auth-options.ts";
import { hashPassword } from "./password.ts";

const db = createDb();
afterAll(() => db.$disconnect());

describe("credentials sign-in against the database", () => {
  it("signs in with the stored bcrypt hash and audits auth.sign_in", async () => {
    const email = `signin-${randomUUID().slice(0, 8)}@canary.test`;
    const user = await db.user.create({
      data: { email, name: "Sign-in test", passwordHash: await hashPassword("correct horse", 4), roles: { create: [{ role: "auditor" }] } },
    });
    const options = createAuthOptions({ db, env: {} });
    const credentials = options.providers[0] as CredentialsConfig;
    const request = { body: {}, query: {}, headers: {}, method: "POST" };

    expect(await credentials.authorize({ email, password: "wrong" }, request)).toBeNull();
    const signedIn = await credentials.authorize({ email: email.toUpperCase(), password: "correct horse" }, request);
    expect(signedIn).toEqual({ id: user.id, email, name: "Sign-in test" });

    const account = { provider: "credentials", type: "credentials" as const, providerAccountId: user.id };
    const token = await options.callbacks!.jwt!({ token: {}, user: signedIn!, account, trigger: "signIn" } as never);
    expect(token).toMatchObject({ sub: user.id, roles: ["auditor"] });

    await options.events!.signIn!({ user: signedIn!, account });
    const audit = await db.auditLogEntry.findFirstOrThrow({ where: { action: "auth.sign_in", targetId: user.id } });
    expect(audit).toMatchObject({ actorId: user.id, actorLabel: email, targetType: "user", details: { provider: "credentials" } });

    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await credentials.authorize({ email, password: "correct horse" }, request)).toBeNull();
  });
});
