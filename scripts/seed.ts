// Demo data, idempotent: `npx tsx scripts/seed.ts [--users-only]` (DATABASE_URL, CANARY_STORAGE_DIR).
// Users for every role; then datasets registered and uploaded through lib/datasets, ingested here
// synchronously so the demo shows ready versions without a worker. The files come from the generators
// in scripts/seed/.
import { createReadStream } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { hashPassword } from "../lib/auth/password.ts";
import { principalOfUser, type Principal } from "../lib/auth/principal.ts";
import { getDatasetByName, registerDataset, uploadDatasetVersion, type RegisterDatasetInput } from "../lib/datasets/index.ts";
import { getDb, type Db, type Role } from "../lib/db/index.ts";
import { isAppError } from "../lib/errors/index.ts";
import { ingestDatasetVersion } from "../lib/ingest/index.ts";
import { closeQueues } from "../lib/queue/index.ts";
import { startDefaultScans, startScan } from "../lib/scan/run/index.ts";
import { seedDemoModels } from "../lib/training/seed-demo-models.ts";
import { seedDemoAudits, startAudit } from "../lib/audit/run/index.ts";
import { ensureEnvironments } from "../lib/deploy/index.ts";
import { ensureDefaultPolicy, refreshScorecards } from "../lib/scorecard/index.ts";
import { writeCreditApplications } from "./seed/credit-applications.ts";
import { writeCustomers } from "./seed/customers.ts";
import { FASHION_MNIST_DIR, FASHION_MNIST_ROWS, writeFashionMnist } from "./seed/fashion-mnist.ts";
import { writeTickets } from "./seed/tickets.ts";
import { writeLines } from "./seed/write-lines.ts";

const DEMO_PASSWORD = "canary-demo";
const CREDIT_TRAIN_ROWS = 4000;
const CREDIT_HOLDOUT_ROWS = 1000;

const PEOPLE: { email: string; name: string; role: Role }[] = [
  { email: "admin@canary.local", name: "Ada Admin", role: "admin" },
  { email: "engineer@canary.local", name: "Emil Engineer", role: "ml_engineer" },
  { email: "compliance@canary.local", name: "Chloé Compliance", role: "compliance_officer" },
  { email: "auditor@canary.local", name: "Aurelio Auditor", role: "auditor" },
];

async function seedUsers(db: Db): Promise<void> {
  for (const person of PEOPLE) {
    const existing = await db.user.findUnique({ where: { email: person.email }, select: { passwordHash: true } });
    // Keep an existing hash: re-hashing on every run would only change it.
    const passwordHash = existing?.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
    const user = await db.user.upsert({
      where: { email: person.email },
      create: { email: person.email, name: person.name, passwordHash },
      update: { passwordHash, disabledAt: null },
    });
    await db.roleMembership.upsert({ where: { userId_role: { userId: user.id, role: person.role } }, create: { userId: user.id, role: person.role }, update: {} });
  }
  const ci = await db.user.upsert({
    where: { email: "ci@canary.local" },
    create: { email: "ci@canary.local", name: "CI service account", isService: true },
    update: { isService: true },
  });
  await db.roleMembership.upsert({ where: { userId_role: { userId: ci.id, role: "service" } }, create: { userId: ci.id, role: "service" }, update: {} });
  console.log(`seed: users ready (${PEOPLE.map((p) => p.email).join(", ")}, ci@canary.local); password for people: ${DEMO_PASSWORD}`);
}

async function principalFor(db: Db, email: string): Promise<Principal> {
  return principalOfUser(await db.user.findUniqueOrThrow({ where: { email }, include: { roles: true } }));
}

async function ensureDataset(db: Db, principal: Principal, input: RegisterDatasetInput): Promise<void> {
  try {
    await getDatasetByName(db, input.name);
  } catch (error) {
    if (!isAppError(error) || error.code !== "not_found") throw error;
    await registerDataset(db, principal, input);
    console.log(`seed: registered dataset ${input.name}`);
  }
}

/** Uploads a file unless identical content is already a version; returns that version's id either way. */
async function ensureVersion(db: Db, principal: Principal, datasetName: string, path: string, filename: string, lineage?: { parents: string[]; transformation: string }): Promise<string> {
  try {
    const { version } = await uploadDatasetVersion(db, principal, {
      datasetName,
      filename,
      stream: createReadStream(path),
      parents: lineage?.parents,
      transformation: lineage?.transformation,
    });
    console.log(`seed: uploaded ${datasetName} v${version.version} (${version.sizeBytes} bytes)`);
    return version.id;
  } catch (error) {
    if (!isAppError(error) || error.code !== "conflict" || typeof error.details?.existingVersion !== "number") throw error;
    const dataset = await getDatasetByName(db, datasetName);
    return dataset.versions.find((v) => v.version === error.details!.existingVersion)!.id;
  }
}

