// Shared by the integration tests of lib/scan/run and lib/findings: ingested versions to scan.
import type { Principal } from "../../auth/index.ts";
import { registerDataset, uploadDatasetVersion } from "../../datasets/index.ts";
import { streamOf, uniqueSuffix } from "../../datasets/datasets.test-support.ts";
import type { Db, IntendedUse } from "../../db/index.ts";
import { ingestDatasetVersion } from "../../ingest/index.ts";

export interface ReadyVersionOptions {
  licenseExpression?: string;
  intendedUse?: IntendedUse;
  parents?: string[];
  filename?: string;
  /** Add to this dataset instead of registering a new one. */
  datasetName?: string;
}

/** Registers a dataset (unless given), uploads `content` and ingests it in this process. */
export async function readyVersion(db: Db, principal: Principal, content: string, options: ReadyVersionOptions = {}) {
  const datasetName =
    options.datasetName ??
    (
      await registerDataset(db, principal, {
        name: `scan-${uniqueSuffix()}`,
        source: "integration test",
        collectionMethod: "generated",
        consentBasis: "consent",
        licenseExpression: options.licenseExpression ?? "CC-BY-4.0",
        intendedUse: options.intendedUse ?? "research_only",
      })
    ).name;
  const { version } = await uploadDatasetVersion(db, principal, {
    datasetName,
    filename: options.filename ?? "data.csv",
    stream: streamOf(content),
    parents: options.parents,
    transformation: options.parents ? "derived in a test" : undefined,
  });
  await ingestDatasetVersion(db, version.id);
  return { id: version.id, version: version.version, datasetName };
}

/** A CSV with personal data: every row an email, row 0 a valid-Luhn card and an SSN. */
export function piiCsv(rows: number): string {
  const tag = uniqueSuffix();
  const lines = ["id,email,card,ssn"];
  for (let i = 0; i < rows; i++) lines.push(`${i},user${i}.${tag}@example.com,${i === 0 ? "4111 1111 1111 1111" : ""},${i === 0 ? "536-22-1457" : ""}`);
  return `${lines.join("\n")}\n`;
}
