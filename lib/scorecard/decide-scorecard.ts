import { appendAuditLog } from "../audit-log/index.ts";
import { actsAs, principalCan, type Principal } from "../auth/index.ts";
import { ADVISORY_LOCK_CLASSES, type Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { decideScorecardSchema, type DecideScorecardInput } from "./schemas.ts";

export interface DecideScorecardOptions extends DecideScorecardInput {
  scorecardId: string;
}

/**
 * A compliance officer approves or rejects one scorecard snapshot, with a comment. The decision is
 * bound to the snapshot's hash and recorded in the audit log in the same transaction.
 *
 * Separation of duties: whoever registered the version or started its training run cannot decide.
 *
 * @throws AppError "forbidden" without scorecards.approve or for the version's own author,
 *   "not_found", "conflict" when the snapshot is no longer the version's latest or a failing
 *   scorecard is approved
 */
export async function decideScorecard(db: Db, principal: Principal, options: DecideScorecardOptions) {
  if (!principalCan(principal, "scorecards.approve")) throw new AppError("forbidden", 'you lack the permission "scorecards.approve"');
  const { decision, comment } = decideScorecardSchema.parse(options);
  const scorecard = await db.scorecard.findUnique({
    where: { id: options.scorecardId },
    include: { modelVersion: { include: { model: { select: { name: true } }, trainingRun: { select: { createdById: true } } } } },
  });
  if (!scorecard) throw new AppError("not_found", `scorecard ${options.scorecardId} not found`);
  const version = scorecard.modelVersion;
  const label = `${version.model.name} v${version.version}`;
  // Whoever registered it, trained it, or minted the service token that uploaded it.
  const responsible = [version.createdById, version.tokenCreatedById, version.trainingRun?.createdById];
  if (responsible.some((userId) => userId && actsAs(principal, userId))) {
    throw new AppError("forbidden", `separation of duties: you trained or registered ${label} (or minted the token that uploaded it), so another compliance officer must approve or reject it`, {
      reason: "separation_of_duties",
    });
  }
  if (decision === "approved" && scorecard.grade === "F") {
    throw new AppError("conflict", `${label} is graded F: a required criterion failed or has no evidence, so it cannot be approved; reject it or gather the missing evidence`);
  }

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_CLASSES.scorecard}::int, hashtext(${version.id}))`;
    const latest = await tx.scorecard.findFirst({ where: { modelVersionId: version.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, snapshotHash: true } });
    if (latest?.id !== scorecard.id) {
      throw new AppError("conflict", `this snapshot of ${label} was superseded by newer evidence (snapshot ${latest?.snapshotHash.slice(0, 12)}); review the latest scorecard`, {
        latestScorecardId: latest?.id,
      });
    }
    const approval = await tx.approval.create({
      data: { scorecardId: scorecard.id, snapshotHash: scorecard.snapshotHash, decision, comment, approverId: principal.userId },
    });
    await appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: decision === "approved" ? "scorecard.approve" : "scorecard.reject",
      targetType: "scorecard",
      targetId: scorecard.id,
      details: { modelVersionId: version.id, model: version.model.name, version: version.version, grade: scorecard.grade, snapshotHash: scorecard.snapshotHash },
    });
    // The author hears of the decision in their notifications.
    await tx.notification.create({
      data: {
        userId: version.createdById,
        kind: `scorecard_${decision}`,
        title: `${label} ${decision} by ${principal.email}`,
        body: comment,
        link: `/scorecards/${scorecard.id}`,
        subjectType: "model_version",
        subjectId: version.id,
      },
    });
    return approval;
  });
}
