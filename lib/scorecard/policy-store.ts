// The organisation's privacy policy in the database: one Policy row, versions never edited, the
// newest version is the one scorecards are graded against.
import { canonicalSha256 } from "../audit-log/index.ts";
import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { validatePolicy, type PolicyDocument } from "../policy/index.ts";

/** Policy.name of the organisation's policy (the document's own `name` is what people read). */
export const ORG_POLICY_KEY = "organisation";

export interface CurrentPolicy {
  id: string;
  version: number;
  document: PolicyDocument;
  documentSha256: string;
  createdAt: Date;
}

/** The policy version scorecards are graded against now. @throws AppError "conflict" when none was saved yet */
export async function getCurrentPolicy(db: Db | Tx): Promise<CurrentPolicy> {
  const row = await db.policyVersion.findFirst({ where: { policy: { name: ORG_POLICY_KEY } }, orderBy: { version: "desc" } });
  if (!row) throw new AppError("conflict", "no privacy policy has been saved yet: an admin or compliance officer must save one at /policies");
  return toCurrentPolicy(row);
}

export function toCurrentPolicy(row: { id: string; version: number; document: unknown; createdAt: Date }): CurrentPolicy {
  const document = validatePolicy(row.document);
  return { id: row.id, version: row.version, document, documentSha256: canonicalSha256(document), createdAt: row.createdAt };
}
