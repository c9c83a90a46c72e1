import { AppError } from "../../../errors/index.ts";
import { modelInversion } from "../../attacks/index.ts";
import type { KindRunner } from "./kind-runner.ts";
import { withTarget } from "./with-target.ts";

export const runModelInversion: KindRunner<"model_inversion"> = (context) =>
  withTarget(context, async (target, data) => {
    const labels = target.input?.kind === "fashion-mnist" ? target.input.classes : null;
    if (!labels) throw new AppError("unprocessable", "model inversion reconstructs images: it needs an image model (Fashion-MNIST encoding)");
    const reconstructions = await modelInversion({
      target: target.classifier,
      reference: data.members,
      classes: context.config.classes,
      steps: context.config.steps,
      shouldStop: context.shouldStop,
      onProgress: (done, total) => context.progress(10 + (85 * done) / total, `class ${done} of ${total} reconstructed`),
    });
    return { kind: "model_inversion", steps: context.config.steps, reconstructions: reconstructions.map((r) => ({ ...r, label: labels[r.class] ?? String(r.class) })), datasets: data.datasets };
  });
