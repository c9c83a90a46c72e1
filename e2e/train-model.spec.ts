// Journey: an engineer uploads a small tabular CSV, sets a privacy budget on the version, starts a DP
// training run from the browser and watches it until ε reaches its target; the version appears in
// the registry with its guarantee, the remaining budget drops by the run's ε, and a run that would
// overspend what is left is refused with a clear message.
import { expect, test } from "@playwright/test";
import { asUser, registerDataset, signIn, tempFile, uniqueName } from "./support";

/** 200 rows, two classes separated by x; a categorical column too. Tiny: the run takes seconds. */
function csv(): string {
  const lines = ["x,y,segment,churned"];
  for (let i = 0; i < 200; i++) {
    const positive = i % 2 === 1;
    lines.push(`${((positive ? 1.5 : -1.5) + ((i * 13) % 7) / 7).toFixed(3)},${(((i * 29) % 5) / 5).toFixed(2)},${["a", "b", "c"][i % 3]},${positive ? "yes" : "no"}`);
  }
  return `${lines.join("\n")}\n`;
}

/** What the engineer declares about csv()'s columns: a DP run never fits ranges or categories on its private rows. */
const SCHEMA = {
  classes: ["no", "yes"],
  columns: [
    { name: "x", kind: "numeric", min: -2, max: 3 },
    { name: "y", kind: "numeric", min: 0, max: 1 },
    { name: "segment", kind: "categorical", categories: ["a", "b", "c"] },
  ],
};

