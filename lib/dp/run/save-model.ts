import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FeatureEncoding } from "../data/tabular.ts";
import { type Network, parameters } from "../models/network.ts";

/** How raw inputs become the network's features: a fitted tabular encoding, or images scaled to [0, 1]. */
export type InputEncoding =
  | { kind: "tabular"; encoding: FeatureEncoding }
  | {
      kind: "fashion-mnist";
      classes: string[];
      scale: "x/255";
      /** Training read the first `rows` images of `split` (its limit); absent on models saved before this was recorded. */
      trainedOn?: { split: "train" | "test"; rows: number };
    };

export interface SavedModelFiles {
  spec: string;
  weights: string;
  encoding: string;
  run: string;
}

/**
 * Writes the model as JSON files in `dir`: spec.json (the NetworkSpec), weights.json (every
 * parameter tensor, in `parameters(network)` order: kernel then bias per weighted layer, conv
 * kernels [kh, kw, in, filters]), encoding.json (the input encoding, to encode inference inputs
 * as in training) and run.json (`run`: metrics, guarantee, configuration). Each file is written to
 * a temporary name and renamed, so a reader never sees half a file.
 */
export async function saveModel(dir: string, network: Network, input: InputEncoding, run: unknown): Promise<SavedModelFiles> {
  await mkdir(dir, { recursive: true });
  const weights = {
    format: "canary-dp-weights",
    version: 1,
    tensors: parameters(network).map((variable, k) => ({
      name: `${network.weighted[Math.floor(k / 2)]!.kind}_${Math.floor(k / 2)}/${k % 2 === 0 ? "kernel" : "bias"}`,
      shape: variable.shape,
      values: Array.from(variable.dataSync()),
    })),
  };
  const files: SavedModelFiles = {
    spec: path.join(dir, "spec.json"),
    weights: path.join(dir, "weights.json"),
    encoding: path.join(dir, "encoding.json"),
    run: path.join(dir, "run.json"),
  };
  const contents: [string, unknown][] = [
    [files.spec, network.spec],
    [files.weights, weights],
    [files.encoding, input],
    [files.run, run],
  ];
  for (const [file, value] of contents) {
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`);
    await rename(temporary, file);
  }
  return files;
}
