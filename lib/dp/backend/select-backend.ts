import { createRequire } from "node:module";
import path from "node:path";
import * as tf from "../tf.ts";

export type BackendName = "tensorflow" | "wasm" | "cpu";

export interface SelectedBackend {
  name: BackendName;
  /** Why a faster backend was passed over, for the run's record. */
  fallbacks: string[];
}

const require = createRequire(import.meta.url);

// tfjs-node is optional: its native libtensorflow cannot be downloaded on every machine, so the
// package may be absent. A specifier in a variable keeps type checks and bundlers from requiring it.
const TFJS_NODE = "@tensorflow/tfjs-node";

async function tryTensorflow(): Promise<void> {
  await import(TFJS_NODE);
}

async function tryWasm(): Promise<void> {
  const wasm = await import("@tensorflow/tfjs-backend-wasm");
  const dist = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"));
  // Load the .wasm files from the installed package, never from a CDN.
  wasm.setWasmPaths(`${dist}${path.sep}`);
}

async function tryCpu(): Promise<void> {
  // Registered by @tensorflow/tfjs itself.
}

const LOADERS: Record<BackendName, () => Promise<void>> = { tensorflow: tryTensorflow, wasm: tryWasm, cpu: tryCpu };

/**
 * Picks the fastest TensorFlow.js backend that works on this machine: tfjs-node, then wasm, then cpu.
 * `CANARY_TF_BACKEND` (or `preferred`) forces one; the choice is recorded with every run.
 */
export async function selectBackend(preferred = process.env.CANARY_TF_BACKEND as BackendName | undefined): Promise<SelectedBackend> {
  const order: BackendName[] = preferred ? [preferred] : ["tensorflow", "wasm", "cpu"];
  const fallbacks: string[] = [];
  for (const name of order) {
    try {
      await LOADERS[name]();
      if (await tf.setBackend(name)) {
        await tf.ready();
        return { name, fallbacks };
      }
      fallbacks.push(`${name}: setBackend refused`);
    } catch (error) {
      fallbacks.push(`${name}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  throw new Error(`selectBackend: no TensorFlow.js backend works (${fallbacks.join("; ")})`);
}
