// Latency of the dataset list at scale: `npm run bench:lists`.
// Seeds 100,000 datasets and 10,000 versions into a separate database (canary_bench) with generate_series,
// starts the built app against it on port 3300 (or targets BENCH_URL, which must serve that database),
// then drives 50 concurrent clients for a fixed time at GET /api/v1/datasets (API token) and at the
// /datasets page (signed-in session), and prints p50/p95/p99 latency and requests per second per target.
// Loopback only; bounded in time (BENCH_SECONDS per target, default 15).
//
//   npm run bench:lists                      # seed once (kept between runs), build if needed, measure
//   npm run bench:lists -- --reseed          # rebuild the bench database first
//   BENCH_CLIENTS=20 BENCH_SECONDS=30 npm run bench:lists
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { generateApiToken, hashApiToken } from "../../lib/auth/api-tokens.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { applyMigrations } from "../../lib/db/migrate.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATASETS = 100_000;
const VERSIONS = 10_000;
const PAGE_SIZE = 25;
const SORTS = ["createdAt", "name", "updatedAt", "versionCount"] as const;
const ADMIN_EMAIL = "admin@canary.local";
const ADMIN_PASSWORD = "canary-demo";

const clients = Number(process.env.BENCH_CLIENTS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const reseed = process.argv.includes("--reseed");
const pgPort = process.env.PGPORT_CANARY ?? "55432";
const redisPort = process.env.REDIS_PORT_CANARY ?? "56379";
const benchDbUrl = process.env.BENCH_DATABASE_URL ?? `postgresql://canary:canary@127.0.0.1:${pgPort}/canary_bench`;

interface Target {
  name: string;
  url: (page: number, sort: string, order: string) => string;
  headers: Record<string, string>;
}

interface Measurement {
  latencies: number[];
  errors: number;
  statuses: Map<number, number>;
  elapsedMs: number;
}

async function main() {
  const started = Date.now();
  const watchdog = setTimeout(() => {
    console.error("bench: giving up after 10 minutes");
    process.exit(1);
  }, 10 * 60_000);
  watchdog.unref();

  await ensureDatabase();
  const token = await seedIfNeeded();

  let server: ChildProcess | null = null;
  let base = process.env.BENCH_URL;
  if (base) {
    const host = new URL(base).hostname;
    if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`bench: BENCH_URL must be on loopback, not ${host}`);
  } else {
    ({ server, base } = await startServer());
  }

  try {
    const cookie = await signIn(base);
    const targets: Target[] = [
      {
        name: "GET /api/v1/datasets",
        url: (page, sort, order) => `${base}/api/v1/datasets?page=${page}&pageSize=${PAGE_SIZE}&sort=${sort}&order=${order}`,
        headers: { authorization: `Bearer ${token}` },
      },
      {
        name: "GET /datasets (page)",
        url: (page, sort, order) => `${base}/datasets?page=${page}&sort=${sort}&order=${order}`,
        headers: { cookie },
      },
    ];
    const results: Array<[string, Measurement]> = [];
    for (const target of targets) {
      await check(target);
      await measure(target, 3); // warm-up: caches, JIT, connection pools
      results.push([target.name, await measure(target, seconds)]);
    }
    print(results);
    console.log(`\n${DATASETS.toLocaleString("en")} datasets, ${VERSIONS.toLocaleString("en")} versions; ${clients} clients, ${seconds} s per target; total ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    if (server) await stopServer(server);
  }
}

async function ensureDatabase() {
  const name = new URL(benchDbUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: benchDbUrl.replace(/\/[^/?]+(\?|$)/, "/postgres$1") });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Seeds when the database is not already the bench data set; returns a fresh API token (datasets.read). */
async function seedIfNeeded(): Promise<string> {
  await applyMigrations(benchDbUrl, path.join(root, "prisma", "migrations"), { engine: "offline", reset: reseed });
  const client = new pg.Client({ connectionString: benchDbUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datasets: number; versions: number }>(
      `SELECT (SELECT count(*) FROM "Dataset")::int AS datasets, (SELECT count(*) FROM "DatasetVersion")::int AS versions`,
    );
    if (rows[0]!.datasets !== DATASETS || rows[0]!.versions !== VERSIONS) {
      if (rows[0]!.datasets > 0) {
        await client.end();
        await applyMigrations(benchDbUrl, path.join(root, "prisma", "migrations"), { engine: "offline", reset: true });
        return seedIfNeeded();
      }
      const t0 = performance.now();
      await seed(client);
      console.log(`bench: seeded canary_bench in ${Math.round(performance.now() - t0)} ms`);
    }
    // A new token per run; the row is what lib/auth/api-tokens.ts would write.
    const token = generateApiToken();
    await client.query(`DELETE FROM "ApiToken" WHERE name = 'bench'`);
    await client.query(
      `INSERT INTO "ApiToken" (id, name, prefix, "tokenHash", "userId", scopes, "expiresAt")
       VALUES ($1, 'bench', $2, $3, 'bench-admin', ARRAY['datasets.read'], now() + interval '1 day')`,
      [`bench-token-${Date.now()}`, token.slice(0, 12), hashApiToken(token)],
    );
    return token;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function seed(client: pg.Client) {
  const passwordHash = await hashPassword(ADMIN_PASSWORD, 10);
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('bench-admin', $1, 'Bench Admin', $2, now())`,
    [ADMIN_EMAIL, passwordHash],
  );
  await client.query(`INSERT INTO "RoleMembership" (id, "userId", role) VALUES ('bench-admin-role', 'bench-admin', 'admin')`);
  await client.query(
    `INSERT INTO "User" (id, email, name, "updatedAt")
     SELECT 'bench-owner-' || g, 'owner' || g || '@bench.local', 'Owner ' || g, now() FROM generate_series(1, 20) g`,
  );
  // Spread over ~70 days so createdAt/updatedAt sorts see distinct values; enums cycle through their values.
  await client.query(
    `INSERT INTO "Dataset" (id, name, description, "ownerId", source, "collectionMethod", "consentBasis",
                            "licenseExpression", "intendedUse", "createdAt", "updatedAt")
     SELECT 'bench-ds-' || g, 'dataset-' || lpad(g::text, 6, '0'), 'Synthetic dataset ' || g,
            CASE WHEN g % 21 = 0 THEN 'bench-admin' ELSE 'bench-owner-' || (g % 20 + 1) END,
            'https://data.example/' || g, 'synthetic',
            (enum_range(NULL::"ConsentBasis"))[g % 8 + 1], (ARRAY['MIT', 'CC-BY-4.0', 'Apache-2.0', 'CC0-1.0'])[g % 4 + 1],
            (enum_range(NULL::"IntendedUse"))[g % 5 + 1],
            now() - make_interval(mins => g), now() - make_interval(mins => (g * 7919) % ${DATASETS})
     FROM generate_series(1, ${DATASETS}) g`,
  );
  // Two versions each for the first VERSIONS/2 datasets.
  await client.query(
    `INSERT INTO "DatasetVersion" (id, "datasetId", version, sha256, "sizeBytes", format, "originalFilename", "storageKey",
                                   "rowCount", status, progress, "uploadedById", "createdAt", "ingestedAt")
     SELECT 'bench-dv-' || g, 'bench-ds-' || ((g - 1) / 2 + 1), (g - 1) % 2 + 1,
            md5('a' || g) || md5('b' || g), 1000 + g, 'csv', 'data-' || g || '.csv', md5('a' || g) || md5('b' || g),
            100 + g % 1000, (enum_range(NULL::"VersionStatus"))[g % 4 + 1], 100, 'bench-admin',
            now() - make_interval(mins => g), now() - make_interval(mins => g)
     FROM generate_series(1, ${VERSIONS}) g`,
  );
  // What uploadDatasetVersion keeps in step.
  await client.query(`UPDATE "Dataset" d SET "versionCount" = 2 WHERE d.id IN (SELECT DISTINCT "datasetId" FROM "DatasetVersion")`);
  await client.query("COMMIT");
  await client.query("ANALYZE");
}

async function startServer(): Promise<{ server: ChildProcess; base: string }> {
  const port = Number(process.env.BENCH_PORT ?? 3300);
  const base = `http://127.0.0.1:${port}`;
  if (await answers(base)) throw new Error(`bench: port ${port} is taken; set BENCH_PORT or BENCH_URL`);
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("bench: no build yet, running next build");
    const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) throw new Error("bench: next build failed");
  }
  const server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: benchDbUrl,
      REDIS_URL: `redis://127.0.0.1:${redisPort}/2`,
      NEXTAUTH_URL: `http://localhost:${port}`,
      PORT: String(port),
    },
  });
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`bench: next start exited with ${server.exitCode}`);
    if (await answers(base)) return { server, base };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopServer(server);
  throw new Error("bench: the server did not answer within 60 s");
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.pid === undefined) return;
  const exited = new Promise((r) => server.once("exit", r));
  process.kill(-server.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (server.exitCode === null) process.kill(-server.pid, "SIGKILL");
}

