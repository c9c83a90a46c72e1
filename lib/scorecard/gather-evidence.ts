import { canonicalSha256 } from "../audit-log/index.ts";
import type { AuditKind, Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import type { EvidenceBundle, EvidenceDataset } from "../policy/index.ts";
import { usedWithoutDp } from "../training/index.ts";
import { loadGovernanceSummary } from "./load-governance-summary.ts";
import { readMembershipFigures, worstMembershipFigures } from "./read-membership-figures.ts";
import type { EvidenceItems } from "./snapshot-hash.ts";

/** Audit kinds whose results carry membership figures (AUC, TPR at low FPR, ε lower bound). */
export const MEMBERSHIP_AUDIT_KINDS: AuditKind[] = ["membership_inference", "lira", "one_run_epsilon"];

export interface GatheredEvidence {
  bundle: EvidenceBundle;
  items: EvidenceItems;
}

const unit = (value: unknown): number | null => (typeof value === "number" && value >= 0 && value <= 1 ? value : null);
const accuracyOf = (metrics: unknown): number | null => unit((metrics as Record<string, unknown> | null)?.accuracy);

/** Drops undefined keys, so the bundle hashes and stores exactly as it reads back. */
const plainJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type VersionRow = NonNullable<Awaited<ReturnType<typeof loadVersion>>>;

function loadVersion(db: Db | Tx, modelVersionId: string) {
  const dataset = { include: { dataset: { select: { name: true, intendedUse: true } } } } as const;
  return db.modelVersion.findUnique({
    where: { id: modelVersionId },
    include: { model: { select: { name: true } }, trainData: dataset, evalData: dataset, publicData: dataset },
  });
}

/**
 * The guarantee with its source: null when the version declares none (trained without DP), undefined
 * ("not known", so missing) when it declares only part of one. A version without a stored source
 * counts as declared: only Canary's accountant vouches for an (ε, δ).
 */
function guaranteeOf(version: VersionRow): EvidenceBundle["guarantee"] {
  const { epsilon, delta, accountant, guaranteeSource, noiseMultiplier, sampleRate, steps, clipNorm } = version;
  if (epsilon === null && delta === null) return null;
  if (epsilon === null || delta === null || delta >= 1) return undefined;
  return { epsilon, delta, accountant: accountant ?? "unknown", source: guaranteeSource ?? "declared", noiseMultiplier, sampleRate, steps, clipNorm };
}

/** Per dataset version: sha256 over every finding's id and triage status, so a triage changes the snapshot. */
async function triageHashes(db: Db | Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; hash: string | null }[]>`
    SELECT "datasetVersionId" AS "id",
           encode(sha256(convert_to(string_agg("id" || ':' || "status"::text, ',' ORDER BY "id"), 'UTF8')), 'hex') AS "hash"
    FROM "Finding" WHERE "datasetVersionId" = ANY(${ids}) GROUP BY "datasetVersionId"`;
  return new Map(rows.map((row) => [row.id, row.hash ?? ""]));
}

/**
 * Collects everything a policy can ask about one model version into lib/policy's evidence bundle,
 * with a hash per piece of evidence. Anything not measured yet is left null: missing, never a pass.
 *
 * @throws AppError "not_found" for an unknown model version
 */
export async function gatherEvidence(db: Db, modelVersionId: string): Promise<GatheredEvidence> {
  const version = await loadVersion(db, modelVersionId);
  if (!version) throw new AppError("not_found", `model version ${modelVersionId} not found`);

  const audits = await db.leakageAudit.findMany({
    where: { modelVersionId, status: "completed", kind: { in: MEMBERSHIP_AUDIT_KINDS } },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, results: true },
  });
  // The latest completed audit of each kind; earlier runs of a kind are superseded.
  const latestByKind = [...new Map(audits.reverse().map((audit) => [audit.kind, audit])).values()].sort((a, b) => a.kind.localeCompare(b.kind));
  const membership = worstMembershipFigures(latestByKind.map((audit) => readMembershipFigures(audit.results)).filter((figures) => figures !== null));

  const roles = [
    { role: "train", row: version.trainData },
    { role: "eval", row: version.evalData },
    { role: "public", row: version.publicData },
  ] as const;
  const present = roles.filter((entry) => entry.row !== null) as { role: EvidenceDataset["role"]; row: NonNullable<VersionRow["trainData"]> }[];
  const [summaries, triage, withoutDp] = await Promise.all([
    Promise.all(present.map(({ row }) => loadGovernanceSummary(db, row.id))),
    triageHashes(db, present.map(({ row }) => row.id)),
    // Training data also used without DP (a non-private run or a baseline on its lineage): said on every scorecard.
    Promise.all(present.map(({ role, row }) => role === "train" && usedWithoutDp(db, row.id))),
  ]);

  const datasets: EvidenceDataset[] = present.map(({ role, row }, index) => ({
    name: row.dataset.name,
    version: row.version,
    role,
    openFindings: summaries[index]!.openFindings,
    license: summaries[index]!.license,
    kAnonymity: summaries[index]!.kAnonymity !== null && summaries[index]!.kAnonymity! >= 1 ? Math.floor(summaries[index]!.kAnonymity!) : null,
    ...(withoutDp[index] ? { usedWithoutDp: true } : {}),
  }));
  // Overlap scans of the datasets, and the train-vs-eval overlap the training run measured itself; the worst counts.
  const measuredAtTraining = (version.config as { contaminationRate?: unknown } | null)?.contaminationRate;
  const contamination = [...summaries.map((s) => s.contaminationRate), typeof measuredAtTraining === "number" ? measuredAtTraining : null].filter(
    (rate): rate is number => rate !== null && rate >= 0 && rate <= 1,
  );

  const bundle = plainJson<EvidenceBundle>({
    schemaVersion: 1,
    model: { name: version.model.name, version: version.version },
    guarantee: guaranteeOf(version),
    audits: membership ? { membershipInference: { ...membership, tprAtFpr: { ...membership.tprAtFpr } } } : null,
    datasets,
    contaminationRate: contamination.length > 0 ? Math.max(...contamination) : null,
    utility: { accuracy: accuracyOf(version.metrics), baselineAccuracy: accuracyOf(version.baselineMetrics) },
  });
  const items: EvidenceItems = {
    modelVersion: { id: version.id, artifactSha256: version.artifactSha256 },
    audits: latestByKind.map((audit) => ({ id: audit.id, kind: audit.kind, resultsSha256: canonicalSha256(audit.results ?? null) })),
    datasets: present.map(({ role, row }, index) => ({
      id: row.id,
      role,
      sha256: row.sha256,
      governanceSha256: canonicalSha256(summaries[index]),
      triageSha256: triage.get(row.id) ?? "",
    })),
  };
  return { bundle, items };
}
