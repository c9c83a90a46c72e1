// Where a model version stands with sign-off. Approvals bind to a snapshot's hash: only a decision
// on the version's latest snapshot counts, and an approval of an earlier snapshot is "invalidated by
// new evidence".
import type { Db, Decision, Tx } from "../db/index.ts";

export type SignOffStatus = "none" | "awaiting" | "approved" | "rejected";

export interface VersionSignOff {
  status: SignOffStatus;
  latest: { id: string; grade: string; snapshotHash: string; createdAt: Date } | null;
  decision: { decision: Decision; comment: string; approverEmail: string; decidedAt: Date } | null;
  /** The newest approval of an earlier snapshot, when the latest snapshot has no decision yet. */
  invalidatedApproval: { scorecardId: string; snapshotHash: string; decidedAt: Date } | null;
  /** Some snapshot of this version was approved at some time (a rollback target). */
  everApproved: boolean;
}

type DecisionRow = { scorecardId: string; snapshotHash: string; decision: Decision; comment: string; createdAt: Date; approver: { email: string } };

/** The decision that counts for one snapshot: its newest, if it was made on that snapshot's hash. */
export function effectiveDecision<T extends Pick<DecisionRow, "snapshotHash" | "createdAt">>(snapshotHash: string, approvals: T[]): T | null {
  return approvals.filter((a) => a.snapshotHash === snapshotHash).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null;
}

export async function loadSignOffs(db: Db | Tx, modelVersionIds: string[]): Promise<Map<string, VersionSignOff>> {
  const snapshots = await db.scorecard.findMany({
    where: { modelVersionId: { in: modelVersionIds } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      modelVersionId: true,
      grade: true,
      snapshotHash: true,
      createdAt: true,
      approvals: { select: { scorecardId: true, snapshotHash: true, decision: true, comment: true, createdAt: true, approver: { select: { email: true } } } },
    },
  });
  const result = new Map<string, VersionSignOff>();
  for (const id of modelVersionIds) {
    const mine = snapshots.filter((s) => s.modelVersionId === id);
    const [latest, ...earlier] = mine;
    const decisions = mine.map((s) => effectiveDecision(s.snapshotHash, s.approvals));
    const current = decisions[0] ?? null;
    const earlierApproval = current ? null : (earlier.map((s, i) => ({ s, d: decisions[i + 1] })).find(({ d }) => d?.decision === "approved") ?? null);
    result.set(id, {
      status: !latest ? "none" : current ? current.decision : "awaiting",
      latest: latest ? { id: latest.id, grade: latest.grade, snapshotHash: latest.snapshotHash, createdAt: latest.createdAt } : null,
      decision: current ? { decision: current.decision, comment: current.comment, approverEmail: current.approver.email, decidedAt: current.createdAt } : null,
      invalidatedApproval: earlierApproval ? { scorecardId: earlierApproval.s.id, snapshotHash: earlierApproval.s.snapshotHash, decidedAt: earlierApproval.d!.createdAt } : null,
      everApproved: decisions.some((d) => d?.decision === "approved"),
    });
  }
  return result;
}

export async function loadSignOff(db: Db | Tx, modelVersionId: string): Promise<VersionSignOff> {
  return (await loadSignOffs(db, [modelVersionId])).get(modelVersionId)!;
}

/** One sentence on why a version may not be promoted, or null when it may. */
export function promotionBlocker(signOff: VersionSignOff): string | null {
  switch (signOff.status) {
    case "approved":
      return null;
    case "none":
      return "it has no scorecard yet";
    case "rejected":
      return `its latest scorecard was rejected by ${signOff.decision!.approverEmail}: ${signOff.decision!.comment}`;
    case "awaiting":
      return signOff.invalidatedApproval
        ? `its approval was invalidated by new evidence (snapshot ${signOff.latest!.snapshotHash.slice(0, 12)}); the new snapshot awaits sign-off`
        : "its latest scorecard awaits sign-off by a compliance officer";
  }
}

/** The newest snapshot of a version whose decision that counts is `decision` (drift compares against the approved one). */
export async function effectiveDecisionOf(db: Db | Tx, modelVersionId: string, decision: Decision) {
  const snapshots = await db.scorecard.findMany({
    where: { modelVersionId, approvals: { some: { decision } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { approvals: { select: { snapshotHash: true, createdAt: true, decision: true } } },
  });
  return snapshots.find((s) => effectiveDecision(s.snapshotHash, s.approvals)?.decision === decision) ?? null;
}
