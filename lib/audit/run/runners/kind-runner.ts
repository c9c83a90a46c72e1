import type { AuditKind } from "../../../db/index.ts";
import type { AuditContext } from "../audit-context.ts";
import type { AuditResults } from "../results.ts";

/** The runner of one audit kind: loads what the kind needs, runs its attack, returns its stored results. */
export type KindRunner<K extends AuditKind> = (context: AuditContext<K>) => Promise<AuditResults>;
