import { AppError } from "../../../errors/index.ts";
import type { AuditContext } from "../audit-context.ts";
import type { AuditTarget } from "../audit-target.ts";
import { loadAuditData, type AuditData } from "../load-audit-data.ts";

function requireVersion(context: AuditContext) {
  if (!context.modelVersion) throw new AppError("unprocessable", `a ${context.kind} audit needs a model version`);
  return context.modelVersion;
}

/** Loads the target and its data, runs `body`, and always frees the model. */
export async function withTarget<T>(context: AuditContext & { config: { maxExamples: number; seed: number } }, body: (target: AuditTarget, data: AuditData) => Promise<T>): Promise<T> {
  const version = requireVersion(context);
  await context.progress(2, "loading the model version");
  const target = await context.loadTarget(context.db, version.id);
  try {
    await context.progress(5, "loading members and non-members");
    const data = await loadAuditData(context.db, version, target.input, { maxExamples: context.config.maxExamples, seed: context.config.seed });
    context.checkStopped();
    return await body(target, data);
  } finally {
    target.dispose();
  }
}
