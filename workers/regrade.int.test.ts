// Regrading as an event: a finding triaged (or a model uploaded) through the real route handler
// succeeds while the regrade it queued fails, and the `regrade` job is retried by BullMQ (real
// Redis) until it lands; a policy saved while regrading fails is saved, its versions queued.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken, type Principal } from "../lib/auth/index.ts";
import type { Db } from "../lib/db/index.ts";
import { createNetwork, disposeNetwork, mlpSpec } from "../lib/dp/index.ts";
import { bundleNetwork } from "../lib/models/index.ts";
import { closeQueueObject, closeQueues, type AnyWorker } from "../lib/queue/index.ts";
import { datasetVersion, modelVersion, person, piiScan, policyDatabase, tightened } from "../lib/scorecard/evidence-rows.test-support.ts";
import { recomputeScorecard, savePolicyVersion } from "../lib/scorecard/index.ts";
import { waitFor } from "./worker-process.test-support.ts";
import { startRegradeWorker } from "./regrade.ts";

process.env.CANARY_QUEUE_PREFIX = "t_regrade_worker";

// The route handler reaches the database through getDb(): this file's own database instead, whose
// policy table (the first thing a regrade reads) is unreachable while `regrade.failing` holds.
const scratch = vi.hoisted(() => ({ db: undefined as unknown }));
const regrade = vi.hoisted(() => ({ failing: false }));
vi.mock("../lib/db/index.ts", async (importOriginal) => ({ ...(await importOriginal<typeof import("../lib/db/index.ts")>()), getDb: () => scratch.db }));

function failingWhileAsked(db: Db): Db {
  return new Proxy(db, {
    get(target, property) {
      if (property === "policyVersion" && regrade.failing) throw new Error("scorecard store unavailable");
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const { PATCH } = await import("../app/api/v1/findings/[id]/route.ts");
const { POST: uploadVersion } = await import("../app/api/v1/models/[name]/versions/route.ts");

let db: Db;
let close: () => Promise<void>;
let admin: Principal;
let officer: Principal;
let worker: AnyWorker | undefined;

beforeAll(async () => {
  ({ db, admin, close } = await policyDatabase("regrade"));
  scratch.db = failingWhileAsked(db);
  officer = await person(db, "compliance_officer");
});
afterAll(async () => {
  if (worker) await closeQueueObject(worker);
  await closeQueues();
  await close();
});

describe("the regrade queue", () => {
  it("answers a triage with 200 while its regrade fails, and retries the regrade until it lands", async () => {
    const engineer = await person(db, "ml_engineer");
    const dv = await datasetVersion(db, engineer);
    await piiScan(db, dv.id, ["high"]);
    const mv = await modelVersion(db, engineer, { trainDatasetVersionId: dv.id });
    const before = (await recomputeScorecard(db, mv.id, "test")).scorecard;
    const finding = await db.finding.findFirstOrThrow({ where: { datasetVersionId: dv.id } });
    const { token } = await createApiToken(db, officer, { name: "regrade test" });

    regrade.failing = true;
    const response = await PATCH(
      new Request(`http://localhost/api/v1/findings/${finding.id}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ status: "false_positive", reason: "a test address" }),
      }),
      { params: Promise.resolve({ id: finding.id }) },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: finding.id, status: "false_positive" });
    expect((await db.finding.findUniqueOrThrow({ where: { id: finding.id } })).status).toBe("false_positive");
    const job = await db.job.findFirstOrThrow({ where: { queue: "regrade", subjectType: "scorecard_evidence", subjectId: dv.id } });
    expect(job).toMatchObject({ status: "queued", payload: { source: { datasetVersionId: dv.id }, reason: "finding triaged" } });

    worker = startRegradeWorker({ db: scratch.db as Db });
    const retrying = await waitFor("a failed attempt to be queued again", () => db.job.findUniqueOrThrow({ where: { id: job.id } }), (row) => row.attempts === 1 && row.status === "queued" && row.error !== null);
    expect(retrying.error).toBe("Error: scorecard store unavailable");
    regrade.failing = false;
    const done = await waitFor("the regrade to complete", () => db.job.findUniqueOrThrow({ where: { id: job.id } }), (row) => row.status !== "queued" && row.status !== "active", 20_000);
    expect(done).toMatchObject({ status: "completed", attempts: 2, error: null, result: { snapshots: 1 } });
    const latest = await db.scorecard.findFirstOrThrow({ where: { modelVersionId: mv.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(latest.id).not.toBe(before.id);
    expect(latest.reason).toBe("finding triaged");
  }, 60_000);

  it("answers a model upload with 201 while its regrade fails; the queued regrade grades it afterwards", async () => {
    const engineer = await person(db, "ml_engineer");
    const { token } = await createApiToken(db, engineer, { name: "upload test" });
    const network = createNetwork(mlpSpec(3, [2], 2), 3);
    const bundle = await bundleNetwork(network);
    disposeNetwork(network);
    const name = `uploaded-${Date.now()}`;

    regrade.failing = true;
    const response = await uploadVersion(
      new Request(`http://localhost/api/v1/models/${name}/versions`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ bundle, metadata: { declaredGuarantee: { epsilon: 1, delta: 1e-6 } } }),
      }),
      { params: Promise.resolve({ name }) },
    );
    expect(response.status).toBe(201);
    const version = (await response.json()) as { id: string };
    const job = await db.job.findFirstOrThrow({ where: { queue: "regrade", subjectType: "scorecard_evidence", subjectId: version.id } });
    expect(job.payload).toEqual({ source: { modelVersionId: version.id }, reason: "model version uploaded" });
    regrade.failing = false;
    worker ??= startRegradeWorker({ db: scratch.db as Db });
    const done = await waitFor("the regrade to complete", () => db.job.findUniqueOrThrow({ where: { id: job.id } }), (row) => row.status !== "queued" && row.status !== "active", 20_000);
    expect(done).toMatchObject({ status: "completed", result: { snapshots: 1 } });
    expect(await db.scorecard.findFirst({ where: { modelVersionId: version.id }, select: { reason: true } })).toEqual({ reason: "model version uploaded" });
  }, 60_000);

  it("saves a policy while regrading fails, and queues the versions it could not regrade", async () => {
    const engineer = await person(db, "ml_engineer");
    const mv = await modelVersion(db, engineer);
    await recomputeScorecard(db, mv.id, "test");
    regrade.failing = true;
    const saved = await savePolicyVersion(scratch.db as Db, admin, { document: tightened("mia-auc", 0.51) });
    expect(saved.recomputed).toBe(0);
    const job = await db.job.findFirstOrThrow({ where: { queue: "regrade", subjectType: "scorecard_evidence", subjectId: mv.id } });
    expect(job.payload).toEqual({ source: { modelVersionId: mv.id }, reason: `policy version ${saved.policy.version} saved` });
    regrade.failing = false;
    worker ??= startRegradeWorker({ db: scratch.db as Db });
    const done = await waitFor("the regrade to complete", () => db.job.findUniqueOrThrow({ where: { id: job.id } }), (row) => row.status !== "queued" && row.status !== "active", 20_000);
    expect(done.status).toBe("completed");
    const latest = await db.scorecard.findFirstOrThrow({ where: { modelVersionId: mv.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(latest.reason).toBe(`policy version ${saved.policy.version} saved`);
  }, 60_000);
});
