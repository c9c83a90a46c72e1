import { appendAuditLog } from "../audit-log/index.ts";
import { principalCan, type Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { findModelVersion, loadSignOff, promotionBlocker } from "../scorecard/index.ts";
import { currentDeployments, findEnvironment } from "./environments.ts";
import { deployInputSchema, type DeployInput } from "./schemas.ts";

/**
 * Points an environment at a version. `promote` needs the version's latest snapshot approved;
 * `rollback` goes back to an earlier version that was approved (even if its approval was since
 * invalidated by a tighter policy: it is the last known-good) and that was not rejected since.
 * Both are recorded alike: a Deployment row (who, when, why, from which version) and an audit entry.
 *
 * @throws AppError "forbidden" without deployments.write, "not_found", "conflict" naming what blocks it
 */
async function deploy(db: Db, principal: Principal, action: "promote" | "rollback", input: DeployInput) {
  if (!principalCan(principal, "deployments.write")) throw new AppError("forbidden", 'you lack the permission "deployments.write"');
  const { model, version, environment: environmentName, reason } = deployInputSchema.parse(input);
  const [target, environment] = await Promise.all([findModelVersion(db, model, version), findEnvironment(db, environmentName)]);
  const label = `${model} v${version}`;
  const signOff = await loadSignOff(db, target.id);
  if (action === "promote") {
    const blocker = promotionBlocker(signOff);
    if (blocker) throw new AppError("conflict", `${label} cannot be promoted: ${blocker}`, { signOff: signOff.status });
  } else if (!signOff.everApproved || signOff.status === "rejected") {
    throw new AppError("conflict", `cannot roll back to ${label}: ${signOff.status === "rejected" ? "its latest scorecard was rejected" : "it was never approved"}`);
  }

  return db.$transaction(async (tx) => {
    // One change per environment at a time: the environment row is the lock.
    await tx.$queryRaw`SELECT 1 FROM "Environment" WHERE "id" = ${environment.id} FOR UPDATE`;
    const [current] = await currentDeployments(tx, { environmentId: environment.id, modelId: target.model.id });
    if (current?.modelVersionId === target.id) throw new AppError("conflict", `${label} is already deployed to ${environment.name}`);
    if (action === "rollback") {
      if (!current) throw new AppError("conflict", `nothing of ${model} is deployed to ${environment.name}: promote a version instead`);
      if (version >= current.version) throw new AppError("conflict", `a rollback goes to an earlier version than the deployed v${current.version}; promote ${label} instead`);
    }
    const deployment = await tx.deployment.create({
      data: { environmentId: environment.id, modelVersionId: target.id, previousModelVersionId: current?.modelVersionId ?? null, action, reason, actorId: principal.userId },
    });
    await appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: `deployment.${action}`,
      targetType: "deployment",
      targetId: deployment.id,
      details: { model, version, environment: environment.name, fromVersion: current?.version ?? null, snapshotHash: signOff.latest?.snapshotHash ?? null },
    });
    return { ...deployment, model, version, environment: environment.name, fromVersion: current?.version ?? null };
  });
}

/** Promotes an approved version to an environment. */
export function promote(db: Db, principal: Principal, input: DeployInput) {
  return deploy(db, principal, "promote", input);
}

/** Rolls an environment back to an earlier approved version, with a reason. */
export function rollback(db: Db, principal: Principal, input: DeployInput) {
  return deploy(db, principal, "rollback", input);
}
