// Journey: sign-off, promotion, drift and rollback. A model has three graded versions (v1 approved
// and in production; v2 without DP; v3 with DP). A compliance officer rejects v2 and approves v3
// from the review queue; the engineer promotes v3 to production; an admin tightens the policy and
// runs the scheduled regrade, which raises a drift alert with v1 as the rollback target; the
// engineer rolls back through the scorecard's link; the audit log verifies.
// Screenshots of each step are kept as test artefacts (step-N.png).
import { execFileSync } from "node:child_process";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { asUser, rollBackFromDriftAlert } from "./support";

function fixtures(command: "setup" | "restore-policy"): { model?: string } {
  const out = execFileSync(process.execPath, ["--import", "tsx", "e2e/scorecard-fixtures.ts", command], { encoding: "utf8", env: process.env });
  return JSON.parse(out.trim().split("\n").at(-1)!) as { model?: string };
}

let step = 0;
const shot = (page: Page, testInfo: TestInfo) => page.screenshot({ path: testInfo.outputPath(`step-${++step}.png`), fullPage: true });

test.afterAll(() => void fixtures("restore-policy"));

test("compliance sign-off, promotion, drift alert and rollback", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const { model } = fixtures("setup");

  // 1. The compliance officer's home: v2 and v3 await sign-off; v1 runs in production.
  const officer = await asUser(browser, "compliance@canary.local", `/scorecards?q=${model}`);
  const queue = officer.getByRole("table", { name: "Scorecards" });
  await expect(queue.getByRole("link", { name: `${model} v2` })).toBeVisible();
  await expect(queue.getByRole("link", { name: `${model} v3` })).toBeVisible();
  await expect(officer.getByTestId("deployed-table")).toContainText(`${model} v1`);
  await shot(officer, testInfo);

  // 2. v2 declares no guarantee and fails: it cannot be approved, only rejected.
  await queue.getByRole("link", { name: `${model} v2` }).click();
  await expect(officer.getByTestId("no-guarantee")).toBeVisible();
  await expect(officer.getByTestId("guarantee-scope")).toHaveText("No DP guarantee: nothing bounds what this model reveals about its training records.");
  await expect(officer.locator('[data-criterion="dp-epsilon"]')).toHaveAttribute("data-status", "fail");
  await expect(officer.locator("[data-grade]").first()).toHaveText("F");
  await expect(officer.getByRole("button", { name: "Approve" })).toBeDisabled();
  await officer.getByLabel("Comment").fill("No formal guarantee and AUC 0.71: not private");
  await officer.getByRole("button", { name: "Reject" }).click();
  await expect(officer.getByTestId("decisions")).toContainText("No formal guarantee and AUC 0.71");
  await shot(officer, testInfo);

  // 3. v3: DP at ε = 2.5, measured ε lower bound beside the claim; approved.
  await officer.goto(`/scorecards?q=${model}`);
  await queue.getByRole("link", { name: `${model} v3` }).click();
  await expect(officer.getByTestId("epsilon-beside-claim")).toHaveText("1.1 ≤ 2.5");
  await expect(officer.getByTestId("guarantee-source")).toHaveText("Canary's accountant");
  await expect(officer.getByTestId("guarantee-scope")).toContainText("(ε = 2.50, δ = 1e-5), computed by Canary's RDP accountant over the training run it executed, covers the trained weights");
  await officer.getByLabel("Comment").fill("ε = 2.5 at δ = 1e-5; audit AUC 0.53 within policy");
  await officer.getByRole("button", { name: "Approve" }).click();
  await expect(officer.locator("[data-signoff]").first()).toHaveText("Approved");
  await shot(officer, testInfo);

  // 4. The engineer promotes v3 to production.
  const engineer = await asUser(browser, "engineer@canary.local", "/deployments");
  const promoteForm = engineer.getByTestId("promote-form");
  await promoteForm.getByLabel("Model").fill(model!);
  await promoteForm.getByLabel("Version").fill("3");
  await promoteForm.getByLabel("Environment").selectOption("production");
  await promoteForm.getByLabel("Reason").fill("Better utility, approved");
  await promoteForm.getByRole("button", { name: "Promote" }).click();
  await expect(promoteForm.getByRole("status")).toContainText(`production now runs ${model} v3 (was v1)`);
  await expect(engineer.getByTestId("environment-production").locator(`[data-model="${model}"]`)).toContainText("v3");
  await shot(engineer, testInfo);

  // 5. An admin tightens the policy (AUC ≤ 0.52) and runs the scheduled check now: drift.
  const admin = await asUser(browser, "admin@canary.local", "/policies");
  const editor = admin.getByLabel("Policy document (JSON)");
  const policy = JSON.parse(await editor.inputValue()) as { criteria: { id: string; threshold?: number }[] };
  const auc = policy.criteria.findIndex((c) => c.id === "mia-auc");
  // A bad value is refused with the JSON path of the problem.
  policy.criteria[auc]!.threshold = 2;
  await editor.fill(JSON.stringify(policy, null, 2));
  await admin.getByRole("button", { name: "Save as new version" }).click();
  await expect(admin.getByTestId("policy-error")).toContainText(`$.criteria[${auc}].threshold:`);
  policy.criteria[auc]!.threshold = 0.52;
  await editor.fill(JSON.stringify(policy, null, 2));
  await admin.getByRole("button", { name: "Save as new version" }).click();
  await expect(admin.getByTestId("policy-editor").getByRole("status")).toContainText("Saved as version");
  await expect(admin.getByTestId("policy-diff")).toContainText("tightened");
  await admin.goto("/schedules");
  const form = admin.getByTestId("create-schedule");
  // A regrade: the fixture's versions have no real artifact to re-audit (see scorecard-fixtures.ts).
  await form.getByLabel("Kind").selectOption("regrade");
  await form.getByLabel("Model").fill(model!);
  await form.getByLabel("Environment").selectOption("production");
  await form.getByLabel("Cron (UTC)").fill("0 3 * * *");
  await form.getByRole("button", { name: "Create schedule" }).click();
  const row = admin.getByTestId("schedules-table").getByRole("row").filter({ hasText: model });
  await row.getByTestId("run-now").click();
  await expect(row.getByTestId("run-status")).toHaveText(/^completed/, { timeout: 60_000 });
  await expect(row.getByTestId("last-status")).toHaveText("drift");
  await shot(admin, testInfo);

  // 6. The engineer sees the alert, follows it to the scorecard and rolls back to v1 from there.
  await rollBackFromDriftAlert(engineer, {
    model: model!,
    from: 3,
    to: 1,
    criterion: "mia-auc",
    reason: "Drift: AUC above the tightened 0.52",
    onAlert: () => shot(engineer, testInfo),
  });
  await shot(engineer, testInfo);

  // 7. Serving systems resolve v1 now; every decision is in the audit log, and the chain holds.
  const resolved = await engineer.request.get(`/api/v1/models/${model}/deployments/production`);
  expect(await resolved.json()).toMatchObject({ model, version: 1, environment: "production", artifact: { url: expect.stringContaining(`/api/v1/models/${model}/versions/1/artifact/model.json`) } });
  const verify = await admin.request.get("/api/v1/audit-log/verify");
  expect(await verify.json()).toMatchObject({ ok: true });
  await admin.goto("/audit-log");
  await shot(admin, testInfo);
});
