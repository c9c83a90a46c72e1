import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runCanaryInProcess, spawnCanary } from "../run-canary.test-support.ts";

const TOKEN = `cnry_${"A".repeat(43)}`;


let closedPortUrl: string;

/** The real binary, in a child process: slow (tsx compiles on start), so used sparingly. */
const spawnAgainstClosedPort = (args: string[]) =>
  spawnCanary(args, { env: { CANARY_URL: closedPortUrl, CANARY_TOKEN: TOKEN }, timeoutMs: 30_000 });

/** main() in this process, with stdout and stderr captured. */
const canary = (args: string[], env: Record<string, string> = {}) =>
  runCanaryInProcess(args, { CANARY_URL: closedPortUrl, CANARY_TOKEN: TOKEN, ...env });

const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

// A stand-in for the Canary server: records requests, answers from `routes`.
interface Seen {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  body: Buffer;
}
let server: Server;
let baseUrl: string;
const seen: Seen[] = [];
let routes: (request: Seen) => { status: number; body: unknown } = () => ({ status: 404, body: {} });

afterEach(() => vi.restoreAllMocks());

beforeAll(async () => {
  // A port nothing listens on: bind one, then let it go.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPortUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { method: req.method!, url: new URL(req.url!, "http://x"), headers: req.headers, body: Buffer.concat(chunks) };
    seen.push(request);
    const { status, body } = routes(request);
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("canary openapi", () => {
  it("prints the document as one line of JSON with --json, without a server", async () => {
    const run = await spawnAgainstClosedPort(["openapi", "--json"]);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
    const document = JSON.parse(run.stdout) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/v1/datasets");
  });
});

describe("bad flags", () => {
  it("the real binary exits 1 with one line on stderr", async () => {
    const run = await spawnAgainstClosedPort(["datasets", "list", "--bogus"]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual(["error: unknown option '--bogus'"]);
    expect(run.stdout).toBe("");
  });

  it.each([
    [["datasets", "list", "--bogus"], /unknown option '--bogus'/],
    [["datasets", "list", "--page-size", "1000"], /invalid --page-size/],
    [["datasets", "lst"], /unknown command 'lst'.*list/],
    [["datasets", "upload", "only-a-name"], /missing required argument 'file'/],
    [
      ["datasets", "register", "--name", "census", "--source", "s", "--collection-method", "m", "--consent-basis", "maybe", "--license", "MIT", "--intended-use", "research_only"],
      /invalid --consent-basis/,
    ],
  ])("%j exits 1 with one line on stderr", async (args, message) => {
    const run = await canary(args as string[]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });

  it("says what to do when CANARY_TOKEN is missing", async () => {
    const run = await canary(["datasets", "list"], { CANARY_TOKEN: "" });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringContaining("CANARY_TOKEN is not set")]);
  });

  it("names the unreachable server in one line", async () => {
    const run = await canary(["datasets", "list"]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([`canary: cannot reach ${closedPortUrl} (ECONNREFUSED); is Canary running, and is CANARY_URL right?`]);
  });
});

describe("against the API", () => {
  it("turns an error answer into its message, one line, exit 1", async () => {
    routes = () => ({ status: 403, body: { error: { code: "forbidden", message: 'you lack the permission "datasets.write"' } } });
    const run = await canary(["datasets", "register", "--name", "census", "--source", "s", "--collection-method", "m", "--consent-basis", "consent", "--license", "MIT", "--intended-use", "research_only"], { CANARY_URL: baseUrl });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual(['canary: you lack the permission "datasets.write" (HTTP 403)']);
  });

  it("lists datasets with the query flags and the bearer token", async () => {
    seen.length = 0;
    routes = () => ({
      status: 200,
      body: {
        items: [{ name: "census", versionCount: 2, latestVersion: { version: 2, status: "ready" }, consentBasis: "consent", licenseExpression: "MIT", intendedUse: "research_only", owner: { email: "a@b.c" }, updatedAt: "2026-01-02T03:04:05Z" }],
        total: 1,
        page: 1,
        pageSize: 10,
      },
    });
    const run = await canary(["datasets", "list", "--page-size", "10", "--sort", "name", "--q", "cen"], { CANARY_URL: baseUrl });
    expect(run.code).toBe(0);
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(Object.fromEntries(seen[0]!.url.searchParams)).toMatchObject({ pageSize: "10", sort: "name", q: "cen", page: "1" });
    expect(run.stdout).toMatch(/^NAME\s+VERSIONS/);
    expect(run.stdout).toMatch(/census\s+2\s+v2 ready/);
    const json = await canary(["datasets", "list", "--json"], { CANARY_URL: baseUrl });
    expect(JSON.parse(json.stdout).items[0].name).toBe("census");
  });

  it("streams an upload, then with --wait polls the job until it completes", async () => {
    seen.length = 0;
    const dir = mkdtempSync(path.join(tmpdir(), "canary-cli-"));
    const file = path.join(dir, "people.csv");
    const content = `id,age\n${Array.from({ length: 5000 }, (_, i) => `${i},${20 + (i % 50)}`).join("\n")}\n`;
    writeFileSync(file, content);
    let polls = 0;
    const version = { id: "v1", version: 3, sha256: "ab".repeat(32), sizeBytes: String(content.length), status: "pending", rowCount: null, error: null };
    routes = (request) => {
      if (request.method === "POST") return { status: 201, body: { version, job: { id: "j1", name: "ingest", status: "queued", progress: 0, progressMessage: "", error: null } } };
      if (request.url.pathname === "/api/v1/jobs/j1") {
        polls += 1;
        return polls < 2
          ? { status: 200, body: { id: "j1", name: "ingest", status: "active", progress: 40, progressMessage: "reading", error: null } }
          : { status: 200, body: { id: "j1", name: "ingest", status: "completed", progress: 100, progressMessage: "", error: null } };
      }
      return { status: 200, body: { ...version, status: "ready", rowCount: 5000 } };
    };
    const run = await canary(["datasets", "upload", "census", file, "--parents", "p1,p2", "--wait", "--json"], { CANARY_URL: baseUrl });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const upload = seen[0]!;
    expect(upload.method).toBe("POST");
    expect(upload.url.pathname).toBe("/api/v1/datasets/census/versions");
    expect(Object.fromEntries(upload.url.searchParams)).toEqual({ filename: "people.csv", parents: "p1,p2" });
    expect(upload.headers["content-type"]).toBe("text/csv");
    expect(upload.body.equals(Buffer.from(content))).toBe(true);
    expect(polls).toBe(2);
    const result = JSON.parse(run.stdout) as { version: { rowCount: number }; job: { status: string } };
    expect(result.job.status).toBe("completed");
    expect(result.version.rowCount).toBe(5000);
  });

  it("audit-log verify: exit 0 when intact, exit 1 naming the first broken entry", async () => {
    routes = () => ({ status: 200, body: { ok: true, entriesChecked: 42 } });
    const ok = await canary(["audit-log", "verify"], { CANARY_URL: baseUrl });
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe("audit log intact: 42 entries verified");

    routes = () => ({ status: 200, body: { ok: false, entriesChecked: 6, firstBroken: { seq: "7", reason: "hash does not match the entry's contents" } } });
    const broken = await canary(["audit-log", "verify", "--json"], { CANARY_URL: baseUrl });
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, firstBroken: { seq: "7" } });
    expect(lines(broken.stderr)).toEqual(["canary: audit log broken at entry 7: hash does not match the entry's contents (6 entries before it verified)"]);
  });

  it("audit-log verify: shows the anchor, and in --json the entries missing after the chain's end", async () => {
    const anchor = { seq: "42", hash: "a".repeat(64), signedAt: "2026-12-08T01:00:00.000Z", signature: "b".repeat(64), signatureValid: true };
    routes = () => ({ status: 200, body: { ok: true, entriesChecked: 42, anchor, missingEntries: null } });
    const ok = await canary(["audit-log", "verify"], { CANARY_URL: baseUrl });
    expect(ok.stdout.trim()).toBe("audit log intact: 42 entries verified, anchored at entry 42 (signed 2026-12-08T01:00:00.000Z)");

    const cut = { seq: "42", reason: "the chain ends at entry 40, before the anchored entry 42: its tail was removed" };
    routes = () => ({ status: 200, body: { ok: false, entriesChecked: 40, firstBroken: cut, anchor, missingEntries: { afterSeq: "40", throughSeq: "42" } } });
    const broken = await canary(["audit-log", "verify", "--json"], { CANARY_URL: baseUrl });
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, anchor: { seq: "42" }, missingEntries: { afterSeq: "40", throughSeq: "42" } });
  });
});
