import type { Db } from "../../db/index.ts";
import { encodeRows, loadFashionMnist, type InputEncoding, type TabularRow, type TrainingData } from "../../dp/index.ts";
import { AppError } from "../../errors/index.ts";
import { readRecords } from "../../records/index.ts";
import { openBlob } from "../../storage/index.ts";
import { selectRows } from "../attacks/index.ts";
import { mulberry32 } from "../../numerics/index.ts";

export interface AuditData {
  members: TrainingData;
  nonMembers: TrainingData;
  /** "name vN" of the dataset versions read (null for built-in data such as Fashion-MNIST). */
  datasets: { members: string | null; nonMembers: string | null };
}

/** At most `max` rows of `data`, a uniform sample drawn reproducibly from `seed`, in original order. */
export function sampleRows(data: TrainingData, max: number, seed: number): TrainingData {
  if (data.count <= max) return data;
  const random = mulberry32(seed);
  const order = Array.from({ length: data.count }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    [order[i], order[k]] = [order[k]!, order[i]!];
  }
  const mask = new Uint8Array(data.count);
  for (let i = 0; i < max; i++) mask[order[i]!] = 1;
  return selectRows(data, mask);
}

async function readVersion(db: Db, id: string, encoding: Extract<InputEncoding, { kind: "tabular" }>["encoding"], side: string) {
  const version = await db.datasetVersion.findUnique({ where: { id }, select: { storageKey: true, format: true, status: true, version: true, dataset: { select: { name: true } } } });
  if (!version) throw new AppError("unprocessable", `the ${side} dataset version of this model no longer exists`);
  const label = `${version.dataset.name} v${version.version}`;
  if (version.status !== "ready") throw new AppError("unprocessable", `${label} (the ${side}) is not ingested (status ${version.status})`);
  if (version.format === "text") throw new AppError("unprocessable", `${label} (the ${side}) is text; a tabular model needs CSV or JSON Lines`);
  const rows: TabularRow[] = [];
  for await (const record of readRecords(openBlob(version.storageKey), { format: version.format })) rows.push({ line: record.line, fields: record.fields });
  return { data: encodeRows(rows, encoding), label };
}

/**
 * Members (the version's training data) and non-members (its evaluation data), encoded as in
 * training and sampled to `maxExamples` each. Fashion-MNIST models read the rows their training read as
 * members (at most `maxExamples`) and the other built-in split as non-members.
 * @throws {AppError} unprocessable when the version lacks an encoding or either dataset version, or a
 * Fashion-MNIST model does not record the rows it was trained on
 */
export async function loadAuditData(db: Db, version: { trainDatasetVersionId: string | null; evalDatasetVersionId: string | null }, input: InputEncoding | null, options: { maxExamples: number; seed: number }): Promise<AuditData> {
  if (!input) throw new AppError("unprocessable", "this model version has no input encoding, so its datasets cannot be encoded for the attack");
  if (input.kind === "fashion-mnist") {
    // Members are only the rows training read (the first `rows` of its split); the other split was never trained on.
    if (!input.trainedOn) throw new AppError("unprocessable", "this Fashion-MNIST model does not record which rows it was trained on (its limit), so its members are unknown; retrain it to audit it");
    const { split, rows } = input.trainedOn;
    const [members, nonMembers] = await Promise.all([loadFashionMnist(split, Math.min(rows, options.maxExamples)), loadFashionMnist(split === "train" ? "test" : "train", options.maxExamples)]);
    return { members, nonMembers, datasets: { members: null, nonMembers: null } };
  }
  if (!version.trainDatasetVersionId) throw new AppError("unprocessable", "this model version does not name its training dataset version: there are no known members to audit");
  if (!version.evalDatasetVersionId) throw new AppError("unprocessable", "this model version does not name an evaluation dataset version: there are no known non-members to audit");
  const members = await readVersion(db, version.trainDatasetVersionId, input.encoding, "training data");
  const nonMembers = await readVersion(db, version.evalDatasetVersionId, input.encoding, "evaluation data");
  for (const [side, part] of [["training", members], ["evaluation", nonMembers]] as const) {
    if (part.data.count === 0) throw new AppError("unprocessable", `${part.label} (the ${side} data) has no labelled rows`);
  }
  return {
    members: sampleRows(members.data, options.maxExamples, options.seed),
    nonMembers: sampleRows(nonMembers.data, options.maxExamples, options.seed + 1),
    datasets: { members: members.label, nonMembers: nonMembers.label },
  };
}
