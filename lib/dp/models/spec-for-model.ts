import { AppError } from "../../errors/index.ts";
import type { TrainConfig } from "../training/train-config.ts";
import { logisticRegressionSpec, mlpSpec, type NetworkSpec, smallCnnSpec } from "./network-spec.ts";

/**
 * The network a run's `config.model` names, for data of `inputShape` with `numClasses` classes.
 * @throws AppError bad_request when the model does not fit the data (the CNN needs 28×28×1 images).
 */
export function specForModel(model: TrainConfig["model"], inputShape: number[], numClasses: number): NetworkSpec {
  const width = inputShape.reduce((a, b) => a * b, 1);
  switch (model.kind) {
    case "logistic":
      return { ...logisticRegressionSpec(width, numClasses) };
    case "mlp":
      return mlpSpec(width, model.hidden, numClasses, model.activation);
    case "cnn":
      if (width !== 28 * 28) throw new AppError("bad_request", `specForModel: the cnn model needs 28×28 single-channel images, the data has ${width} features per example`);
      return smallCnnSpec(numClasses, model.activation);
  }
}
