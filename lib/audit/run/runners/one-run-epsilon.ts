import { createAccountant, disposeNetwork, train } from "../../../dp/index.ts";
import { AppError } from "../../../errors/index.ts";
import { mulberry32 } from "../../../numerics/index.ts";
import { calibratedShadowConfig, logitsOf, scoresFromLogits, selectRows } from "../../attacks/index.ts";
import { canaries as randomCanaries, concatData } from "../../attacks/synthetic-data.ts";
import { requireTrainingSetup } from "../audit-target.ts";
import { oneRunFigures } from "../one-run-figures.ts";
import type { KindRunner } from "./kind-runner.ts";
import { meanNorm } from "./mean-norm.ts";
import { withTarget } from "./with-target.ts";

export const runOneRunEpsilon: KindRunner<"one_run_epsilon"> = (context) =>
  withTarget(context, async (target, data) => {
    const { config } = context;
    const { spec, config: trainConfig } = requireTrainingSetup(target, "one-run ε");
    const width = spec.inputShape.reduce((a, b) => a * b, 1);
    const m = config.canaries;
    const kPlus = config.kPlus ?? Math.max(1, Math.floor(m / 10));
    if (kPlus + config.kMinus > m) throw new AppError("unprocessable", `config.kPlus + config.kMinus (${kPlus + config.kMinus}) exceed the ${m} canaries`, { field: "config" });
    const pool = randomCanaries(m, width, spec.numClasses, config.seed, meanNorm(data.members));
    const random = mulberry32(config.seed + 17);
    const included = Uint8Array.from({ length: m }, () => (random() < 0.5 ? 1 : 0));
    const calibrated = calibratedShadowConfig(trainConfig);
    const accountant = calibrated.private ? createAccountant(calibrated.accountant) : undefined;
    await context.progress(10, `retraining with ${m} canaries (each included with probability ½)`);
    const { network, steps } = await train({
      spec,
      config: { ...calibrated, seed: config.seed },
      data: concatData(data.members, selectRows(pool, included)),
      accountant,
      shouldStop: context.shouldStop,
    });
    context.checkStopped();
    try {
      const logits = logitsOf(network, pool);
      const scores = scoresFromLogits(logits, pool.labels, spec.numClasses, "loss");
      // The retraining's own ε, at the audit's δ after the steps it ran: what the bound is tested against.
      const runEpsilon = accountant ? accountant.getEpsilon(config.delta) : null;
      const figures = oneRunFigures({ scores, included, kPlus, kMinus: config.kMinus, delta: config.delta, seed: config.seed, runEpsilon, steps, claimedEpsilon: context.modelVersion!.epsilon });
      return { ...figures, datasets: data.datasets };
    } finally {
      disposeNetwork(network);
    }
  });