test("an engineer trains a DP model within the dataset's budget and sees its guarantee", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const dataset = uniqueName("e2e-train");
  const model = uniqueName("churn-dp");
  await signIn(page, "engineer@canary.local");
  await registerDataset(page, dataset);
  await page.getByTestId("upload-file").setInputFiles(tempFile("customers.csv", csv()));
  await page.getByRole("button", { name: "Upload version" }).click();
  await expect(page.getByTestId("upload-done")).toContainText("Version 1 is ready", { timeout: 45_000 });

  // The owner sets the version's budget (the dataset page's budget panel calls this same API).
  const budgetUrl = `/api/v1/datasets/${dataset}/versions/1/budget`;
  expect((await page.request.put(budgetUrl, { data: { epsilon: 5, delta: 1e-3 } })).status()).toBe(200);
  // The run also trains its non-private baseline on the budgeted data: the owner may not allow that, a compliance officer may.
  expect((await page.request.put(`${budgetUrl}/non-private-use`, { data: { allowed: true } })).status()).toBe(403);
  const officer = await asUser(browser, "compliance@canary.local", `/datasets/${dataset}`);
  expect((await officer.request.put(`${budgetUrl}/non-private-use`, { data: { allowed: true } })).status()).toBe(200);
  await officer.context().close();

  // The form plans the run against the budget before it starts.
  await page.goto(`/models/new?dataset=${dataset}&version=1`);
  await page.getByLabel("Model name").fill(model);
  await page.getByLabel("Target column").selectOption("churned");
  await page.getByLabel("Hidden units").fill("4");
  await page.getByLabel("Epochs").fill("3");
  await page.getByLabel("Sample rate q").fill("0.1");
  await page.getByLabel("Target ε").fill("2");
  const plan = page.getByTestId("train-plan");
  // Without public data or a declared schema the run is refused, naming the options.
  await page.getByLabel("Feature ranges and categories").selectOption("public");
  await expect(plan).toContainText("refused: a private run cannot take feature ranges, means or categories from its private training rows");
  await expect(page.getByTestId("start-training")).toBeDisabled();
  await page.getByLabel("Feature ranges and categories").selectOption("declared");
  await page.getByLabel("Preprocessing schema (JSON)").fill(JSON.stringify(SCHEMA));
  await expect(plan.getByTestId("planned-epsilon")).toHaveText(/^1\.99|^2\.00/);
  await expect(plan.getByTestId("plan-budget")).toContainText(`${dataset} v1: ε 5.00 left of 5.00`);
  await page.getByTestId("start-training").click();

  // The live view: ε rises to its target, then the run registers a version.
  await expect(page).toHaveURL(new RegExp(`/models/${model}/runs/`));
  await expect(page.getByTestId("run-step")).toHaveText("30 / 30", { timeout: 60_000 });
  await expect(page.getByTestId("run-epsilon")).toContainText(/^(1\.99|2\.00) of (1\.99|2\.00) planned/);
  await expect(page.getByTestId("training-curves")).toBeVisible();
  // No evaluation set: the curves show ε; the batch loss, for the data owner, is labelled outside the guarantee.
  await expect(page.getByTestId("curves-scope")).toContainText("(ε, δ) covers the trained weights; the training-loss curve is not covered and is visible to the data owner only.");
  await expect(page.getByTestId("outside-guarantee-curve")).toContainText("outside the guarantee");
  await expect(page.getByTestId("run-version")).toHaveText("v1", { timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath("training-run.png"), fullPage: true });

  // The registry: the version with its formal guarantee and the baseline beside its metrics.
  await page.getByTestId("run-version").getByRole("link").click();
  await expect(page.getByTestId("version-guarantee")).toContainText("Formal (ε, δ)-DP");
  await expect(page.getByTestId("guarantee-scope")).toContainText("covers the trained weights and whatever is computed from them alone; the training-loss curve is not covered");
  await expect(page.getByTestId("version-guarantee")).toContainText("Poisson sampling rate q = 0.1, 30 steps");
  await expect(page.getByTestId("guarantee-badge")).toContainText(/ε = (1\.99|2\.00), δ = /);
  await expect(page.getByTestId("version-metrics")).toContainText("Non-private baseline");
  await expect(page.getByTestId("encoding-source")).toContainText("as the user declared them: fitted on no rows");
  await expect(page.getByTestId("artifact-sha256")).toContainText(/[0-9a-f]{16}…/);
  await page.goto("/models");
  await expect(page.getByRole("link", { name: model })).toBeVisible();

  // The artifact is served as tfjs files; re-uploaded as an external model with a declared ε, it is
  // validated by loading and marked "declared, not verified". A model.json without its weights is refused.
  const artifact = `/api/v1/models/${model}/versions/1/artifact`;
  const modelJson = await (await page.request.get(`${artifact}/model.json`)).body();
  expect(JSON.parse(modelJson.toString()).weightsManifest[0].paths).toEqual(["weights.bin"]);
  const weights = await (await page.request.get(`${artifact}/weights.bin`)).body();
  const external = uniqueName("external");
  const uploaded = await page.request.post(`/api/v1/models/${external}/versions`, {
    multipart: {
      model: { name: "model.json", mimeType: "application/json", buffer: modelJson },
      weights: { name: "weights.bin", mimeType: "application/octet-stream", buffer: weights },
      metadata: JSON.stringify({ declaredGuarantee: { epsilon: 1, delta: 1e-6 } }),
    },
  });
  expect(uploaded.status()).toBe(201);
  expect((await uploaded.json()).guarantee).toMatchObject({
    status: "declared",
    source: "declared",
    epsilon: 1,
    scope: "(ε = 1.00, δ = 1e-6) is declared by the uploader and not verified by Canary, so no policy counts it as a guarantee.",
  });
  const missing = await page.request.post(`/api/v1/models/${external}/versions`, { multipart: { model: { name: "model.json", mimeType: "application/json", buffer: modelJson } } });
  expect(missing.status()).toBe(422);
  expect((await missing.json()).error.message).toBe('the weights file "weights.bin" named in model.json was not uploaded');
  await page.goto(`/models/${external}/versions/1`);
  await expect(page.getByTestId("guarantee-badge")).toContainText("(declared, not verified)");
  await expect(page.getByTestId("guarantee-scope")).toContainText("is declared by the uploader and not verified by Canary");

  // The ledger: one entry with the run's ε; the budget left has dropped by it.
  const budget = await (await page.request.get(budgetUrl)).json();
  expect(budget.ledger).toHaveLength(1);
  expect(budget.ledger[0].epsilon).toBeGreaterThan(1.98);
  // The budget charges the run's mechanism (σ, q, 30 steps) at its own δ, 1e-3, above the run's 1/(10N) = 5e-4: less than the run's ε.
  expect(budget.ledger[0].sgmRuns).toEqual([expect.objectContaining({ sampleRate: 0.1, steps: 30 })]);
  expect(budget.uses[0].spent.epsilon).toBeLessThan(budget.ledger[0].epsilon);
  expect(budget.uses[0].remaining.epsilon).toBeCloseTo(5 - budget.uses[0].spent.epsilon, 9);

  // What is left (about 3.2) cannot pay for ε = 6: the form refuses before starting, and so does the API.
  await page.goto(`/models/new?dataset=${dataset}&version=1`);
  await page.getByLabel("Model name").fill(model);
  await page.getByLabel("Target column").selectOption("churned");
  await page.getByLabel("Target ε").fill("6");
  await page.getByLabel("Preprocessing schema (JSON)").fill(JSON.stringify(SCHEMA));
  await expect(plan.getByTestId("plan-budget")).toContainText(/ε 3\.1\d left of 5\.00/);
  await expect(plan.getByTestId("plan-refusal")).toContainText(/over budget: the run would spend ε = (5\.99|6\.00), but .* v1 has ε = 3\.1\d left of its budget ε = 5\.00 \(RDP composition at δ = 1\.00e-3/);
  await expect(page.getByTestId("start-training")).toBeDisabled();
  const refused = await page.request.post("/api/v1/training-runs", {
    data: { model, dataset: { name: dataset, version: 1 }, target: "churned", schema: SCHEMA, config: { model: { kind: "logistic" }, epochs: 3, learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, targetEpsilon: 6 } },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toMatch(/^over budget/);
});
