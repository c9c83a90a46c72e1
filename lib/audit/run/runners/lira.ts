import { disposeNetwork } from "../../../dp/index.ts";
import { calibratedShadowConfig, inclusionMatrix, liraScores, logitsOf, membershipScoresFromMask, scoresFromLogits, trainShadowModel } from "../../attacks/index.ts";
import { concatData } from "../../attacks/synthetic-data.ts";
import { requireTrainingSetup } from "../audit-target.ts";
import { membershipFigures } from "../membership-figures.ts";
import { classifierScores } from "./classifier-scores.ts";
import type { KindRunner } from "./kind-runner.ts";
import { withTarget } from "./with-target.ts";

interface LiraCheckpoint {
  lira: { seed: number; count: number; shadows: number; observations: number[][] };
}

export const runLira: KindRunner<"lira"> = (context) =>
  withTarget(context, async (target, data) => {
    const { config } = context;
    const { spec, config: trainConfig } = requireTrainingSetup(target, "LiRA");
    const population = concatData(data.members, data.nonMembers);
    const targetMask = Uint8Array.from({ length: population.count }, (_, i) => (i < data.members.count ? 1 : 0));
    const n = config.shadowModels;
    const inclusion = inclusionMatrix(n, population.count, config.seed);
    const calibrated = calibratedShadowConfig(trainConfig);
    // Resume: φ of every shadow already trained by an earlier attempt of this same audit.
    const saved = (context.checkpoint as Partial<LiraCheckpoint> | null)?.lira;
    const observations: number[][] = saved && saved.seed === config.seed && saved.count === population.count && saved.shadows === n ? saved.observations : [];
    for (let i = observations.length; i < n; i++) {
      context.checkStopped();
      await context.progress(10 + (80 * i) / n, `shadow model ${i + 1} of ${n}`);
      const { network } = await trainShadowModel({ spec, config: calibrated, population, inclusionRow: inclusion[i]!, seed: config.seed, index: i });
      try {
        const logits = logitsOf(network, population);
        observations.push(Array.from(scoresFromLogits(logits, population.labels, spec.numClasses, "logitConfidence")));
      } finally {
        disposeNetwork(network);
      }
      await context.saveCheckpoint({ lira: { seed: config.seed, count: population.count, shadows: n, observations } satisfies LiraCheckpoint["lira"] });
    }
    await context.progress(92, "fitting Gaussians");
    const lira = liraScores({ targetObservations: classifierScores(target.classifier, population, "logitConfidence"), shadowObservations: observations, inclusion, variant: config.variant });
    const scores = membershipScoresFromMask(lira.scores, targetMask);
    return { kind: "lira", variant: config.variant, shadowModels: n, ...membershipFigures(scores, { claimedEpsilon: context.modelVersion!.epsilon, delta: config.delta, seed: config.seed }), datasets: data.datasets };
  });
