// Journey: an auditor can read the register but not change it.
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("an auditor sees no register button and gets 403 on /datasets/new", async ({ page }) => {
  await signIn(page, "auditor@canary.local");

  await page.goto("/datasets");
  await expect(page.getByRole("heading", { level: 1, name: "Datasets" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Datasets" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Register dataset/ })).toHaveCount(0);

  const response = await page.goto("/datasets/new");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByTestId("register-dataset-form")).toHaveCount(0);

  // The navigation hides what the role cannot open, and keeps what it can.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Datasets" })).toBeVisible();
});
