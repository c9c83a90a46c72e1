// Journey: an ML engineer registers a dataset, uploads a CSV, watches ingestion finish, and finds
// the dataset in the register.
import { expect, test } from "@playwright/test";
import { registerDataset, signIn, tempFile, uniqueName } from "./support";

const CSV = ["ticket_id,created_at,channel,resolved", "1,2026-01-02,email,true", "2,2026-01-03,chat,false", "3,2026-01-04,phone,true"].join("\n") + "\n";

test("register a dataset, upload a version, see it ingested and listed", async ({ page }) => {
  const name = uniqueName("e2e-tickets");
  await signIn(page, "engineer@canary.local");
  // Navigation shows only what the role may open: engineers have no audit-log permission.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Datasets" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);

  await registerDataset(page, name);

  // Provenance as registered, with human labels.
  const provenance = page.getByTestId("provenance");
  await expect(provenance).toContainText("Zendesk export, EU tenant");
  await expect(provenance).toContainText("Contract");
  await expect(provenance).toContainText("Internal evaluation");
  await expect(page.getByText("No versions yet")).toBeVisible();

  // Upload: the file streams, then the ingest job is followed live until it completes.
  await page.getByTestId("upload-file").setInputFiles(tempFile("tickets.csv", CSV));
  await page.getByRole("button", { name: "Upload version" }).click();
  await expect(page.getByTestId("upload-done")).toContainText("Version 1 is ready", { timeout: 45_000 });

  // The versions table shows v1 as ready with its row count (3 data rows; the header is not a row).
  const versions = page.getByRole("table", { name: "Versions" });
  const row = versions.getByRole("row").filter({ hasText: "tickets.csv" });
  await expect(row).toContainText("v1");
  await expect(row.locator('[data-status="ready"]')).toBeVisible();
  await expect(row.getByRole("cell").nth(3)).toHaveText("3");
  await expect(page.getByTestId("column-schema")).toContainText("ticket_id");

  // The register lists it; a filter by its name finds exactly this one.
  await page.goto("/datasets");
  await page.getByLabel("Search datasets").fill(name);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${name}`));
  const table = page.getByRole("table", { name: "Datasets" });
  await expect(table.getByRole("link", { name })).toBeVisible();
  await expect(page.getByTestId("table-range")).toHaveText("1–1 of 1 datasets");
  const listed = table.getByRole("row").filter({ hasText: name });
  await expect(listed).toContainText("v1");
  await expect(listed.locator('[data-status="ready"]')).toBeVisible();

  // The filtered view is shareable: reloading the URL shows the same result.
  await page.reload();
  await expect(table.getByRole("link", { name })).toBeVisible();
});
