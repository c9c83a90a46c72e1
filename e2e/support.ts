// Helpers shared by the journeys in this folder (not a spec: Playwright only runs *.spec.ts).
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "canary-demo";

/** Signs in through the sign-in form, as a person would, and waits for the app shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, next = "/datasets"): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("user-menu")).toContainText(email);
}

/** Signs a request context in through next-auth's credentials callback, as the sign-in form does, and checks the session. */
export async function signInRequest(context: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true", callbackUrl: "/" }, maxRedirects: 0 });
  expect(response.status(), `signing in as ${email}`).toBeLessThan(400);
  expect((await context.get("/api/v1/me")).status(), `session for ${email}`).toBe(200);
}

/** A signed-in page in its own browser context (its own cookies), opened at `path`: one per user in a journey. */
export async function asUser(browser: Browser, email: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, undefined, path);
  await page.goto(path);
  return page;
}

/** A dataset name no other run (or concurrent test file) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Writes `content` to a fresh temporary file and returns its path. */
export function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "canary-e2e-"));
  const path = join(dir, name);
  writeFileSync(path, content, "utf8");
  return path;
}

/** Registers a dataset through the form and waits for its page (internal evaluation of proprietary data unless told). */
export async function registerDataset(page: Page, name: string, terms: { intendedUse?: string; license?: string } = {}): Promise<void> {
  await page.goto("/datasets/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel(/^Description/).fill("Customer support tickets, for the e2e journey");
  await page.getByLabel("Source").fill("Zendesk export, EU tenant");
  await page.getByLabel("Collection method").fill("Nightly API export");
  await page.getByLabel("Consent basis").selectOption("contract");
  await page.getByLabel("Intended use").selectOption(terms.intendedUse ?? "internal_evaluation");
  await page.getByLabel("License").fill(terms.license ?? "LicenseRef-proprietary");
  await page.getByRole("button", { name: "Register dataset" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${name}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

/** Registers a dataset for an intended use and license, uploads `csv` as version 1 and waits until it is ingested. */
export async function registerAndUpload(page: Page, name: string, options: { intendedUse: string; license: string; fileName: string; csv: string }): Promise<void> {
  await registerDataset(page, name, options);
  await page.getByTestId("upload-file").setInputFiles(tempFile(options.fileName, options.csv));
  await page.getByRole("button", { name: "Upload version" }).click();
  await expect(page.getByTestId("upload-done")).toContainText("Version 1 is ready", { timeout: 45_000 });
}

/**
 * The engineer's side of a drift alert: finds the alert for `model` v`from` in production naming
 * `criterion`, follows it to the scorecard (the criterion fails, the approval is invalidated) and
 * rolls back to v`to` through that version's link, giving `reason`. `onAlert` runs while the alert shows.
 */
export async function rollBackFromDriftAlert(
  page: Page,
  drift: { model: string; from: number; to: number; criterion: string; reason: string; onAlert?: () => Promise<unknown> },
): Promise<void> {
  await page.goto("/notifications?unread=true");
  const alert = page.locator('[data-kind="drift"]').filter({ hasText: `${drift.model} v${drift.from} in production` });
  await expect(alert).toContainText(drift.criterion);
  await expect(alert.getByTestId("suggested-rollback")).toHaveText(`Roll back to v${drift.to}`);
  await drift.onAlert?.();
  await alert.getByRole("link", { name: /^Drift:/ }).click();
  await expect(page.locator(`[data-criterion="${drift.criterion}"]`)).toHaveAttribute("data-status", "fail");
  await expect(page.getByTestId("approval-invalidated")).toBeVisible();
  await page.getByTestId("versions-table").locator(`[data-version="${drift.to}"]`).getByRole("link", { name: "Roll back production to this version" }).click();
  const rollbackForm = page.getByTestId("rollback-form");
  await expect(rollbackForm.getByLabel("Roll back to version")).toHaveValue(String(drift.to));
  await rollbackForm.getByLabel("Reason").fill(drift.reason);
  await rollbackForm.getByRole("button", { name: "Roll back" }).click();
  await expect(rollbackForm.getByRole("status")).toContainText(`production now runs ${drift.model} v${drift.to} (was v${drift.from})`);
  await expect(page.getByRole("table", { name: "Deployment history" })).toContainText(drift.reason);
}
