import { createHash } from "node:crypto";
import type { Db, Severity } from "../../db/index.ts";
import { AppError } from "../../errors/index.ts";

/** A finding as a scan produces it; `location` and `maskedSample` never hold the raw value. */
export interface NewFinding {
  type: string;
  severity: Severity;
  location: Record<string, unknown>;
  maskedSample?: string | null;
  /** What makes this finding itself within its scan; hashed into the fingerprint. */
  identity: readonly (string | number)[];
}

/** Stable identity of a finding within a scan: the same input always gives the same fingerprint. */
export function fingerprintOf(type: string, identity: readonly (string | number)[]): string {
  return createHash("sha256").update([type, ...identity].join("\u0000")).digest("hex").slice(0, 32);
}

/**
 * Buffers a scan's findings and writes them in batches, each batch with the scan's checkpoint in one
 * transaction, so a run killed between batches resumes from the last checkpoint and rewrites nothing
 * twice: findings are inserted with `skipDuplicates` on the (scanId, fingerprint) key.
 * A flush that finds the scan no longer active (cancelled) throws, which stops the run.
 */
export class FindingWriter {
  private buffer: NewFinding[] = [];
  written = 0;

  constructor(
    private readonly db: Db,
    private readonly scanId: string,
    private readonly datasetVersionId: string,
  ) {}

  add(finding: NewFinding): void {
    this.buffer.push(finding);
  }

  get pending(): number {
    return this.buffer.length;
  }

  /** Writes the buffered findings and stores `checkpoint` (JSON) on the scan, atomically. */
  async flush(checkpoint: Record<string, unknown> | null): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    await this.db.$transaction(async (tx) => {
      const { count: active } = await tx.scan.updateMany({
        where: { id: this.scanId, status: "active" },
        data: { summary: checkpoint === null ? undefined : ({ checkpoint } as object) },
      });
      if (active === 0) throw new AppError("conflict", "the scan is no longer active (cancelled)", { scanId: this.scanId });
      if (batch.length === 0) return;
      const { count } = await tx.finding.createMany({
        data: batch.map((finding) => ({
          scanId: this.scanId,
          datasetVersionId: this.datasetVersionId,
          type: finding.type,
          severity: finding.severity,
          location: finding.location as object,
          maskedSample: finding.maskedSample ?? null,
          fingerprint: fingerprintOf(finding.type, finding.identity),
        })),
        skipDuplicates: true,
      });
      this.written += count;
    });
  }
}
