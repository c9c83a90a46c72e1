import { appendAuditLog } from "../audit-log/index.ts";
import { actsAs, type Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { canTriageFinding } from "./can-triage-finding.ts";
import { FINDING_VIEW_SELECT, type FindingView } from "./finding-view.ts";
import { triageFindingSchema, type TriageFindingInput } from "./schemas.ts";

// Statuses that dismiss a finding: separation of duties keeps them from the dataset's own owner.
const DISMISSALS: readonly string[] = ["false_positive", "accepted_risk"];

/**
 * Sets a finding's triage status with a reason, and appends `finding.triage` to the audit log in the
 * same transaction (the details name the finding, its type and the statuses, never its value).
 * @throws AppError not_found, forbidden (not a compliance officer, admin or the dataset's owner;
 *   or the owner dismissing their own dataset's finding), conflict when the status would not change.
 */
export async function triageFinding(db: Db, principal: Principal, findingId: string, input: TriageFindingInput): Promise<FindingView> {
  const { status, reason } = triageFindingSchema.parse(input);
  return db.$transaction(async (tx) => {
    const finding = await tx.finding.findUnique({
      where: { id: findingId },
      select: { id: true, type: true, status: true, severity: true, datasetVersion: { select: { version: true, dataset: { select: { name: true, ownerId: true } } } } },
    });
    if (!finding) throw new AppError("not_found", "no such finding", { id: findingId });
    const dataset = finding.datasetVersion.dataset;
    if (!canTriageFinding(principal, dataset.ownerId)) {
      throw new AppError("forbidden", `only a compliance officer, an admin or the owner of "${dataset.name}" may triage its findings`);
    }
    if (DISMISSALS.includes(status) && actsAs(principal, dataset.ownerId)) {
      throw new AppError("forbidden", `separation of duties: you own "${dataset.name}", so a compliance officer or an admin must mark its findings ${status.replace("_", " ")}`, {
        reason: "separation_of_duties",
      });
    }
    if (finding.status === status) throw new AppError("conflict", `the finding is already ${status}`, { id: findingId, status });
    await tx.finding.update({ where: { id: findingId }, data: { status, triageReason: reason, triagedById: principal.userId, triagedAt: new Date() } });
    await appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: "finding.triage",
      targetType: "finding",
      targetId: findingId,
      details: { dataset: dataset.name, version: finding.datasetVersion.version, type: finding.type, severity: finding.severity, from: finding.status, to: status, reason },
    });
    return tx.finding.findUniqueOrThrow({ where: { id: findingId }, select: FINDING_VIEW_SELECT });
  });
}
