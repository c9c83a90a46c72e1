import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/index.ts";
import { createDb } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { closeQueues } from "../queue/index.ts";
import { getBlobStore } from "../storage/index.ts";
import { getDatasetByName } from "./get-dataset-by-name.ts";
import { getDatasetVersion } from "./get-dataset-version.ts";
import { listDatasets } from "./list-datasets.ts";
import { registerDataset } from "./register-dataset.ts";
import { createTestDataset, createTestPrincipal, streamOf, uniqueCsv, uniqueSuffix } from "./datasets.test-support.ts";
import { removeBlobIfUnused, uploadDatasetVersion } from "./upload-dataset-version.ts";

// Our own queue namespace: no worker consumes these ingest jobs.
process.env.CANARY_QUEUE_PREFIX = "t_datasets";
const db = createDb();
let principal: Principal;

beforeAll(async () => {
  principal = await createTestPrincipal(db);
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error;
  }
  throw new Error("expected a refusal");
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("registerDataset", () => {
  it("registers a dataset and writes dataset.register in the audit log", async () => {
    const name = `customers-${uniqueSuffix()}`;
    const dataset = await registerDataset(db, principal, {
      name,
      description: "synthetic",
      source: "CRM export",
      collectionMethod: "form",
      consentBasis: "contract",
      licenseExpression: "LicenseRef-Proprietary",
      intendedUse: "internal_evaluation",
      collectionPeriodStart: "2020-01-01",
    });
    expect(dataset).toMatchObject({
      name,
      owner: { email: principal.email },
      versionCount: 0,
      latestVersion: null,
      consentBasis: "contract",
    });
    expect(dataset.collectionPeriodStart?.toISOString()).toBe("2020-01-01T00:00:00.000Z");
    const entries = await db.auditLogEntry.findMany({ where: { action: "dataset.register", targetId: dataset.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actorLabel).toBe(principal.email);
  });

  it("refuses a taken name with conflict and writes no second audit entry", async () => {
    const first = await createTestDataset(db, principal);
    const error = await refusal(
      registerDataset(db, principal, {
        name: first.name,
        source: "x",
        collectionMethod: "x",
        consentBasis: "consent",
        licenseExpression: "MIT",
        intendedUse: "research_only",
      }),
    );
    expect(error.code).toBe("conflict");
    expect(error.message).toBe(`a dataset named "${first.name}" already exists`);
    expect(await db.auditLogEntry.count({ where: { action: "dataset.register", details: { path: ["name"], equals: first.name } } })).toBe(1);
  });

  it("refuses an unknown owner and a period that ends before it starts", async () => {
    const base = { source: "x", collectionMethod: "x", consentBasis: "consent", licenseExpression: "MIT", intendedUse: "research_only" } as const;
    const owner = await refusal(registerDataset(db, principal, { ...base, name: `o-${uniqueSuffix()}`, ownerEmail: "nobody@canary.test" }));
    expect(owner.details).toEqual({ field: "ownerEmail" });
    const period = await refusal(
      registerDataset(db, principal, { ...base, name: `p-${uniqueSuffix()}`, collectionPeriodStart: "2021-01-01", collectionPeriodEnd: "2020-01-01" }),
    );
    expect(period.code).toBe("unprocessable");
  });
});

describe("uploadDatasetVersion", () => {
  it("stores a version, its lineage and audit entry, and queues ingest", async () => {
    const dataset = await createTestDataset(db, principal);
    const v1Content = uniqueCsv(3);
    const first = await uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "people.csv", stream: streamOf(v1Content), notes: "first" });
    expect(first.version).toMatchObject({
      version: 1,
      sha256: sha256(v1Content),
      sizeBytes: String(Buffer.byteLength(v1Content)),
      format: "csv",
      originalFilename: "people.csv",
      status: "pending",
      notes: "first",
      uploadedBy: { email: principal.email },
      parents: [],
    });
    expect(first.job).toMatchObject({ queue: "ingest", status: "queued", subjectType: "dataset_version", subjectId: first.version.id });
    expect(await getBlobStore().hasBlob(sha256(v1Content))).toBe(true);

    const v2Content = "id,name\n1,x\n";
    const second = await uploadDatasetVersion(db, principal, {
      datasetName: dataset.name,
      filename: "people-v2.csv",
      stream: streamOf(`${v2Content}${uniqueSuffix()},y\n`),
      parents: [first.version.id],
      transformation: "dropped the score column",
    });
    expect(second.version.version).toBe(2);
    expect(second.version.parents).toEqual([{ id: first.version.id, version: 1, datasetName: dataset.name, transformation: "dropped the score column" }]);

    const detail = await getDatasetByName(db, dataset.name);
    expect(detail.versionCount).toBe(2);
    expect(detail.latestVersion).toEqual({ version: 2, status: "pending" });
    expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await getDatasetVersion(db, dataset.name, 1)).id).toBe(first.version.id);

    const audit = await db.auditLogEntry.findMany({ where: { action: "dataset_version.upload", targetId: { in: [first.version.id, second.version.id] } } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain("person-");
  });

  it("refuses identical content with conflict naming the existing version, keeping its blob", async () => {
    const dataset = await createTestDataset(db, principal);
    const content = uniqueCsv(2);
    await uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "a.csv", stream: streamOf(content) });
    const error = await refusal(uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "again.csv", stream: streamOf(content) }));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe("identical content is already version 1");
    expect(error.details).toEqual({ existingVersion: 1 });
    expect(await db.datasetVersion.count({ where: { datasetId: dataset.id } })).toBe(1);
    expect(await getBlobStore().hasBlob(sha256(content))).toBe(true);
    // The same content in another dataset is a new version there.
    const other = await createTestDataset(db, principal);
    const elsewhere = await uploadDatasetVersion(db, principal, { datasetName: other.name, filename: "a.csv", stream: streamOf(content) });
    expect(elsewhere.version.version).toBe(1);
  });

  it("numbers concurrent uploads to one dataset without gaps or clashes", async () => {
    const dataset = await createTestDataset(db, principal);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: `part-${i}.csv`, stream: streamOf(uniqueCsv(2)) })),
    );
    expect(results.map((r) => r.version.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses a missing dataset, an unknown parent, bad file names and types before storing anything", async () => {
    const dataset = await createTestDataset(db, principal);
    const content = uniqueCsv(2);
    const attempts: [Parameters<typeof uploadDatasetVersion>[2], string, Record<string, unknown> | undefined][] = [
      [{ datasetName: `missing-${uniqueSuffix()}`, filename: "a.csv", stream: streamOf(content) }, "not_found", undefined],
      [{ datasetName: dataset.name, filename: "a.csv", stream: streamOf(content), parents: ["no-such-version"] }, "unprocessable", { field: "parents", missing: ["no-such-version"] }],
      [{ datasetName: dataset.name, filename: "a.parquet", stream: streamOf(content) }, "unsupported_media_type", undefined],
      [{ datasetName: dataset.name, filename: "a.csv", stream: streamOf(content), contentType: "multipart/form-data; boundary=x" }, "unsupported_media_type", undefined],
    ];
    for (const filename of ["../etc/passwd.csv", "dir/a.csv", "dir\\a.csv", "a\u0000.csv", "a\n.csv", ".hidden.csv", "a..csv", ""]) {
      attempts.push([{ datasetName: dataset.name, filename, stream: streamOf(content) }, "bad_request", { field: "filename" }]);
    }
    for (const [options, code, details] of attempts) {
      const error = await refusal(uploadDatasetVersion(db, principal, options));
      expect(error.code, options.filename).toBe(code);
      if (details) expect(error.details).toEqual(details);
    }
    expect(await db.datasetVersion.count({ where: { datasetId: dataset.id } })).toBe(0);
    expect(await getBlobStore().hasBlob(sha256(content))).toBe(false);
  });

  it("takes versions from the dataset's owner (or a service token they minted) and admins, not other uploaders", async () => {
    const dataset = await createTestDataset(db, principal, "owned");
    const upload = (who: Principal) => uploadDatasetVersion(db, who, { datasetName: dataset.name, filename: "rows.csv", stream: streamOf(uniqueCsv(2)) });
    const other = await createTestPrincipal(db, "ml_engineer");
    const error = await refusal(upload(other));
    expect(error).toMatchObject({ code: "forbidden", message: `only the owner of dataset "${dataset.name}" or an admin may upload its versions` });
    expect(await db.datasetVersion.count({ where: { datasetId: dataset.id } })).toBe(0);

    const service = await createTestPrincipal(db, "service");
    await expect(upload({ ...service, via: "token", tokenCreatedById: principal.userId })).resolves.toMatchObject({ version: { version: 1 } });
    await expect(upload(await createTestPrincipal(db, "admin"))).resolves.toMatchObject({ version: { version: 2 } });
    await expect(upload(principal)).resolves.toMatchObject({ version: { version: 3 } });
  });

  it("refuses a file over the limit and an empty file, leaving no row and no blob", async () => {
    const dataset = await createTestDataset(db, principal);
    const content = uniqueCsv(200);
    const tooLarge = await refusal(uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "big.csv", stream: streamOf(content), maxBytes: 1024 }));
    expect(tooLarge.code).toBe("payload_too_large");
    expect(tooLarge.message).toBe("the file is larger than the upload limit of 1.0 KiB");
    const empty = await refusal(uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "empty.csv", stream: streamOf("") }));
    expect(empty.message).toBe("the file is empty");
    expect(await db.datasetVersion.count({ where: { datasetId: dataset.id } })).toBe(0);
    expect(await getBlobStore().hasBlob(sha256(content))).toBe(false);
  });

  it("removes the blob it wrote when the transaction fails", async () => {
    const dataset = await createTestDataset(db, principal);
    const content = uniqueCsv(2);
    // A principal whose user does not exist: the version insert fails on its foreign key.
    const ghost: Principal = { ...principal, userId: "no-such-user" };
    await expect(uploadDatasetVersion(db, ghost, { datasetName: dataset.name, filename: "a.csv", stream: streamOf(content) })).rejects.toThrow();
    expect(await db.datasetVersion.count({ where: { datasetId: dataset.id } })).toBe(0);
    expect(await getBlobStore().hasBlob(sha256(content))).toBe(false);
    expect(await db.auditLogEntry.count({ where: { action: "dataset_version.upload", details: { path: ["dataset"], equals: dataset.name } } })).toBe(0);
  });

  it("removeBlobIfUnused keeps a blob a version references", async () => {
    const dataset = await createTestDataset(db, principal);
    const content = uniqueCsv(2);
    await uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "a.csv", stream: streamOf(content) });
    await removeBlobIfUnused(db, getBlobStore(), sha256(content));
    expect(await getBlobStore().hasBlob(sha256(content))).toBe(true);
  });
});

