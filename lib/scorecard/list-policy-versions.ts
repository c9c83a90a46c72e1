import type { Db, Tx } from "../db/index.ts";
import { ORG_POLICY_KEY, toCurrentPolicy } from "./policy-store.ts";

/** Every version of the organisation's policy, newest first, with who saved it. */
export async function listPolicyVersions(db: Db | Tx) {
  const rows = await db.policyVersion.findMany({
    where: { policy: { name: ORG_POLICY_KEY } },
    orderBy: { version: "desc" },
    include: { createdBy: { select: { email: true } } },
  });
  return rows.map((row) => ({ ...toCurrentPolicy(row), createdBy: row.createdBy.email }));
}
