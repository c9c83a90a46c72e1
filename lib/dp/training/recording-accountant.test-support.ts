import type { StepAccountant } from "./train.ts";

/** Records the noise multiplier of every step, so a test sees what the accountant was told; ε is the step count. */
export class RecordingAccountant implements StepAccountant {
  noiseMultipliers: number[] = [];
  step({ noiseMultiplier }: { noiseMultiplier: number }) {
    this.noiseMultipliers.push(noiseMultiplier);
  }
  getEpsilon() {
    return this.noiseMultipliers.length;
  }
  stateDict() {
    return null;
  }
}
