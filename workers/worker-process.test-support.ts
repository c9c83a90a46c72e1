// Real worker processes for integration tests: `workers/index.ts` spawned in its own Node process on
// the test file's queue prefix, so it can be killed (SIGKILL: no cleanup at all) like a crashed worker.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface WorkerProcess {
  child: ChildProcess;
  /** The pid the worker itself reports: the process to kill. */
  pid: number;
  lines: string[];
  exited: Promise<number | null>;
}

/** Every worker started, so afterEach can SIGKILL those still running. */
export const workerProcesses = new Set<ChildProcess>();

/** Starts `workers/index.ts` and resolves once it logs "workers ready". */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  workerProcesses.add(child);
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.on("exit", () => workerProcesses.delete(child));
  createInterface({ input: child.stderr! }).on("line", (line) => lines.push(line));
  const pid = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${lines.join("\n")}`)), 30_000);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      lines.push(line);
      if (line.includes('"workers ready"')) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { pid: number }).pid);
      }
    });
    void exited.then((code) => reject(new Error(`worker exited with ${code}:\n${lines.join("\n")}`)));
  });
  return { child, pid, lines, exited };
}

/** Polls `read` every 100 ms until `done` holds, or fails naming what it waited for and the last value. */
export async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
