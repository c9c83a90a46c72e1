// The schedule worker through the real queue (BullMQ on Redis) and a database of this file's own:
// "run now", drift after a tightened policy with a signed webhook and a rollback target, and a run
// that keeps failing alerting after its retries.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../lib/auth/index.ts";
import type { Db } from "../lib/db/index.ts";
import { ensureEnvironments, promote } from "../lib/deploy/index.ts";
import { verifyWebhookSignature } from "../lib/notifications/index.ts";
import { closeQueueObject, closeQueues, getQueue, type AnyWorker } from "../lib/queue/index.ts";
import { decideScorecard, recomputeScorecard, savePolicyVersion } from "../lib/scorecard/index.ts";
import { membershipResults, person, policyDatabase, privateVersion, tightened } from "../lib/scorecard/evidence-rows.test-support.ts";
import { createSchedule, runScheduleNow, setScheduleEnabled, type ScheduleRunners } from "../lib/schedules/index.ts";
import { startScheduleWorker } from "./schedule.ts";

process.env.CANARY_QUEUE_PREFIX = "t_schedule_worker";
const SECRET = "test-webhook-secret";
process.env.CANARY_WEBHOOK_SECRET = SECRET;
// The receiver below listens on loopback, which webhooks may reach only when an admin allow-lists it.
process.env.CANARY_WEBHOOK_ALLOWED_HOSTS = "127.0.0.1";

let db: Db;
let admin: Principal;
let engineer: Principal;
let officer: Principal;
let close: () => Promise<void>;
let worker: AnyWorker;
let server: Server;
let webhookUrl: string;
const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
const BROKEN_MODEL = `broken-${Date.now()}`;

// Re-audits: a queued audit row that completes a moment later with figures close to the threshold.
const runners: ScheduleRunners = {
  startAudit: async (database, principal, { modelVersionId, kind }) => {
    const version = await database.modelVersion.findUniqueOrThrow({ where: { id: modelVersionId }, include: { model: true } });
    if (version.model.name === BROKEN_MODEL) throw new Error("audit backend unavailable");
    const row = await database.leakageAudit.create({ data: { modelVersionId, kind, status: "queued", createdById: principal.userId } });
    // A Prisma query runs only once awaited or then-ed.
    setTimeout(() => {
      database.leakageAudit.update({
        where: { id: row.id },
        data: { status: "completed", results: membershipResults({ auc: 0.53, tpr: 0.004, epsilonLowerBound: 0.5 }), finishedAt: new Date() },
      }).then(() => undefined, (error: unknown) => console.error(error));
    }, 200);
    return row;
  },
};

async function approvedVersion(model?: string) {
  const mv = await privateVersion(db, engineer, model);
  const { scorecard } = await recomputeScorecard(db, mv.id, "test");
  await decideScorecard(db, officer, { scorecardId: scorecard.id, decision: "approved", comment: "ok" });
  return mv;
}

async function waitForJob(id: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await db.job.findUniqueOrThrow({ where: { id } });
    if (job.status === "completed" || job.status === "failed") return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  ({ db, admin, close } = await policyDatabase("schedule"));
  engineer = await person(db, "ml_engineer");
  officer = await person(db, "compliance_officer");
  await ensureEnvironments(db);
  await getQueue("schedule").obliterate({ force: true });
  worker = startScheduleWorker({ db, runners, stalledInterval: 1000, lockDuration: 1000 });
  await worker.waitUntilReady();
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await closeQueueObject(worker);
  await getQueue("schedule").obliterate({ force: true });
  await closeQueues();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await close();
});

describe("schedule worker", () => {
  it("re-audits the deployed version; after the policy is tightened it raises a signed drift alert with the rollback target", async () => {
    const v1 = await approvedVersion();
    const name = v1.model.name;
    await approvedVersion(name);
    await promote(db, engineer, { model: name, version: 1, environment: "production", reason: "first" });
    await promote(db, engineer, { model: name, version: 2, environment: "production", reason: "second" });

    const schedule = await createSchedule(db, admin, { kind: "reaudit", model: name, environment: "production", cron: "0 3 * * *", webhookUrl });
    const scheduler = await getQueue("schedule").getJobScheduler(schedule.id);
    expect(scheduler).toMatchObject({ pattern: "0 3 * * *" });
    expect(schedule.nextRunAt?.getUTCHours()).toBe(3);

    const ok = await waitForJob((await runScheduleNow(db, admin, schedule.id)).id);
    expect(ok.result).toMatchObject({ status: "ok", version: 2 });
    expect(await db.leakageAudit.count({ where: { modelVersion: { model: { name } }, status: "completed" } })).toBe(3);
    expect(await db.notification.count({ where: { kind: "drift" } })).toBe(0);

    await savePolicyVersion(db, officer, { document: tightened("mia-auc", 0.5) });
    const drift = await waitForJob((await runScheduleNow(db, admin, schedule.id)).id);
    expect(drift.result).toMatchObject({ status: "drift", drifted: [expect.objectContaining({ id: "mia-auc", before: "pass", after: "fail" })] });

    const alert = await db.notification.findFirstOrThrow({ where: { kind: "drift", subjectId: { not: null } } });
    expect(alert.userId).toBeNull();
    expect(alert.title).toContain(`${name} v2 in production`);
    expect(alert.details).toMatchObject({
      rollbackTarget: { version: 1, link: `/deployments?model=${name}&environment=production&rollbackTo=1` },
      webhook: { delivered: true, status: 204 },
    });
    const delivery = received.at(-1)!;
    expect(JSON.parse(delivery.body)).toMatchObject({ type: "canary.alert.drift", id: alert.id });
    expect(verifyWebhookSignature(SECRET, String(delivery.headers["x-canary-timestamp"]), delivery.body, String(delivery.headers["x-canary-signature"]))).toBe(true);
    expect(await db.schedule.findUniqueOrThrow({ where: { id: schedule.id } })).toMatchObject({ lastStatus: "drift", lastError: null });
    // Another run on the same evidence does not raise the same alert again while it is open.
    const again = await waitForJob((await runScheduleNow(db, admin, schedule.id)).id);
    expect(again.result).toMatchObject({ status: "drift", alertId: alert.id });
    expect(await db.notification.count({ where: { kind: "drift", subjectId: alert.subjectId } })).toBe(1);

    await setScheduleEnabled(db, admin, schedule.id, false);
    expect(await getQueue("schedule").getJobScheduler(schedule.id)).toBeUndefined();
    await savePolicyVersion(db, officer, { document: tightened("mia-auc", 0.55) });
  });

  it("retries a failing run, then records the failure and alerts", async () => {
    await approvedVersion(BROKEN_MODEL);
    await promote(db, engineer, { model: BROKEN_MODEL, version: 1, environment: "staging", reason: "x" });
    const schedule = await createSchedule(db, admin, { kind: "reaudit", model: BROKEN_MODEL, environment: "staging", cron: "0 4 * * *" });
    const job = await waitForJob((await runScheduleNow(db, admin, schedule.id)).id);
    expect(job).toMatchObject({ status: "failed", attempts: 3, error: expect.stringContaining("audit backend unavailable") });
    expect(await db.schedule.findUniqueOrThrow({ where: { id: schedule.id } })).toMatchObject({ lastStatus: "failed", lastError: expect.stringContaining("audit backend unavailable") });
    const alert = await db.notification.findFirstOrThrow({ where: { kind: "schedule_failed", subjectId: schedule.id } });
    expect(alert.title).toContain("failed after its retries");
    await setScheduleEnabled(db, admin, schedule.id, false);
  });
});
