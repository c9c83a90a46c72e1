// Test support for e2e/leak-crawl.spec.ts, run with tsx in its own process (Playwright's loader does not
// load the Prisma client), against the test environment the running web server and worker use.
//   tsx e2e/leak-fixtures.ts setup   → uploads the planted file as two versions; the worker ingests and
//     scans them (the default scans, and an overlap scan started here); then a model version trained on
//     it with its scorecard, and an API token for the service account. Prints the ids as JSON.
//   tsx e2e/leak-fixtures.ts rows    → every Job, Scan, Finding and audit-log row, as JSON text.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { createApiToken, principalOfUser, type Principal } from "../lib/auth/index.ts";
import { registerDataset, uploadDatasetVersion } from "../lib/datasets/index.ts";
import { getDb } from "../lib/db/index.ts";
import { plantedCsv, plantedRows } from "../lib/findings/planted-pii.test-support.ts";
import { closeQueues } from "../lib/queue/index.ts";
import { startScan } from "../lib/scan/index.ts";
import { ensureDefaultPolicy, recomputeScorecard } from "../lib/scorecard/index.ts";
import { modelVersion } from "../lib/scorecard/evidence-rows.test-support.ts";

const WAIT_MS = 150_000;

async function demoPrincipal(email: string): Promise<Principal> {
  return principalOfUser(await getDb().user.findUniqueOrThrow({ where: { email }, include: { roles: true } }));
}

/** Polls until `done` holds, failing with `what` after WAIT_MS. */
async function waitFor(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`leak-fixtures: timed out waiting for ${what}`);
    await sleep(500);
  }
}

async function setup() {
  const db = getDb();
  const [admin, engineer] = await Promise.all(["admin@canary.local", "engineer@canary.local"].map(demoPrincipal));
  const dataset = `leak-crawl-${randomUUID().slice(0, 8)}`;
  await registerDataset(db, engineer!, {
    name: dataset,
    description: "Planted personal data for the leak crawl",
    source: "leak crawl",
    collectionMethod: "generated",
    consentBasis: "consent",
    licenseExpression: "LicenseRef-proprietary",
    intendedUse: "internal_evaluation",
  });
  const upload = async (content: string) =>
    (await uploadDatasetVersion(db, engineer!, { datasetName: dataset, filename: "customers.csv", stream: Readable.from([Buffer.from(content)]) })).version.id;
  const v1 = await upload(plantedCsv());
  const v2 = await upload(plantedCsv(plantedRows().slice(0, 6)));
  const versionIds = [v1, v2];
  await waitFor("both versions to be ingested", async () => (await db.datasetVersion.count({ where: { id: { in: versionIds }, status: "ready" } })) === 2);
  await startScan(db, engineer!, v1, { kind: "overlap", params: { otherVersionId: v2 } });
  // The default scans (pii, duplicates, reid, license) of both versions and the overlap scan.
  await waitFor("every scan to finish", async () => {
    const scans = await db.scan.findMany({ where: { datasetVersionId: { in: versionIds } }, select: { status: true } });
    return scans.length >= 9 && scans.every((scan) => scan.status === "completed" || scan.status === "failed");
  });
  const failed = await db.scan.findMany({ where: { datasetVersionId: { in: versionIds }, status: { not: "completed" } }, select: { kind: true, error: true } });
  if (failed.length > 0) throw new Error(`leak-fixtures: scans did not complete: ${JSON.stringify(failed)}`);

  await ensureDefaultPolicy(db, admin!.userId);
  const model = `leak-crawl-${randomUUID().slice(0, 8)}`;
  const trained = await modelVersion(db, engineer!, { model, trainDatasetVersionId: v1 });
  const { scorecard } = await recomputeScorecard(db, trained.id, "training completed");

  const service = await db.user.findUniqueOrThrow({ where: { email: "ci@canary.local" } });
  const { token } = await createApiToken(db, admin!, { name: `leak-crawl-${randomUUID().slice(0, 8)}`, userId: service.id, expiresInDays: 1 });

  const scans = await db.scan.findMany({ where: { datasetVersionId: { in: versionIds } }, select: { id: true } });
  const jobs = await db.job.findMany({ where: { subjectId: { in: [...versionIds, ...scans.map((s) => s.id)] } }, select: { id: true } });
  return { dataset, versions: { 1: v1, 2: v2 }, model, scorecardId: scorecard.id, token, scanIds: scans.map((s) => s.id), jobIds: jobs.map((j) => j.id) };
}

async function rows() {
  const db = getDb();
  const [jobs, scans, findings, auditLog] = await Promise.all([db.job.findMany(), db.scan.findMany(), db.finding.findMany(), db.auditLogEntry.findMany()]);
  return { jobs, scans, findings, auditLog };
}

const command = process.argv[2];
const result = command === "setup" ? await setup() : command === "rows" ? await rows() : null;
if (!result) throw new Error(`unknown command ${JSON.stringify(command)}: setup | rows`);
process.stdout.write(`${JSON.stringify(result, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))}\n`);
// Uploads and the overlap scan opened queue connections: close them, or the process never exits.
await closeQueues();
await getDb().$disconnect();
