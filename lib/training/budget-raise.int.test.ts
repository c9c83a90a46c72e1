// Separation of duties on privacy budgets (issue 13, item 10): a dataset's owner sets a first budget
// or lowers it, but raising it takes a compliance officer or an admin who does not own the dataset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/index.ts";
import { uploadDatasetVersion } from "../datasets/index.ts";
import { createTestDataset, createTestPrincipal, streamOf, uniqueCsv } from "../datasets/datasets.test-support.ts";
import { createDb } from "../db/index.ts";
import { closeQueues } from "../queue/index.ts";
import { setDatasetBudget } from "./dataset-budget.ts";

process.env.CANARY_QUEUE_PREFIX = "t_budget_raise";
const db = createDb();
let engineer: Principal;
let adminOwner: Principal;
let otherEngineer: Principal;
let officer: Principal;
let admin: Principal;

async function versionOf(owner: Principal) {
  const dataset = await createTestDataset(db, owner, "budget-raise");
  const { version } = await uploadDatasetVersion(db, owner, { datasetName: dataset.name, filename: "rows.csv", stream: streamOf(uniqueCsv(5)) });
  return { name: dataset.name, version: version.version };
}

beforeAll(async () => {
  [engineer, adminOwner, otherEngineer, officer, admin] = await Promise.all(
    (["ml_engineer", "admin", "ml_engineer", "compliance_officer", "admin"] as const).map((role) => createTestPrincipal(db, role)),
  );
});
afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

const separation = { code: "forbidden", message: expect.stringContaining("separation of duties") };

describe("setDatasetBudget, separation of duties", () => {
  it("lets the owner set a first budget and lower it, but not raise ε or δ, even as an admin", async () => {
    for (const owner of [engineer, adminOwner]) {
      const { name, version } = await versionOf(owner);
      await expect(setDatasetBudget(db, owner, name, version, { epsilon: 4, delta: 1e-5 })).resolves.toMatchObject({ uses: [expect.objectContaining({ budget: expect.objectContaining({ epsilon: 4 }) })] });
      await expect(setDatasetBudget(db, owner, name, version, { epsilon: 3, delta: 1e-5 })).resolves.toBeDefined();
      await expect(setDatasetBudget(db, owner, name, version, { epsilon: 5, delta: 1e-5 }), owner.roles[0]).rejects.toMatchObject(separation);
      await expect(setDatasetBudget(db, owner, name, version, { epsilon: 3, delta: 1e-4 }), owner.roles[0]).rejects.toMatchObject(separation);
      await expect(setDatasetBudget(db, { ...otherEngineer, via: "token", tokenCreatedById: owner.userId }, name, version, { epsilon: 5, delta: 1e-5 })).rejects.toMatchObject(separation);
    }
  });

  it("lets a compliance officer or an admin who does not own the dataset raise it; other engineers set nothing", async () => {
    const { name, version } = await versionOf(engineer);
    await setDatasetBudget(db, engineer, name, version, { epsilon: 1, delta: 1e-5 });
    await expect(setDatasetBudget(db, otherEngineer, name, version, { epsilon: 0.5, delta: 1e-5 })).rejects.toThrow(/only the owner of dataset .* or an admin/);
    await expect(setDatasetBudget(db, officer, name, version, { epsilon: 2, delta: 1e-5 })).resolves.toMatchObject({ uses: [expect.objectContaining({ budget: expect.objectContaining({ epsilon: 2 }) })] });
    await expect(setDatasetBudget(db, admin, name, version, { epsilon: 3, delta: 1e-4 })).resolves.toMatchObject({ uses: [expect.objectContaining({ budget: expect.objectContaining({ epsilon: 3 }) })] });
  });
});
