import { disposeNetwork, fitNetwork, measureHeldOut, type NetworkSpec, type PreparedData, type StepProgress, type TrainConfig } from "../dp/index.ts";

/** The same model trained without DP, for the cost of privacy: its held-out metrics (null without held-out data). */
export async function trainBaseline(spec: NetworkSpec, train: TrainConfig, data: PreparedData, onProgress: (phase: string, p: StepProgress) => Promise<void>) {
  const plain = await fitNetwork(spec, { ...train, private: false }, data, { phase: "baseline", onProgress });
  const metrics = measureHeldOut(plain.network, data);
  disposeNetwork(plain.network);
  return metrics;
}
