import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, createScratchDatabase, type Db, type ScratchDatabase } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { checkLineageForUse } from "./check-lineage-for-use.ts";
import { lineageNeighbourhood } from "./lineage-neighbourhood.ts";
import { loadLineageGraph } from "./load-lineage-graph.ts";

// A private database: one test stores a deliberate cycle, which must never reach the shared test database.
let scratch: ScratchDatabase;
let db: Db;
let ownerId: string;

beforeAll(async () => {
  scratch = await createScratchDatabase("governance", { template: process.env.CANARY_TEST_TEMPLATE_DB });
  db = createDb(scratch.url);
  ownerId = (await db.user.create({ data: { email: `lineage-${randomUUID().slice(0, 8)}@canary.test`, name: "Lineage Owner" } })).id;
});

afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

async function createVersion(datasetName: string, license: string, version = 1, parents: string[] = []): Promise<string> {
  const dataset = await db.dataset.upsert({
    where: { name: datasetName },
    update: {},
    create: { name: datasetName, ownerId, source: "test", collectionMethod: "generated", consentBasis: "consent", licenseExpression: license, intendedUse: "research_only" },
  });
  const sha256 = randomUUID().replace(/-/g, "").padEnd(64, "0");
  const created = await db.datasetVersion.create({
    data: {
      datasetId: dataset.id,
      version,
      sha256,
      sizeBytes: 10n,
      format: "csv",
      originalFilename: `${datasetName}.csv`,
      storageKey: sha256,
      uploadedById: ownerId,
      parents: { create: parents.map((parentVersionId) => ({ parentVersionId, transformation: "filter" })) },
    },
  });
  return created.id;
}

describe("loadLineageGraph", () => {
  it("loads a version and all its ancestors with names, versions and their datasets' licenses", async () => {
    const tag = randomUUID().slice(0, 8);
    const reviews = await createVersion(`reviews-${tag}`, "CC-BY-NC-4.0");
    const wiki = await createVersion(`wiki-${tag}`, "CC-BY-SA-4.0");
    const clean = await createVersion(`reviews-clean-${tag}`, "CC-BY-4.0", 1, [reviews]);
    const mix = await createVersion(`training-mix-${tag}`, "MIT", 1, [clean, wiki]);
    const unrelated = await createVersion(`unrelated-${tag}`, "CC0-1.0");
    const downstream = await createVersion(`downstream-${tag}`, "MIT", 1, [mix, unrelated]);

    const graph = await loadLineageGraph(db, mix);
    expect([...graph.versions.keys()].sort()).toEqual([reviews, wiki, clean, mix].sort());
    expect(graph.versions.get(reviews)).toEqual({ datasetName: `reviews-${tag}`, version: 1, licenseExpression: "CC-BY-NC-4.0" });
    expect(graph.parents.get(mix)?.sort()).toEqual([clean, wiki].sort());
    expect(graph.parents.get(clean)).toEqual([reviews]);
    expect(graph.parents.get(reviews)).toEqual([]);

    const check = checkLineageForUse(mix, graph, "commercial_training");
    expect(check.verdict).toBe("conflict");
    expect(check.reasons).toHaveLength(1);
    expect(check.reasons[0]).toContain(`ancestor (grandparent), reviews-${tag} v1 (CC-BY-NC-4.0), conflicts with commercial_training`);

    // With descendants, for drawing: downstream appears, but not its unrelated other parent.
    const both = await loadLineageGraph(db, mix, { descendants: true });
    expect(both.versions.has(downstream)).toBe(true);
    expect(both.versions.has(unrelated)).toBe(false);
    const around = lineageNeighbourhood(both, mix);
    expect(around.descendants.map((n) => [n.datasetName, n.depth])).toEqual([[`downstream-${tag}`, 1]]);
    expect(around.ancestors.map((n) => n.datasetName).sort()).toEqual([`reviews-${tag}`, `reviews-clean-${tag}`, `wiki-${tag}`].sort());
  });

  it("answers not_found for a version that does not exist", async () => {
    await expect(loadLineageGraph(db, "no-such-version")).rejects.toSatisfy((error) => error instanceof AppError && error.code === "not_found");
  });

  it("terminates on stored cycles and leaves refusing them to the checks", async () => {
    const tag = randomUUID().slice(0, 8);
    const a = await createVersion(`loop-a-${tag}`, "MIT");
    const b = await createVersion(`loop-b-${tag}`, "MIT", 1, [a]);
    // Bad data the upload path would never write: a derives from its own child.
    await db.lineageEdge.create({ data: { parentVersionId: b, childVersionId: a } });
    const graph = await loadLineageGraph(db, b);
    expect([...graph.versions.keys()].sort()).toEqual([a, b].sort());
    expect(() => checkLineageForUse(b, graph, "research_only")).toThrow(`lineage has a cycle (loop-b-${tag} v1 → loop-a-${tag} v1 → loop-b-${tag} v1)`);
  });
});
