// Journey: the whole chain of issue 8, with real training, audits and scans (no fixtures). A
// compliance officer makes sure the default policy is the current one; an ML engineer registers a training and a holdout dataset, watches the automatic scans, sets a privacy
// budget and trains three versions of one model from the browser: v1 with DP at ε = 1, v2 without
// DP, v3 with DP at ε = 2; a membership-inference audit runs on each. A compliance officer rejects
// v2 and approves v1 and v3; the engineer promotes v1, then v3, to production. An admin tightens the
// policy to ε ≤ 1.5 and runs a scheduled re-audit now: drift, with v1 as the rollback target. The
// engineer rolls back through the scorecard's link; serving resolves v1; the audit log verifies.
// Screenshots of each step are kept as test artefacts (chain-NN-<step>.png).
//
// The data is built so that every grade is decided by the data, not by chance: each feature pattern
// appears twice in the training data and once in the holdout, so a model scores a member exactly as
// it scores the non-member with the same features. The membership attack then sits at chance for
// every version (AUC 0.5, no member above every non-member), whatever the noise of DP-SGD drew. The
// `contact` column is unique per row (so no holdout record duplicates a training record, and the
// declared preprocessing schema leaves it out) and holds a few e-mail addresses for the PII scan (medium
// severity: findings to show, none that blocks approval).
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { defaultPolicy } from "../lib/policy/index.ts";
import { asUser, registerAndUpload, rollBackFromDriftAlert, uniqueName } from "./support";

const REGIONS = ["north", "south", "east"];
const PLANS = ["basic", "pro", "team"];
const EMAILS = ["alice.martin@example.com", "bob.stone@example.org", "chloe.park@example.net", "dan.lee@example.com"];

