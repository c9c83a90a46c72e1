import type { Db } from "../db/client.ts";
import { canonicalSha256, entryHash, GENESIS_HASH } from "./hash.ts";

export interface AuditLogVerification {
  ok: boolean;
  entriesChecked: number;
  /** The first entry that does not hold, and why; absent when the chain is whole. */
  firstBroken?: { seq: string; reason: string };
}

const PAGE_SIZE = 1000;

/** Walks the chain in order and names the first entry whose digest, hash or link does not hold. Runs in O(n). */
export async function verifyAuditLog(db: Db): Promise<AuditLogVerification> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let cursor: bigint | undefined;
  for (;;) {
    const page = await db.auditLogEntry.findMany({
      where: cursor === undefined ? {} : { seq: { gt: cursor } },
      orderBy: { seq: "asc" },
      take: PAGE_SIZE,
    });
    for (const entry of page) {
      const broken = (reason: string) => ({ ok: false, entriesChecked: checked, firstBroken: { seq: entry.seq.toString(), reason } });
      if (entry.prevHash !== prevHash) return broken("prevHash does not match the previous entry's hash");
      if (canonicalSha256(entry.details) !== entry.digest) return broken("details do not match their digest");
      if (entryHash(entry) !== entry.hash) return broken("hash does not match the entry's contents");
      prevHash = entry.hash;
      checked += 1;
    }
    if (page.length < PAGE_SIZE) return { ok: true, entriesChecked: checked };
    cursor = page[page.length - 1]!.seq;
  }
}