/** Ingests here, then queues the default scans (the worker runs them, as after any upload). */
async function ingest(db: Db, versionId: string): Promise<void> {
  const result = await ingestDatasetVersion(db, versionId);
  await startDefaultScans(db, versionId);
  const version = await db.datasetVersion.findUniqueOrThrow({ where: { id: versionId }, select: { version: true, dataset: { select: { name: true } } } });
  console.log(`seed: ${version.dataset.name} v${version.version} ready, ${result.rowCount} rows${result.transitioned ? "" : " (already)"}`);
}

async function seedDatasets(db: Db): Promise<void> {
  const engineer = await principalFor(db, "engineer@canary.local");
  const dir = resolve(process.env.CANARY_DATA_DIR ?? ".data", "seed-files");
  await mkdir(dir, { recursive: true });
  try {
    await ensureDataset(db, engineer, {
      name: "customers",
      description: "Synthetic customer table (faker, seed 42) with names, contact details, payment data and free-text notes: the PII demo.",
      source: "CRM export (synthetic, generated by scripts/seed.ts)",
      collectionMethod: "Customer sign-up forms and support calls",
      consentBasis: "contract",
      licenseExpression: "LicenseRef-Proprietary",
      intendedUse: "internal_evaluation",
      collectionPeriodStart: new Date("2023-01-01T00:00:00Z"),
      collectionPeriodEnd: new Date("2025-12-31T00:00:00Z"),
      retention: "7 years after the end of the contract",
    });
    const customers = await writeCustomers(dir);
    const v1 = await ensureVersion(db, engineer, "customers", customers.full, "customers.csv");
    const v2 = await ensureVersion(db, engineer, "customers", customers.withoutNotes, "customers-v2.csv", {
      parents: [v1],
      transformation: "dropped free-text notes column",
    });
    await ingest(db, v1);
    await ingest(db, v2);

    const fashion = await writeFashionMnist(dir);
    if (fashion === null) {
      console.log(`seed: note: ${FASHION_MNIST_DIR} is missing (apt-get install dataset-fashion-mnist); skipping the fashion-mnist dataset`);
    } else {
      await ensureDataset(db, engineer, {
        name: "fashion-mnist",
        description: `Fashion-MNIST (Xiao et al. 2017, arXiv:1708.07747): the first ${FASHION_MNIST_ROWS} training images as label + 784 pixel columns (28×28, 0–255).`,
        source: "Zalando Research via Debian dataset-fashion-mnist",
        collectionMethod: "Product images from Zalando's catalogue, converted to 28×28 greyscale",
        consentBasis: "public_data",
        licenseExpression: "MIT",
        intendedUse: "research_only",
      });
      await ingest(db, await ensureVersion(db, engineer, "fashion-mnist", fashion, "fashion-mnist-train-2000.csv"));
    }

    await ensureDataset(db, engineer, {
      name: "support-tickets",
      description: "Synthetic support ticket texts (faker, seed 7), one per line, with names, emails and phone numbers in free text.",
      source: "Helpdesk export (synthetic, generated by scripts/seed.ts)",
      collectionMethod: "Support ticket form",
      consentBasis: "legitimate_interest",
      licenseExpression: "LicenseRef-Proprietary",
      intendedUse: "commercial_training",
    });
    await ingest(db, await ensureVersion(db, engineer, "support-tickets", await writeTickets(dir), "tickets.txt"));

    // Training demo: applications for training, a holdout from the same distribution for evaluation
    // (and as non-members in audits), and a CC-BY census extract the applications were enriched from,
    // whose attribution obligation the applications inherit through lineage.
    await ensureDataset(db, engineer, {
      name: "census-extract",
      description: "Regional income statistics used to enrich loan applications (synthetic stand-in).",
      source: "Statistical office open data portal (synthetic)",
      collectionMethod: "Published aggregate tables",
      consentBasis: "public_data",
      licenseExpression: "CC-BY-4.0",
      intendedUse: "research_only",
    });
    const census = await ensureVersion(db, engineer, "census-extract", await writeCreditApplications(dir, "census", 300, 3), "census-extract.csv");
    await ingest(db, census);
    await ensureDataset(db, engineer, {
      name: "credit-applications",
      description: `Synthetic loan applications (${CREDIT_TRAIN_ROWS} rows, faker seed 11), label \`approved\`: the DP training demo.`,
      source: "Loan origination system export (synthetic, generated by scripts/seed.ts)",
      collectionMethod: "Online application form",
      consentBasis: "contract",
      licenseExpression: "LicenseRef-Proprietary",
      intendedUse: "commercial_training",
      collectionPeriodStart: new Date("2024-01-01T00:00:00Z"),
      collectionPeriodEnd: new Date("2025-12-31T00:00:00Z"),
      retention: "5 years after the decision",
    });
    const applications = await ensureVersion(db, engineer, "credit-applications", await writeCreditApplications(dir, "train", CREDIT_TRAIN_ROWS, 11), "credit-applications.csv", {
      parents: [census],
      transformation: "joined regional income statistics by postcode",
    });
    await ingest(db, applications);
    await ensureDataset(db, engineer, {
      name: "credit-applications-holdout",
      description: `Held-out loan applications (${CREDIT_HOLDOUT_ROWS} rows, faker seed 12) from the same distribution: evaluation set and audit non-members.`,
      source: "Loan origination system export (synthetic, generated by scripts/seed.ts)",
      collectionMethod: "Online application form",
      consentBasis: "contract",
      licenseExpression: "LicenseRef-Proprietary",
      intendedUse: "internal_evaluation",
    });
    const holdout = await ensureVersion(db, engineer, "credit-applications-holdout", await writeCreditApplications(dir, "holdout", CREDIT_HOLDOUT_ROWS, 12), "credit-applications-holdout.csv");
    await ingest(db, holdout);
    // Train/test contamination is scorecard evidence.
    if ((await db.scan.count({ where: { datasetVersionId: applications, kind: "overlap" } })) === 0) {
      await startScan(db, engineer, applications, { kind: "overlap", params: { otherVersionId: holdout } });
    }

    // Licence inheritance gone wrong: cleaned reviews for commercial training, derived from reviews
    // licensed for non-commercial use only. The licence scan turns the conflict into a finding.
    await ensureDataset(db, engineer, {
      name: "product-reviews-raw",
      description: "Product review texts scraped from a partner's open review site (synthetic).",
      source: "Partner review site dump (synthetic)",
      collectionMethod: "Site export under the partner's open data terms",
      consentBasis: "public_data",
      licenseExpression: "CC-BY-NC-4.0",
      intendedUse: "research_only",
    });
    const tickets = await writeTickets(dir);
    const rawReviews = await ensureVersion(db, engineer, "product-reviews-raw", tickets, "reviews.txt");
    await ingest(db, rawReviews);
    await ensureDataset(db, engineer, {
      name: "product-reviews-clean",
      description: "Reviews with names and contact details removed, for the commercial sentiment model.",
      source: "Derived from product-reviews-raw",
      collectionMethod: "PII redaction pipeline",
      consentBasis: "public_data",
      // Relabelled as if redaction made it the team's own: the ancestor's licence still applies.
      licenseExpression: "MIT",
      intendedUse: "commercial_training",
    });
    const redacted = join(dir, "reviews-clean.txt");
    await writeLines(redacted, (await readFile(tickets, "utf8")).trim().split("\n").map((line) => line.replace(/\S+@\S+/g, "[email]")));
    await ingest(db, await ensureVersion(db, engineer, "product-reviews-clean", redacted, "reviews-clean.txt", { parents: [rawReviews], transformation: "removed email addresses" }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Once: membership-inference audits of both demo models (the worker runs them; each report shows the
 * certified bound beside the exploratory one), a one-run ε audit of credit-dp (canaries included at
 * random: the audit whose certified bound gives a verdict, on the training recipe) and a scores-only audit.
 */
async function seedAudits(db: Db, engineer: Principal): Promise<void> {
  if ((await db.leakageAudit.count()) > 0) return;
  const latest = (name: string) => db.modelVersion.findFirst({ where: { model: { name } }, orderBy: { version: "desc" }, select: { id: true } });
  for (const name of ["credit-dp", "credit-baseline"]) {
    const version = await latest(name);
    if (version) await startAudit(db, engineer, { modelVersionId: version.id, kind: "membership_inference", config: {} });
  }
  const dp = await latest("credit-dp");
  if (dp) await startAudit(db, engineer, { modelVersionId: dp.id, kind: "one_run_epsilon", config: {} });
  await seedDemoAudits(db, engineer);
  console.log("seed: queued demo audits (membership inference on credit-dp and credit-baseline, a one-run ε audit of credit-dp, one scores-only audit)");
}

const db = getDb();
try {
  await seedUsers(db);
  if (!process.argv.includes("--users-only")) {
    await seedDatasets(db);
    const engineer = await principalFor(db, "engineer@canary.local");
    const admin = await principalFor(db, "admin@canary.local");
    await ensureDefaultPolicy(db, admin.userId);
    await ensureEnvironments(db);
    await seedDemoModels(db, { principal: engineer, complianceOfficer: await principalFor(db, "compliance@canary.local") });
    // First scorecards now; the worker regrades them as scans and audits complete.
    for (const { id } of await db.modelVersion.findMany({ select: { id: true } })) await refreshScorecards(db, { modelVersionId: id }, "demo data seeded");
    await seedAudits(db, engineer);
  }
} catch (error) {
  console.error(`seed: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeQueues();
  await db.$disconnect();
}
