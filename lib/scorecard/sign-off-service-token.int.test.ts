// Separation of duties through a service token (issue 13, item 10): a model version a service
// account's token uploads records the person who minted the token, and that person may not sign
// off on it, whatever their roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, resolveToken, type Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import { createNetwork, disposeNetwork, mlpSpec } from "../dp/index.ts";
import { bundleNetwork, uploadModelVersion } from "../models/index.ts";
import { decideScorecard, recomputeScorecard } from "./index.ts";
import { person, policyDatabase } from "./evidence-rows.test-support.ts";

let db: Db;
let admin: Principal;
let close: () => Promise<void>;

beforeAll(async () => {
  process.env.CANARY_TF_BACKEND = "cpu";
  ({ db, admin, close } = await policyDatabase("sod_token"));
});
afterAll(() => close());

describe("a version uploaded with a service token", () => {
  it("records who minted the token, who then may not approve or reject it; another officer may", async () => {
    const service = await db.user.create({ data: { email: `ci-${Date.now()}@canary.test`, name: "CI", isService: true, roles: { create: { role: "service" } } } });
    const { token } = await createApiToken(db, admin, { name: "pipeline", userId: service.id });
    const pipeline = await resolveToken(db, token);
    expect(pipeline).toMatchObject({ userId: service.id, via: "token", tokenCreatedById: admin.userId });

    const network = createNetwork(mlpSpec(3, [2], 2), 3);
    const bundle = await bundleNetwork(network);
    disposeNetwork(network);
    const uploaded = await uploadModelVersion(db, pipeline, `ext-${Date.now()}`, bundle);
    const row = await db.modelVersion.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect(row).toMatchObject({ createdById: service.id, tokenCreatedById: admin.userId });

    const { scorecard } = await recomputeScorecard(db, row.id, "test");
    for (const decision of ["approved", "rejected"] as const) {
      await expect(decideScorecard(db, admin, { scorecardId: scorecard.id, decision, comment: "mine" })).rejects.toMatchObject({
        code: "forbidden",
        details: { reason: "separation_of_duties" },
      });
    }
    const officer = await person(db, "compliance_officer");
    await expect(decideScorecard(db, officer, { scorecardId: scorecard.id, decision: "rejected", comment: "no audit yet" })).resolves.toBeDefined();
  });

  it("is not recorded for a personal token: its owner is already the uploader", async () => {
    const engineer = await person(db, "ml_engineer");
    const { token } = await createApiToken(db, engineer, { name: "laptop" });
    const principal = await resolveToken(db, token);
    expect(principal.tokenCreatedById).toBeUndefined();
    expect((await db.apiToken.findFirstOrThrow({ where: { userId: engineer.userId } })).createdById).toBe(engineer.userId);
  });
});
