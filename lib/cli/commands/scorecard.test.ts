import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCanaryInProcess } from "../run-canary.test-support.ts";

const TOKEN = `cnry_${"B".repeat(43)}`;
const PDF = Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n%%EOF\n", "latin1");
const seen: URL[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  // A stand-in for the Canary API: one graded version, churn v2.
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    seen.push(url);
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end();
    if (url.pathname === "/api/v1/scorecards") {
      const match = url.searchParams.get("model") === "churn" && url.searchParams.get("version") === "2";
      return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ items: match ? [{ id: "sc1" }] : [], total: match ? 1 : 0 }));
    }
    if (url.pathname === "/api/v1/scorecards/sc1/export" && url.searchParams.get("format") === "pdf") return void res.writeHead(200, { "Content-Type": "application/pdf" }).end(PDF);
    if (url.pathname === "/api/v1/scorecards/sc1/export") return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ schema: "canary.scorecard/v1", scorecard: { grade: "B" } }));
    res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "scorecard x not found" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const canary = (args: string[]) => runCanaryInProcess(args, { CANARY_URL: baseUrl, CANARY_TOKEN: TOKEN });

describe("canary scorecard export", () => {
  it("prints the version's latest scorecard as canary.scorecard/v1 JSON", async () => {
    const run = await canary(["scorecard", "export", "churn", "2"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ schema: "canary.scorecard/v1", scorecard: { grade: "B" } });
    expect(seen.at(-2)!.searchParams.get("status")).toBe("all");
  });

  it("writes the PDF's exact bytes with --out", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "canary-scorecard-")), "card.pdf");
    const run = await canary(["scorecard", "export", "churn", "2", "--format", "pdf", "--out", out]);
    expect(run.code).toBe(0);
    expect(readFileSync(out).equals(PDF)).toBe(true);
    expect(run.stderr).toContain(`wrote ${out}`);
  });

  it("says so in one line when there is no scorecard, or the flags are wrong", async () => {
    const none = await canary(["scorecard", "export", "churn", "9"]);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe("canary: churn v9 has no scorecard (is the model name right, and has the version been graded?)");
    expect((await canary(["scorecard", "export", "churn", "2", "--format", "docx"])).stderr).toContain('invalid --format "docx"');
    expect((await canary(["scorecard", "export", "churn", "two"])).stderr).toContain('invalid version "two"');
  });
});
