// THE leak crawl (issue 13, item 3): a file of unique planted personal data is uploaded, ingested and
// scanned by the running worker (e2e/leak-fixtures.ts); then, as every role without `pii.unmasked`,
// every page and GET API route that role may reach (lib/auth/route-permissions.ts) is fetched with the
// planted dataset's real ids, plus the record pairs the scans name, the scorecard's JSON and PDF exports,
// and no answer may hold a planted value. The web and worker logs and every Job, Scan, Finding and
// audit-log row are searched too. The detector is shown to fire when masking is off twice: here, on the
// same record pairs read by an admin (unmasked), and in lib/findings/planted-pii.int.test.ts, where the
// same views with maskRecord switched off expose every planted value.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { can, ROUTE_PERMISSIONS, type RouteAccess } from "../lib/auth/index.ts";
import type { Role } from "../lib/db/index.ts";
import { DUPLICATE_ROWS, findPlantedValues } from "../lib/findings/planted-pii.test-support.ts";
import { signInRequest } from "./support";

interface Planted {
  dataset: string;
  versions: Record<"1" | "2", string>;
  model: string;
  scorecardId: string;
  token: string;
  scanIds: string[];
  jobIds: string[];
}

function fixtures<T>(command: "setup" | "rows"): T {
  const out = execFileSync(process.execPath, ["--import", "tsx", "e2e/leak-fixtures.ts", command], { encoding: "utf8", env: process.env, maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out) as T;
}

/** The roles without pii.unmasked that people sign in with, and the service account (API token only). */
const CRAWLERS: { role: Role; email?: string }[] = [
  { role: "ml_engineer", email: "engineer@canary.local" },
  { role: "auditor", email: "auditor@canary.local" },
  { role: "service" },
];

let baseURL: string;
let planted: Planted;
const contexts: APIRequestContext[] = [];

async function newContext(options: Parameters<typeof playwrightRequest.newContext>[0] = {}): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL, ...options });
  contexts.push(context);
  return context;
}

async function signedIn(email: string): Promise<APIRequestContext> {
  const context = await newContext();
  await signInRequest(context, email);
  return context;
}

/** Record pairs the scans name: the duplicate pair, every contamination, and each finding's record beside a duplicate. */
async function namedPairs(context: APIRequestContext): Promise<URLSearchParams[]> {
  const pairs = [new URLSearchParams({ a: DUPLICATE_ROWS[0], b: DUPLICATE_ROWS[1] })];
  const findings = (await (await context.get(`/api/v1/findings?datasetVersionId=${planted.versions[1]}&pageSize=200`)).json()) as { items: { type: string; location: Record<string, string> }[] };
  expect(findings.items.length).toBeGreaterThan(100);
  const records = new Set<string>();
  for (const { type, location } of findings.items) {
    if (type === "CONTAMINATION") pairs.push(new URLSearchParams({ a: location.record!, b: location.otherRecord!, otherVersionId: location.otherVersionId! }));
    else if (location.record) records.add(location.record);
  }
  for (const record of records) pairs.push(new URLSearchParams({ a: record, b: DUPLICATE_ROWS[0] }));
  return pairs;
}

/** The concrete URLs of one route pattern for the planted dataset: every id it has, every query it takes. */
function urlsOf(pattern: string, pairs: URLSearchParams[]): string[] {
  const byPattern: Record<string, string[]> = {
    "/api/v1/findings": Object.values(planted.versions).map((id) => `/api/v1/findings?datasetVersionId=${id}&pageSize=200`),
    "/api/v1/jobs": ["/api/v1/jobs?pageSize=200"],
    "/api/v1/audit-log": ["/api/v1/audit-log?pageSize=200"],
    "/api/v1/scorecards/[id]/export": ["json", "pdf"].map((format) => `/api/v1/scorecards/${planted.scorecardId}/export?format=${format}`),
    "/datasets/[name]": ["1", "2"].map((version) => `/datasets/${planted.dataset}?version=${version}`),
  };
  if (byPattern[pattern]) return byPattern[pattern];
  const values: Record<string, string[]> = {
    name: [pattern.includes("/models/") ? planted.model : planted.dataset],
    version: pattern.includes("/models/") ? ["1"] : ["1", "2"],
    id: pattern.includes("/scans/") ? planted.scanIds : pattern.includes("/jobs/") ? planted.jobIds : pattern.includes("scorecards/") ? [planted.scorecardId] : ["leak-crawl-missing"],
    environment: ["production"],
    nextauth: ["session"],
  };
  let urls = [pattern];
  for (const param of pattern.match(/\[(?:\.\.\.)?\w+\]/g) ?? []) {
    const name = param.replace(/[[\].]/g, "");
    urls = urls.flatMap((url) => (values[name] ?? ["leak-crawl-missing"]).map((value) => url.replace(param, encodeURIComponent(value))));
  }
  if (pattern.endsWith("/record-pair")) return urls.flatMap((url) => pairs.map((pair) => `${url}?${pair}`));
  return urls;
}

