// Journey: a malformed CSV is refused with a message naming the line at fault.
import { expect, test } from "@playwright/test";
import { registerDataset, signIn, tempFile, uniqueName } from "./support";

// Line 3 has four fields where the header has three.
const MALFORMED = ["id,name,score", "1,alpha,0.5", "2,beta,0.7,unexpected", "3,gamma,0.9"].join("\n") + "\n";

test("a malformed CSV shows an error naming the line", async ({ page }) => {
  const name = uniqueName("e2e-malformed");
  await signIn(page, "engineer@canary.local");
  await registerDataset(page, name);

  await page.getByTestId("upload-file").setInputFiles(tempFile("broken.csv", MALFORMED));
  await page.getByRole("button", { name: "Upload version" }).click();

  // Refused either at upload (422) or by the ingest job; both name the line.
  const error = page.getByTestId("upload-error");
  await expect(error).toBeVisible({ timeout: 45_000 });
  await expect(error).toContainText(/line 3/i);
  await expect(page.getByTestId("upload-done")).toHaveCount(0);
});
