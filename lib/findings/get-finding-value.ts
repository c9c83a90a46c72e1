import { appendAuditLog } from "../audit-log/index.ts";
import { principalCan, type Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { PII_ENTITIES } from "../scan/index.ts";
import type { BlobStore } from "../storage/index.ts";
import { readVersionRecord } from "./read-version-record.ts";

interface PiiLocation {
  record: string;
  field: string;
  start: number;
  end: number;
}

/**
 * The unmasked value of a PII finding, read from the version's file now (record, field, code-point
 * offsets) and never stored; each reading is recorded in the audit log (without the value).
 * @throws AppError forbidden without pii.unmasked, not_found, unprocessable for a finding that is not a PII span
 */
export async function getFindingValue(db: Db, principal: Principal, findingId: string, store?: BlobStore): Promise<{ id: string; type: string; value: string }> {
  if (!principalCan(principal, "pii.unmasked")) throw new AppError("forbidden", 'you lack the permission "pii.unmasked"', { permission: "pii.unmasked" });
  const finding = await db.finding.findUnique({ where: { id: findingId }, select: { id: true, type: true, datasetVersionId: true, location: true } });
  if (!finding) throw new AppError("not_found", "no such finding", { id: findingId });
  const location = finding.location as Partial<PiiLocation> | null;
  if (!(PII_ENTITIES as readonly string[]).includes(finding.type) || typeof location?.record !== "string" || typeof location.field !== "string") {
    throw new AppError("unprocessable", "only PII findings have a value to show");
  }
  const record = await readVersionRecord(db, finding.datasetVersionId, location.record, store);
  const text = valueAt(record.fields, location.field);
  if (text === undefined) throw new AppError("not_found", `record ${location.record} has no field ${location.field}`);
  const value = [...text].slice(location.start ?? 0, location.end ?? undefined).join("");
  await db.$transaction((tx) =>
    appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: "finding.unmask",
      targetType: "finding",
      targetId: finding.id,
      details: { type: finding.type },
    }),
  );
  return { id: finding.id, type: finding.type, value };
}

/** The value at a dotted path ("customer.emails.0"), as scanned: strings as they are, integers as digits. */
export function valueAt(fields: Record<string, unknown>, path: string): string | undefined {
  let value: unknown = fields;
  if (Object.hasOwn(fields, path)) value = fields[path];
  else {
    for (const part of path.split(".")) {
      if (value === null || typeof value !== "object") return undefined;
      value = (value as Record<string, unknown>)[part];
    }
  }
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}