async function answers(base: string): Promise<boolean> {
  try {
    await fetch(base, { redirect: "manual", signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/** next-auth credentials sign-in; returns the Cookie header of the session. */
async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  keep(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email: ADMIN_EMAIL, password: ADMIN_PASSWORD, callbackUrl: `${base}/datasets`, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
    throw new Error(`bench: signing in as ${ADMIN_EMAIL} failed (status ${res.status})`);
  }
  return cookieHeader();
}

async function check(target: Target) {
  const res = await fetch(target.url(1, "createdAt", "desc"), { headers: target.headers, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`bench: ${target.name} answered ${res.status}: ${body.slice(0, 200)}`);
  if (target.name.includes("api")) {
    const total = (JSON.parse(body) as { total?: number }).total;
    if (total !== DATASETS) throw new Error(`bench: ${target.name} reports total ${total}, expected ${DATASETS} (is BENCH_URL serving canary_bench?)`);
  }
}

async function measure(target: Target, durationSeconds: number): Promise<Measurement> {
  const deadline = performance.now() + durationSeconds * 1000;
  const result: Measurement = { latencies: [], errors: 0, statuses: new Map(), elapsedMs: 0 };
  const pages = Math.ceil(DATASETS / PAGE_SIZE);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        // Mostly the first pages, as people browse; one in five anywhere, to exercise deep OFFSETs.
        const page = random() < 0.8 ? 1 + Math.floor(random() * 20) : 1 + Math.floor(random() * pages);
        const url = target.url(page, SORTS[Math.floor(random() * SORTS.length)]!, random() < 0.5 ? "asc" : "desc");
        const start = performance.now();
        try {
          const res = await fetch(url, { headers: target.headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
          await res.arrayBuffer();
          result.statuses.set(res.status, (result.statuses.get(res.status) ?? 0) + 1);
          if (res.status === 200) result.latencies.push(performance.now() - start);
          else result.errors++;
        } catch {
          result.errors++;
        }
      }
    }),
  );
  result.elapsedMs = performance.now() - t0;
  return result;
}

function print(results: Array<[string, Measurement]>) {
  const rows = results.map(([name, m]) => {
    const sorted = [...m.latencies].sort((a, b) => a - b);
    const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1) : "-");
    const other = [...m.statuses].filter(([s]) => s !== 200).map(([s, n]) => `${s}×${n}`).join(" ");
    return [name, String(m.latencies.length), String(m.errors) + (other ? ` (${other})` : ""), (m.latencies.length / (m.elapsedMs / 1000)).toFixed(1), q(0.5), q(0.95), q(0.99)];
  });
  const header = ["target", "ok", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
