// Journey: an engineer uploads a CSV holding personal data; the default scans run on their own and
// the findings appear masked. A compliance officer filters them, unmasks one, and triages it as a
// false positive with a reason, which the audit log records. An auditor sees only masked values and
// no triage. Then lineage: a derived v2 and the graph walked both ways.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { registerDataset, signIn, tempFile, uniqueName } from "./support";

// A valid-Luhn test card, a valid-range SSN and emails; the header is not a row.
const CSV =
  [
    "id,name,email,card,ssn,note",
    "0,Alice Martin,alice.martin@example.com,4111 1111 1111 1111,536-22-1457,called about her order",
    "1,Bob Stone,bob.stone@example.org,,,asked for a refund",
    "2,Chloe Park,chloe.park@example.net,,,no reply yet",
  ].join("\n") + "\n";

async function asUser(browser: Browser, email: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, undefined, path);
  await page.goto(path);
  return page;
}

test("scans run on upload, findings are masked, a compliance officer triages one", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const name = uniqueName("e2e-pii");
  await signIn(page, "engineer@canary.local");
  await registerDataset(page, name);

  await page.getByTestId("upload-file").setInputFiles(tempFile("customers.csv", CSV));
  await page.getByRole("button", { name: "Upload version" }).click();
  await expect(page.getByTestId("upload-done")).toContainText("Version 1 is ready", { timeout: 45_000 });

  // The four default scans appear with their status, and finish on their own.
  const scans = page.getByTestId("scans");
  for (const kind of ["pii", "duplicates", "reid", "license"]) await expect(scans.locator(`[data-kind="${kind}"]`)).toBeVisible({ timeout: 30_000 });
  await expect(scans.locator('li[data-status="completed"]')).toHaveCount(4, { timeout: 60_000 });

  // Findings, masked: the card's last four, the SSN's last four, an email's first letter and domain.
  const findings = page.getByRole("table", { name: "Findings" });
  await expect(findings.getByTestId("masked-sample").filter({ hasText: "**** **** **** 1111" })).toBeVisible({ timeout: 15_000 });
  await expect(findings.getByTestId("masked-sample").filter({ hasText: "***-**-1457" })).toBeVisible();
  await expect(findings.getByTestId("masked-sample").filter({ hasText: "a***@example.com" })).toBeVisible();
  await expect(page.getByText("alice.martin@example.com")).toHaveCount(0);
  await expect(page.getByTestId("column-classification")).toContainText("EMAIL_ADDRESS");

  // A compliance officer filters to the card finding, unmasks it, and triages it.
  const officer = await asUser(browser, "compliance@canary.local", `/datasets/${name}`);
  await officer.getByRole("combobox", { name: "Type" }).selectOption("CREDIT_CARD");
  const officerFindings = officer.getByRole("table", { name: "Findings" });
  await expect(officerFindings.getByRole("row")).toHaveCount(2); // header + the card
  const cardRow = officerFindings.getByRole("row").filter({ hasText: "CREDIT_CARD" });
  await cardRow.getByRole("button", { name: "Unmask" }).click();
  await expect(cardRow.getByRole("button", { name: "4111 1111 1111 1111" })).toBeVisible();
  await cardRow.getByRole("button", { name: "Triage" }).click();
  const dialog = officer.getByTestId("triage-dialog");
  await dialog.getByLabel("Status").selectOption("false_positive");
  await dialog.getByLabel("Reason").fill("Visa test number from the payment sandbox");
  await dialog.getByRole("button", { name: "Save triage" }).click();
  await expect(dialog).toBeHidden();
  await expect(cardRow.getByTestId("finding-status")).toHaveText("False positive");
  await officer.getByRole("combobox", { name: "Status", exact: true }).selectOption("false_positive");
  await expect(officerFindings.getByRole("row")).toHaveCount(2);
  await officer.screenshot({ path: testInfo.outputPath("dataset-governance.png"), fullPage: true });

  // The audit log records the triage, without the value.
  await officer.goto("/audit-log?action=finding.triage");
  const entry = officer.getByRole("row").filter({ hasText: name });
  await expect(entry).toContainText("finding.triage");
  await expect(entry).toContainText("false_positive");
  await expect(entry).not.toContainText("4111");

  // An auditor reads findings masked, with neither triage nor unmask.
  const auditor = await asUser(browser, "auditor@canary.local", `/datasets/${name}`);
  const auditorFindings = auditor.getByRole("table", { name: "Findings" });
  await expect(auditorFindings.getByTestId("masked-sample").filter({ hasText: "**** **** **** 1111" })).toBeVisible();
  await expect(auditorFindings.getByRole("button", { name: "Triage" })).toHaveCount(0);
  await expect(auditorFindings.getByRole("button", { name: "Unmask" })).toHaveCount(0);
  await expect(auditor.getByText("4111 1111 1111 1111")).toHaveCount(0);
});

test("a derived version joins the lineage graph, which walks both ways", async ({ page }) => {
  test.setTimeout(120_000);
  const name = uniqueName("e2e-lineage");
  await signIn(page, "engineer@canary.local");
  await registerDataset(page, name);
  await page.getByTestId("upload-file").setInputFiles(tempFile("v1.csv", "id,text\n1,first\n2,second\n"));
  await page.getByRole("button", { name: "Upload version" }).click();
  await expect(page.getByTestId("upload-done")).toContainText("Version 1 is ready", { timeout: 45_000 });

  await page.getByTestId("upload-file").setInputFiles(tempFile("v2.csv", "id,text\n1,first\n"));
  await page.getByRole("checkbox", { name: /v1/ }).check();
  await page.getByLabel("Transformation").fill("dropped the second row");
  await page.getByRole("button", { name: "Upload version" }).click();
  await expect(page.getByTestId("upload-done")).toContainText("Version 2 is ready", { timeout: 45_000 });

  await page.goto(`/datasets/${name}?version=2`);
  const graph = page.getByTestId("lineage-graph");
  await expect(graph.getByTestId("lineage-node")).toHaveCount(2);
  await expect(graph).toContainText("dropped the sec");
  // Walk to the parent: the graph re-centres on v1 and still shows its child.
  await graph.getByRole("link", { name: `${name} v1` }).click();
  await expect(page).toHaveURL(new RegExp(`version=1$`));
  await expect(page.getByTestId("lineage-graph").getByTestId("lineage-node")).toHaveCount(2);
  await page.getByTestId("lineage-graph").getByRole("link", { name: `${name} v2` }).click();
  await expect(page).toHaveURL(new RegExp(`version=2$`));
  // License verdicts per use, inherited through the lineage.
  await expect(page.getByTestId("license-verdicts")).toContainText("Internal evaluation");
});
