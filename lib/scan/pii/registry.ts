import { BUILTIN_RECOGNIZERS } from "./recognizers/index.ts";
import type { Recognizer } from "./types.ts";

// Recognizers are registered by name, as Opacus registers grad samplers by layer type
// (opacus/grad_sample/utils.py, register_grad_sampler): built-ins at load, custom ones with registerRecognizer.
const registry = new Map<string, Recognizer>(BUILTIN_RECOGNIZERS.map((r) => [r.name, r]));

/** Adds a recognizer under its name; throws if the name is taken (replace one with `{ replace: true }`). */
export function registerRecognizer(recognizer: Recognizer, options: { replace?: boolean } = {}): void {
  if (registry.has(recognizer.name) && !options.replace) {
    throw new Error(`registerRecognizer: a recognizer named "${recognizer.name}" is already registered`);
  }
  registry.set(recognizer.name, recognizer);
}

/** The recognizer registered under `name`; throws naming the known ones if there is none. */
export function getRecognizer(name: string): Recognizer {
  const recognizer = registry.get(name);
  if (!recognizer) throw new Error(`getRecognizer: no recognizer named "${name}" (known: ${[...registry.keys()].join(", ")})`);
  return recognizer;
}

/** All registered recognizers, built-ins first, in registration order. */
export function listRecognizers(): Recognizer[] {
  return [...registry.values()];
}
