import type { Network } from "../models/network.ts";
import type { NetworkSpec } from "../models/network-spec.ts";
import { train, type TrainingData, type StepProgress } from "./train.ts";
import type { TrainConfig } from "./train-config.ts";

export interface PretrainOptions {
  spec: NetworkSpec;
  /** Public data only: nothing here is noised or accounted. */
  data: TrainingData;
  config: Pick<TrainConfig, "epochs" | "learningRate" | "sampleRate" | "seed">;
  onStep?: (progress: StepProgress) => void | Promise<void>;
}

/**
 * Non-private training of every layer on public data, the first half of the public/private split:
 * fine-tune the result with `train({ initialNetwork, config: { trainableLayers: "head", … } })` so
 * the private data reaches only the head, under DP. The base saw no private example, so the DP
 * guarantee of the fine-tuning covers the whole model with respect to the private set
 * (the setting of Tramèr & Boneh 2021, arXiv:2011.11660, whose features come from public data).
 */
export async function pretrain(options: PretrainOptions): Promise<Network> {
  const { network } = await train({
    spec: options.spec,
    data: options.data,
    config: {
      ...options.config,
      model: { kind: "logistic" }, // unused by train: the spec decides the architecture
      clipNorm: 1,
      delta: 0.5,
      accountant: "rdp",
      private: false,
      trainableLayers: "all",
    },
    onStep: options.onStep,
  });
  return network;
}
