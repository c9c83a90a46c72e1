import { AppError } from "../../../errors/index.ts";
import { modelExtraction } from "../../attacks/index.ts";
import type { KindRunner } from "./kind-runner.ts";
import { splitAt } from "./split-at.ts";
import { withTarget } from "./with-target.ts";

export const runModelExtraction: KindRunner<"model_extraction"> = (context) =>
  withTarget(context, async (target, data) => {
    const { budgets, modes } = context.config;
    // The attacker queries non-members; a fifth of them (at least 20) are kept back as the test set.
    const testCount = Math.max(20, Math.floor(data.nonMembers.count / 5));
    if (data.nonMembers.count - testCount < budgets[budgets.length - 1]!) {
      throw new AppError("unprocessable", `config.budgets: the largest budget (${budgets[budgets.length - 1]}) exceeds the ${Math.max(0, data.nonMembers.count - testCount)} non-member examples left to query`, { field: "config.budgets" });
    }
    const [test, pool] = splitAt(data.nonMembers, testCount);
    const points = await modelExtraction({
      target: target.classifier,
      queryPool: pool,
      test,
      budgets: [...budgets].sort((a, b) => a - b),
      modes,
      seed: context.config.seed,
      shouldStop: context.shouldStop,
      onProgress: (done, total) => context.progress(10 + (85 * done) / total, `surrogate ${done} of ${total} trained`),
    });
    return { kind: "model_extraction", points, testExamples: test.count, datasets: data.datasets };
  });
