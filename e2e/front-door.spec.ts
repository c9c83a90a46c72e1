// The front door in a real browser: pages run under the nonce Content-Security-Policy, cannot be
// framed, refuse cross-origin mutations from a session, throttle password guessing with a clear
// message, and scorecard PDFs print (several at once) from the shared browser.
import { execFileSync } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { asUser, signIn } from "./support";

test("pages run under the Content-Security-Policy, without violations, and cannot be framed", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, "engineer@canary.local");
  const response = await page.goto("/datasets");
  const policy = response!.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");
  // Client components run: the user menu opens on click (React state).
  await page.getByTestId("user-menu").click();
  await expect(page.getByTestId("user-menu")).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("link", { name: "Settings and API tokens" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a session's mutation from another origin is refused; the same call from Canary's origin is judged on its body", async ({ browser }) => {
  const page = await asUser(browser, "engineer@canary.local", "/datasets");
  const foreign = await page.request.post("/api/v1/datasets", { data: {}, headers: { origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.message).toMatch(/^cross-origin request refused/);
  const own = await page.request.post("/api/v1/datasets", { data: {}, headers: { origin: new URL(page.url()).origin } });
  expect(own.status()).toBe(422);
});

test("five failed sign-ins lock the account with a clear message; another address and account are unaffected", async ({ browser }) => {
  // A made-up account and a documentation address (no proxy is configured, so the right-most
  // X-Forwarded-For entry is the client): the demo accounts and 127.0.0.1 stay unlocked for other journeys.
  const address = `198.51.100.${randomInt(1, 255)}`;
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await context.newPage();
  const email = `nobody-${randomUUID().slice(0, 8)}@canary.local`;
  await page.goto("/signin");
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess-${attempt}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const expected = attempt <= 5 ? "Email or password is incorrect" : "Too many failed sign-ins for this account or from this address. Try again in 1 minute.";
    await expect(page.getByTestId("signin-error")).toContainText(expected);
  }
  await context.close();

  // The address is locked too, but only that address: a person elsewhere signs in as usual.
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${randomInt(1, 255)}` } });
  await signIn(await elsewhere.newPage(), "auditor@canary.local");
  await elsewhere.close();
});

test("scorecard PDFs print, several at once", async ({ browser }) => {
  test.setTimeout(120_000);
  const out = execFileSync(process.execPath, ["--import", "tsx", "e2e/scorecard-fixtures.ts", "setup"], { encoding: "utf8", env: process.env });
  const { model } = JSON.parse(out.trim().split("\n").at(-1)!) as { model: string };
  const page = await asUser(browser, "auditor@canary.local", `/scorecards?q=${model}`);
  const list = (await (await page.request.get(`/api/v1/scorecards?q=${model}`)).json()) as { items: { id: string }[] };
  expect(list.items.length).toBeGreaterThanOrEqual(3);
  const answers = await Promise.all(list.items.map((card) => page.request.get(`/api/v1/scorecards/${card.id}/export?format=pdf`)));
  for (const answer of answers) {
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("application/pdf");
    expect((await answer.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }
});