describe("listDatasets and lookups", () => {
  it("pages, filters and sorts by version count", async () => {
    const tag = uniqueSuffix();
    const names: string[] = [];
    for (const [i, versions] of [1, 3, 0].entries()) {
      const dataset = await registerDataset(db, principal, {
        name: `list-${tag}-${i}`,
        description: i === 1 ? "The Zebra set" : "",
        source: "test",
        collectionMethod: "x",
        consentBasis: i === 2 ? "public_data" : "consent",
        licenseExpression: "MIT",
        intendedUse: "research_only",
      });
      names.push(dataset.name);
      for (let v = 0; v < versions; v += 1) {
        await uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "x.csv", stream: streamOf(uniqueCsv(1)) });
      }
    }
    const byCount = await listDatasets(db, { q: `list-${tag}`, sort: "versionCount", order: "desc" });
    expect(byCount.total).toBe(3);
    expect(byCount.items.map((d) => [d.name, d.versionCount])).toEqual([
      [names[1], 3],
      [names[0], 1],
      [names[2], 0],
    ]);
    expect(byCount.items[0]!.latestVersion).toEqual({ version: 3, status: "pending" });
    const paged = await listDatasets(db, { q: `list-${tag}`, sort: "name", order: "asc", pageSize: 2, page: 2 });
    expect(paged.items.map((d) => d.name)).toEqual([names[2]]);
    expect(paged.total).toBe(3);
    expect((await listDatasets(db, { q: "zebra SET", consentBasis: "consent" })).items.map((d) => d.name)).toContain(names[1]);
    expect((await listDatasets(db, { q: `list-${tag}`, consentBasis: "public_data" })).items.map((d) => d.name)).toEqual([names[2]]);
    // Wildcards in q are literal characters.
    expect((await listDatasets(db, { q: `list-${tag}%` })).total).toBe(0);
    expect((await listDatasets(db, { q: `list_${tag}` })).total).toBe(0);
  });

  it("answers not_found for unknown names and versions", async () => {
    expect((await refusal(getDatasetByName(db, `nope-${uniqueSuffix()}`))).code).toBe("not_found");
    const dataset = await createTestDataset(db, principal);
    expect((await refusal(getDatasetVersion(db, dataset.name, 7))).code).toBe("not_found");
  });
});
