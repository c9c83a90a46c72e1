import { calibratedShadowConfig, measureCanaryExposure } from "../../attacks/index.ts";
import { requireTrainingSetup } from "../audit-target.ts";
import type { KindRunner } from "./kind-runner.ts";
import { meanNorm } from "./mean-norm.ts";
import { withTarget } from "./with-target.ts";

export const runCanaryExposure: KindRunner<"canary_exposure"> = (context) =>
  withTarget({ ...context, config: { ...context.config, maxExamples: 20_000 } }, async (target, data) => {
    const { spec, config: trainConfig } = requireTrainingSetup(target, "canary-exposure");
    await context.progress(10, `training with ${context.config.canaries} canaries inserted ${context.config.repeats}×`);
    const result = await measureCanaryExposure({
      spec,
      config: calibratedShadowConfig(trainConfig),
      data: data.members,
      canaries: context.config.canaries,
      repeats: context.config.repeats,
      candidates: context.config.candidates,
      norm: meanNorm(data.members),
      seed: context.config.seed,
      shouldStop: context.shouldStop,
    });
    context.checkStopped();
    const mean = result.canaries.reduce((a, c) => a + c.reportedExposure, 0) / result.canaries.length;
    return {
      kind: "canary_exposure",
      canaries: result.canaries,
      maxExactExposure: Math.log2(context.config.candidates + 1),
      meanExposure: mean,
      repeats: result.repeats,
      runEpsilon: result.epsilon === null || Number.isFinite(result.epsilon) ? result.epsilon : null,
      datasets: data.datasets,
    };
  });
