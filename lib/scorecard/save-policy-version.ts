import { appendAuditLog, canonicalSha256 } from "../audit-log/index.ts";
import { principalCan, type Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { defaultPolicy, diffPolicies, validatePolicy } from "../policy/index.ts";
import { enqueueRegrade } from "../queue/index.ts";
import { ORG_POLICY_KEY, toCurrentPolicy, type CurrentPolicy } from "./policy-store.ts";
import { recomputeScorecard } from "./recompute-scorecard.ts";

export interface SavePolicyVersionInput {
  document: unknown;
  /** The version the editor started from; saving fails if someone saved another meanwhile. */
  basedOnVersion?: number;
}

export interface SavedPolicyVersion {
  policy: CurrentPolicy;
  /** Scorecards that got a new snapshot under the new version. */
  recomputed: number;
}

/**
 * Saves a policy document as the next version (after validating it: the error names the JSON path),
 * then regrades every model version that has a scorecard, so tightened thresholds show at once (a
 * version whose regrade fails is queued for workers/regrade.ts instead: the save still succeeds).
 *
 * @throws AppError "forbidden" without policies.write, "unprocessable" for an invalid document,
 *   "conflict" when `basedOnVersion` is not the current version
 */
export async function savePolicyVersion(db: Db, principal: Principal, input: SavePolicyVersionInput): Promise<SavedPolicyVersion> {
  if (!principalCan(principal, "policies.write")) throw new AppError("forbidden", 'you lack the permission "policies.write"');
  const document = validatePolicy(input.document);
  const row = await db.$transaction(async (tx) => {
    const policy = await tx.policy.upsert({ where: { name: ORG_POLICY_KEY }, create: { name: ORG_POLICY_KEY }, update: {} });
    await tx.$queryRaw`SELECT 1 FROM "Policy" WHERE "id" = ${policy.id} FOR UPDATE`;
    const current = await tx.policyVersion.findFirst({ where: { policyId: policy.id }, orderBy: { version: "desc" } });
    if (input.basedOnVersion !== undefined && (current?.version ?? 0) !== input.basedOnVersion) {
      throw new AppError("conflict", `version ${current?.version} was saved while you edited version ${input.basedOnVersion}; reload, then apply your changes again`);
    }
    const previous = current ? validatePolicy(current.document) : null;
    const created = await tx.policyVersion.create({
      data: { policyId: policy.id, version: (current?.version ?? 0) + 1, document: document as object, createdById: principal.userId },
    });
    const changes = previous ? diffPolicies(previous, document) : [];
    await appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: "policy.version_save",
      targetType: "policy_version",
      targetId: created.id,
      details: { version: created.version, documentSha256: canonicalSha256(document), changedCriteria: changes.map((change) => `${change.id}:${change.type}`) },
    });
    return created;
  });
  const policy = toCurrentPolicy(row);
  const versions = await db.scorecard.findMany({ distinct: ["modelVersionId"], select: { modelVersionId: true } });
  const reason = `policy version ${policy.version} saved`;
  let recomputed = 0;
  for (const { modelVersionId } of versions) {
    try {
      if ((await recomputeScorecard(db, modelVersionId, reason)).created) recomputed += 1;
    } catch {
      // The policy stands whatever happens here: a version not regraded now is left to the regrade
      // worker and its retries (the editor still says how many were regraded at once).
      await enqueueRegrade(db, { modelVersionId }, reason);
    }
  }
  return { policy, recomputed };
}

/**
 * Seeds the default policy (lib/policy defaultPolicy) as version 1 unless a policy exists. For the
 * seed script: `await ensureDefaultPolicy(db, admin.id)`.
 */
export async function ensureDefaultPolicy(db: Db, adminUserId: string): Promise<CurrentPolicy> {
  const existing = await db.policyVersion.findFirst({ where: { policy: { name: ORG_POLICY_KEY } }, orderBy: { version: "desc" } });
  if (existing) return toCurrentPolicy(existing);
  const admin = await db.user.findUniqueOrThrow({ where: { id: adminUserId }, select: { id: true, email: true } });
  const principal: Principal = { userId: admin.id, email: admin.email, label: admin.email, roles: ["admin"], via: "session" };
  return (await savePolicyVersion(db, principal, { document: defaultPolicy(), basedOnVersion: 0 })).policy;
}
