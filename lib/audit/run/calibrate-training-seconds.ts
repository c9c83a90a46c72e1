import type { Db } from "../../db/index.ts";
import { createAccountant, disposeNetwork, totalSteps, train } from "../../dp/index.ts";
import { calibratedShadowConfig } from "../attacks/index.ts";
import { requireTrainingSetup, type LoadAuditTarget } from "./audit-target.ts";

/** Seconds of one training run on `examples` rows, from 3 timed steps of the real configuration on random data. */
export async function calibrateTrainingSeconds(db: Db, modelVersionId: string, examples: number, loadTarget: LoadAuditTarget): Promise<number> {
  const target = await loadTarget(db, modelVersionId);
  try {
    const { spec, config } = requireTrainingSetup(target, "shadow-model");
    const calibrated = calibratedShadowConfig(config);
    const width = spec.inputShape.reduce((a, b) => a * b, 1);
    const data = { features: Float32Array.from({ length: examples * width }, (_, i) => Math.sin(i)), labels: Int32Array.from({ length: examples }, (_, i) => i % spec.numClasses), count: examples };
    const started = performance.now();
    const { network } = await train({ spec, config: { ...calibrated, epochs: 3 * calibrated.sampleRate }, data, accountant: calibrated.private ? createAccountant(calibrated.accountant) : undefined });
    disposeNetwork(network);
    return ((performance.now() - started) / 1000 / 3) * totalSteps(calibrated);
  } finally {
    target.dispose();
  }
}