/** Every (region, plan, tenure, support calls) pattern `copies` times; churned iff 3+ support calls. */
function customers(copies: number, prefix: string): string {
  const lines = ["contact,region,plan,tenure,support_calls,churned"];
  let row = 0;
  for (let copy = 0; copy < copies; copy++) {
    for (const region of REGIONS) {
      for (const plan of PLANS) {
        for (let tenure = 1; tenure <= 4; tenure++) {
          for (let calls = 0; calls <= 5; calls++) {
            const contact = prefix === "crm" && row % 100 === 7 ? EMAILS[Math.floor(row / 100)]! : `${prefix}-${String(row).padStart(4, "0")}`;
            lines.push(`${contact},${region},${plan},${tenure},${calls},${calls >= 3 ? "yes" : "no"}`);
            row++;
          }
        }
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

let shots = 0;
const shot = (page: Page, testInfo: TestInfo, step: string) =>
  page.screenshot({ path: testInfo.outputPath(`chain-${String(++shots).padStart(2, "0")}-${step}.png`), fullPage: true });

/** What the engineer declares about customers()'s columns: a DP run never fits its encoding on the private rows. */
const SCHEMA = {
  classes: ["no", "yes"],
  columns: [
    { name: "region", kind: "categorical", categories: REGIONS },
    { name: "plan", kind: "categorical", categories: PLANS },
    { name: "tenure", kind: "numeric", min: 1, max: 4 },
    { name: "support_calls", kind: "numeric", min: 0, max: 5 },
  ],
};

/** Starts a DP run from the training form and waits until it registers `version`. */
async function trainDp(page: Page, options: { model: string; dataset: string; holdout: string; epsilon: string; version: number }) {
  await page.goto(`/models/new?dataset=${options.dataset}&version=1`);
  await page.getByLabel("Model name").fill(options.model);
  await page.getByLabel("Target column").selectOption("churned");
  await page.getByLabel(/^Evaluation data/).selectOption({ label: `${options.holdout} v1` });
  await page.getByLabel("Hidden units").fill("4");
  await page.getByLabel("Epochs").fill("3");
  await page.getByLabel("Sample rate q").fill("0.1");
  await page.getByLabel("Target ε").fill(options.epsilon);
  await page.getByLabel("Preprocessing schema (JSON)").fill(JSON.stringify(SCHEMA));
  // The default policy asks for δ ≤ 1e-5; the form's default, 1/(10N), is larger for 432 rows.
  await page.getByLabel(/^δ/).fill("1e-5");
  // Calibration lands σ just under the target.
  const target = Number(options.epsilon);
  await expect(page.getByTestId("planned-epsilon")).toHaveText(new RegExp(`^(${(target - 0.01).toFixed(2)}|${target.toFixed(2)})`));
  await page.getByTestId("start-training").click();
  await expect(page).toHaveURL(new RegExp(`/models/${options.model}/runs/`));
  await expect(page.getByTestId("run-version")).toHaveText(`v${options.version}`, { timeout: 90_000 });
}

/** Starts a membership-inference audit of one version from the browser and waits for its report. */
async function audit(page: Page, model: string, version: number) {
  await page.goto(`/audits/new?model=${model}&version=${version}`);
  const form = page.getByRole("form", { name: "Audit a model version" });
  await expect(form.getByLabel("Attack")).toHaveValue("membership_inference");
  await form.getByRole("button", { name: "Start audit" }).click();
  await expect(page).toHaveURL(/\/audits\/(?!new$)[a-z0-9]+$/);
  // Ties by construction (see the top of the file): the attack is at chance.
  // The figure's value exactly (its label holds digits too), with or without its interval.
  const value = (testId: string) => page.getByTestId(testId).locator(".audit-figure-value");
  await expect(value("figure-auc")).toHaveText(/^0\.5(\s*\[[^\]]+\])?$/, { timeout: 90_000 });
  await expect(value("figure-tpr-0.001")).toHaveText(/^0%(\s*\[[^\]]+\])?$/);
}

/** JSON with sorted keys, to compare policy documents whatever order their keys were stored in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(value);
}

let officer: Page | undefined;
let policyToRestore: unknown;

// The policy is the organisation's, shared by every journey: put back the one this test found
// (or, when there was none, the default it saved).
test.afterAll(async () => {
  if (officer && policyToRestore) expect((await officer.request.post("/api/v1/policies", { data: { document: policyToRestore } })).status()).toBe(201);
});

test("the whole chain: data, DP training, audits, sign-off, promotion, drift, rollback, audit log", async ({ browser }, testInfo) => {
  test.setTimeout(6 * 60_000);
  const dataset = uniqueName("e2e-chain-customers");
  const holdout = uniqueName("e2e-chain-holdout");
  const model = uniqueName("churn-chain");

  // 0. Scorecards are graded against the organisation's policy. A fresh installation (the test
  //    database) has none until someone saves one, so the compliance officer saves the default
  //    policy first, unless it is already the current one.
  officer = await asUser(browser, "compliance@canary.local", "/policies");
  const policyEditor = officer.getByLabel("Policy document (JSON)");
  const found = JSON.parse(await policyEditor.inputValue()) as unknown;
  policyToRestore = canonical(found) === "{}" ? defaultPolicy() : found;
  if (canonical(found) !== canonical(defaultPolicy())) {
    const current = officer.getByRole("heading", { name: /^Edit the current version/ });
    const before = (await current.count()) === 0 ? 0 : Number((await current.textContent())!.match(/\(v(\d+)\)/)![1]);
    await policyEditor.fill(JSON.stringify(defaultPolicy(), null, 2));
    await officer.getByRole("button", { name: "Save as new version" }).click();
    // The page re-renders with the new current version (the first save replaces the empty state).
    await expect(officer.getByRole("heading", { name: `Edit the current version (v${before + 1})` })).toBeVisible();
  }
  await shot(officer, testInfo, "policy");

  // 1. The engineer registers the training data (432 rows, a few e-mails) and a holdout (216 rows)
  //    for commercial training under MIT; the four default scans run on their own.
  const engineer = await asUser(browser, "engineer@canary.local", "/datasets");
  await registerAndUpload(engineer, holdout, { intendedUse: "commercial_training", license: "MIT", fileName: "holdout.csv", csv: customers(1, "crm-h") });
  await registerAndUpload(engineer, dataset, { intendedUse: "commercial_training", license: "MIT", fileName: "customers.csv", csv: customers(2, "crm") });
  const scans = engineer.getByTestId("scans");
  await expect(scans.locator('li[data-status="completed"]')).toHaveCount(4, { timeout: 90_000 });
  const findings = engineer.getByRole("table", { name: "Findings" });
  await expect(findings.getByTestId("masked-sample").filter({ hasText: "a***@example.com" })).toBeVisible({ timeout: 15_000 });
  await expect(engineer.getByText("alice.martin@example.com")).toHaveCount(0);
  await expect(engineer.getByTestId("license-verdicts").getByRole("row").filter({ hasText: "Commercial model training" })).toContainText("compatible");

  // The owner sets the version's privacy budget in the dataset page's budget panel.
  const budget = engineer.getByTestId("budget-panel");
  await budget.getByLabel("Budget ε").fill("4");
  await budget.getByLabel("Budget δ").fill("1e-4");
  await budget.getByRole("button", { name: "Set budget" }).click();
  await expect(budget.getByTestId("budget-total")).toContainText("ε 4.00");
  // The DP runs train their non-private baseline too, and v2 trains without DP: on budgeted data that is
  // refused until a compliance officer (not the owner) allows it in the same panel.
  await expect(budget.getByTestId("allow-non-private")).toHaveCount(0);
  await officer.goto(`/datasets/${dataset}`);
  await officer.getByTestId("budget-panel").getByTestId("allow-non-private").click();
  await expect(officer.getByTestId("budget-non-private")).toContainText("allowed; 0 runs used this data without DP");
  await shot(engineer, testInfo, "dataset-scanned");

  // 2. Three versions of one model: v1 DP at ε = 1 (from the form), v2 without DP, v3 DP at ε = 2.
  await trainDp(engineer, { model, dataset, holdout, epsilon: "1", version: 1 });
  await shot(engineer, testInfo, "dp-training-v1");
  // The training form trains DP models only (its baseline checkbox trains a non-private twin for
  // comparison, not a version of its own): the non-private version is started through the same API
  // the form calls, with the engineer's session, and followed on its run page.
  const started = await engineer.request.post("/api/v1/training-runs", {
    data: {
      model,
      dataset: { name: dataset, version: 1 },
      eval: { name: holdout, version: 1 },
      target: "churned",
      config: { model: { kind: "mlp", hidden: [4] }, epochs: 3, learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, private: false },
    },
  });
  expect(started.status()).toBe(201);
  const { run } = (await started.json()) as { run: { id: string } };
  await engineer.goto(`/models/${model}/runs/${run.id}`);
  await expect(engineer.getByTestId("run-version")).toHaveText("v2", { timeout: 90_000 });
  await trainDp(engineer, { model, dataset, holdout, epsilon: "2", version: 3 });
  await engineer.goto(`/datasets/${dataset}`);
  // v1 and v3 compose by their RDP curves at the budget's δ: about 1.85 spent, not the 3 their ε sum to.
  await expect(engineer.getByTestId("budget-remaining")).toContainText(/ε 2\.1\d/);
  await expect(engineer.getByTestId("budget-summed")).toContainText(/ε (2\.9\d|3\.00)/);
  await expect(engineer.getByTestId("budget-non-private")).toContainText("3 runs used this data without DP");

  // 3. A membership-inference audit of each version, started from the browser.
  for (const version of [1, 2, 3]) await audit(engineer, model, version);
  await shot(engineer, testInfo, "audit-report");

  // 4. The compliance officer's home lists the three versions awaiting sign-off.
  await officer.goto(`/scorecards?q=${model}`);
  const queue = officer.getByRole("table", { name: "Scorecards" });
  for (const version of [1, 2, 3]) await expect(queue.getByRole("link", { name: `${model} v${version}` })).toBeVisible();
  await shot(officer, testInfo, "review-queue");

  // v2 declares no guarantee: graded F, it can only be rejected.
  await queue.getByRole("link", { name: `${model} v2` }).click();
  await expect(officer.getByTestId("no-guarantee")).toBeVisible();
  await expect(officer.getByTestId("used-without-dp")).toContainText("this data was also used without DP");
  await expect(officer.locator('[data-criterion="dp-epsilon"]')).toHaveAttribute("data-status", "fail");
  await expect(officer.locator('[data-criterion="mia-auc"]')).toHaveAttribute("data-status", "pass");
  await expect(officer.locator("[data-grade]").first()).toHaveText("F");
  await expect(officer.getByRole("button", { name: "Approve" })).toBeDisabled();
  await officer.getByLabel("Comment").fill("No formal DP guarantee: not for production");
  await officer.getByRole("button", { name: "Reject" }).click();
  await expect(officer.getByTestId("decisions")).toContainText("No formal DP guarantee");
  await shot(officer, testInfo, "v2-rejected");

  // v1 and v3: every required criterion passes on real evidence; approved.
  for (const [version, epsilon] of [[1, "1"], [3, "2"]] as const) {
    await officer.goto(`/scorecards?q=${model}`);
    await queue.getByRole("link", { name: `${model} v${version}` }).click();
    for (const id of ["dp-epsilon", "mia-auc", "mia-tpr-at-low-fpr", "empirical-epsilon", "pii-findings", "license"]) {
      await expect(officer.locator(`[data-criterion="${id}"]`)).toHaveAttribute("data-status", "pass");
    }
    await expect(officer.locator("[data-grade]").first()).not.toHaveText("F");
    await expect(officer.getByTestId("epsilon-beside-claim")).toHaveText(/^[\d.e-]+ ≤ [\d.]+$/);
    await officer.getByLabel("Comment").fill(`DP at ε = ${epsilon}, δ = 1e-5; membership attack at chance`);
    await officer.getByRole("button", { name: "Approve" }).click();
    await expect(officer.locator("[data-signoff]").first()).toHaveText("Approved");
    await shot(officer, testInfo, `v${version}-approved`);
  }

  // 5. The engineer promotes v1, then v3, to production.
  await engineer.goto("/deployments");
  const promoteForm = engineer.getByTestId("promote-form");
  for (const [version, message] of [[1, `production now runs ${model} v1`], [3, `production now runs ${model} v3 (was v1)`]] as const) {
    await promoteForm.getByLabel("Model").fill(model);
    await promoteForm.getByLabel("Version").fill(String(version));
    await promoteForm.getByLabel("Environment").selectOption("production");
    await promoteForm.getByLabel("Reason").fill(`Approved scorecard, release ${version}`);
    await promoteForm.getByRole("button", { name: "Promote" }).click();
    await expect(promoteForm.getByRole("status")).toContainText(message);
  }
  await expect(engineer.getByTestId("environment-production").locator(`[data-model="${model}"]`)).toContainText("v3");
  await shot(engineer, testInfo, "promoted");

  // 6. An admin tightens the policy to ε ≤ 1.5 (v3 no longer passes, v1 does) and runs a
  //    scheduled re-audit of production now: the fresh audit is graded, and drift is raised.
  const admin = await asUser(browser, "admin@canary.local", "/policies");
  const editor = admin.getByLabel("Policy document (JSON)");
  const policy = JSON.parse(await editor.inputValue()) as { criteria: { id: string; threshold?: number }[] };
  policy.criteria.find((c) => c.id === "dp-epsilon")!.threshold = 1.5;
  await editor.fill(JSON.stringify(policy, null, 2));
  await admin.getByRole("button", { name: "Save as new version" }).click();
  await expect(admin.getByTestId("policy-editor").getByRole("status")).toContainText("Saved as version");
  await expect(admin.getByTestId("policy-diff")).toContainText("tightened");
  await admin.goto("/schedules");
  const form = admin.getByTestId("create-schedule");
  await form.getByLabel("Kind").selectOption("reaudit");
  await form.getByLabel("Model").fill(model);
  await form.getByLabel("Environment").selectOption("production");
  await form.getByLabel("Cron (UTC)").fill("0 3 * * *");
  await form.getByRole("button", { name: "Create schedule" }).click();
  const row = admin.getByTestId("schedules-table").getByRole("row").filter({ hasText: model });
  await row.getByTestId("run-now").click();
  await expect(row.getByTestId("run-status")).toHaveText(/^completed/, { timeout: 120_000 });
  await expect(row.getByTestId("last-status")).toHaveText("drift");
  await shot(admin, testInfo, "scheduled-reaudit-drift");

  // The compliance officer's home shows the open alert on the deployed version.
  await officer.goto("/scorecards");
  await expect(officer.getByTestId("deployed-table").getByRole("row").filter({ hasText: `${model} v3` })).toContainText("1 open");
  await shot(officer, testInfo, "officer-sees-alert");

  // 7. The engineer reads the alert, follows it to v3's scorecard and rolls back to v1 from there.
  await rollBackFromDriftAlert(engineer, {
    model,
    from: 3,
    to: 1,
    criterion: "dp-epsilon",
    reason: "Drift: ε = 2 above the tightened 1.5",
    onAlert: () => shot(engineer, testInfo, "drift-alert"),
  });
  await shot(engineer, testInfo, "rolled-back");

  // Serving systems resolve v1 now.
  const resolved = await engineer.request.get(`/api/v1/models/${model}/deployments/production`);
  expect(await resolved.json()).toMatchObject({ model, version: 1, environment: "production" });

  // 8. Every decision is in the audit log, and the compliance officer verifies the chain.
  await officer.goto("/audit-log");
  await officer.getByTestId("verify-chain").click();
  await expect(officer.getByTestId("verify-result")).toContainText("Chain intact");
  await shot(officer, testInfo, "audit-log-verified");
});
