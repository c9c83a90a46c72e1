// Test support for the CLI's tests: run `canary` as users do (the real binary, in a child process)
// or, for the many small failure cases, main() in this process with stdout and stderr captured.
import { execFile } from "node:child_process";
import path from "node:path";
import { vi } from "vitest";
import { main } from "./main.ts";

export interface CanaryRun {
  code: number;
  stdout: string;
  stderr: string;
}

const root = path.resolve(import.meta.dirname, "../..");

/** `node bin/canary.mjs …` from the repository root, with `env` added to this process's environment. */
export function spawnCanary(args: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CanaryRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, "bin/canary.mjs"), ...args],
      { cwd: root, env: { ...process.env, ...options.env }, timeout: options.timeoutMs ?? 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** main() in this process, with `env` set for the call only. */
export async function runCanaryInProcess(args: string[], env: Record<string, string> = {}): Promise<CanaryRun> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(["node", "canary", ...args]), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