test.describe("leak crawl", () => {
  // Not serial: after a failure Playwright starts a fresh worker (beforeAll plants again), so every role is still crawled.
  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(240_000);
    baseURL = String(testInfo.project.use.baseURL);
    planted = fixtures<Planted>("setup");
  });

  test.afterAll(async () => {
    await Promise.all(contexts.map((c) => c.dispose()));
  });

  test("the detector sees planted values where they may be shown: record pairs read by an admin", async () => {
    const admin = await signedIn("admin@canary.local");
    const pairs = await namedPairs(admin);
    const url = `/api/v1/datasets/${planted.dataset}/versions/1/record-pair?${pairs[0]}`;
    const response = await admin.get(url);
    expect(response.status(), await response.text()).toBe(200);
    expect(findPlantedValues(await response.text()).length, "the duplicate pair, unmasked").toBeGreaterThan(5);
  });

  for (const crawler of CRAWLERS) {
    test(`as ${crawler.role}: no planted value in any page, API answer or export`, async () => {
      test.setTimeout(300_000);
      const context = crawler.email ? await signedIn(crawler.email) : await newContext({ extraHTTPHeaders: { authorization: `Bearer ${planted.token}` } });
      const may = (access: RouteAccess) => access === "public" || access === "authenticated" || can([crawler.role], access);
      expect(can([crawler.role], "pii.unmasked")).toBe(false);
      const pairs = await namedPairs(context);
      const routes = ROUTE_PERMISSIONS.filter((rule) => (rule.kind === "page" ? !!crawler.email : rule.method === "GET") && may(rule.access));
      const leaks: string[] = [];
      const broken: string[] = [];
      const statuses = new Map<string, number>();
      for (const rule of routes) {
        for (const url of urlsOf(rule.pattern, pairs)) {
          const response = await context.get(url, { failOnStatusCode: false });
          statuses.set(url, response.status());
          if (response.status() >= 500) broken.push(`${url}: ${response.status()}`);
          const body = await response.body();
          // The PDF's text is glyph ids, not searchable: it prints the /scorecards/[id]/print page's HTML, crawled as a page.
          const text = response.headers()["content-type"]?.includes("application/pdf") ? "" : body.toString("utf8");
          const found = findPlantedValues(text);
          if (found.length > 0) leaks.push(`${url} (${response.status()}): ${found.slice(0, 3).join(" | ")}${found.length > 3 ? ` and ${found.length - 3} more` : ""}`);
        }
      }
      test.info().annotations.push({ type: "crawled", description: `${routes.length} routes, ${statuses.size} requests, ${pairs.length} record pairs` });
      // A crawl refused everywhere would find nothing: the views of the planted data must have answered.
      const mustAnswer = [
        `/api/v1/datasets/${planted.dataset}/versions/1/record-pair?`,
        `/api/v1/findings?datasetVersionId=${planted.versions[1]}`,
        "/api/v1/scans/",
        `/api/v1/scorecards/${planted.scorecardId}/export?format=pdf`,
        ...(crawler.email ? [`/datasets/${planted.dataset}?version=1`, `/scorecards/${planted.scorecardId}/print`] : []),
      ];
      for (const prefix of mustAnswer) {
        const answers = [...statuses].filter(([url]) => url.startsWith(prefix));
        expect(answers.length, `${prefix} crawled`).toBeGreaterThan(0);
        expect(answers.filter(([, status]) => status !== 200), `${prefix} answered`).toEqual([]);
      }
      expect([...statuses.keys()].filter((url) => url.includes("/record-pair?")).length).toBeGreaterThanOrEqual(pairs.length);
      expect(broken, "server errors hide what a page would show").toEqual([]);
      expect(leaks, `planted values shown to ${crawler.role}`).toEqual([]);
    });
  }

  test("no planted value in the web and worker logs, nor in any Job, Scan, Finding or audit-log row", async () => {
    const database = new URL(process.env.DATABASE_URL ?? "postgresql://localhost/canary_test").pathname.slice(1);
    const suffix = database === "canary_test" ? "" : `-${database.replace(/_test$/, "")}`;
    const logs = ["web", "worker"].map((name) => path.join(process.env.CANARY_DATA_DIR ?? ".data", "logs", `test-${name}${suffix}.log`));
    for (const log of logs) {
      expect(existsSync(log), `${log} exists`).toBe(true);
      expect(findPlantedValues(readFileSync(log, "utf8")), log).toEqual([]);
    }
    const rows = fixtures<Record<string, unknown[]>>("rows");
    expect(rows.jobs!.length).toBeGreaterThan(0);
    for (const [table, items] of Object.entries(rows)) expect(findPlantedValues(JSON.stringify(items)), `${table} rows`).toEqual([]);
  });
});
