// The accountant surface, after Opacus `opacus/accountants/accountant.py` (IAccountant): a small
// stateful object that records (noise multiplier, sample rate, steps) runs and answers epsilon for
// a delta; the maths lives in ./analysis as pure functions.
import { AppError } from "../../errors/index.ts";
import type { SgmRun } from "./analysis/poisson-subsampled-gaussian-prv.ts";

export type AccountantMechanism = "rdp" | "prv";

export const ACCOUNTANT_MECHANISMS: readonly AccountantMechanism[] = ["rdp", "prv"];

export function isAccountantMechanism(value: unknown): value is AccountantMechanism {
  return typeof value === "string" && (ACCOUNTANT_MECHANISMS as readonly string[]).includes(value);
}

/** One run of identical optimisation steps: Opacus's history tuple (noise_multiplier, sample_rate, steps). */
export type AccountantHistoryEntry = SgmRun;

export interface AccountantStateDict {
  history: AccountantHistoryEntry[];
  mechanism: AccountantMechanism;
}

export interface StepOptions {
  noiseMultiplier: number;
  sampleRate: number;
}

/** Throws AppError bad_request naming the function and the rule broken. */
export function assertStepParameters(fn: string, noiseMultiplier: unknown, sampleRate: unknown): void {
  if (typeof noiseMultiplier !== "number" || !(noiseMultiplier >= 0) || !Number.isFinite(noiseMultiplier)) {
    throw new AppError("bad_request", `${fn}: noiseMultiplier must be a finite number >= 0, got ${String(noiseMultiplier)}`);
  }
  if (typeof sampleRate !== "number" || !(sampleRate >= 0 && sampleRate <= 1)) {
    throw new AppError("bad_request", `${fn}: sampleRate must be a number in [0, 1], got ${String(sampleRate)}`);
  }
}

/** Throws AppError bad_request unless 0 < delta < 1. */
export function assertDelta(fn: string, delta: unknown): asserts delta is number {
  if (typeof delta !== "number" || !(delta > 0 && delta < 1)) {
    throw new AppError("bad_request", `${fn}: delta must be a number in (0, 1), got ${String(delta)}`);
  }
}

/**
 * Base of the accountants (Opacus IAccountant). Subclasses name their mechanism and compute
 * epsilon from `history`.
 */
export abstract class PrivacyAccountant {
  /** Runs of identical steps, oldest first. */
  history: AccountantHistoryEntry[] = [];

  abstract readonly mechanism: AccountantMechanism;

  /** Class name used in error messages (stable under minification, unlike constructor.name). */
  protected abstract readonly accountantName: string;

  /** The privacy budget spent so far, epsilon for this delta. */
  abstract getEpsilon(delta: number): number;

  /**
   * Records one optimisation step. Consecutive steps with the same noise multiplier and sample
   * rate extend the last run, as in Opacus.
   * @throws AppError bad_request naming the rule when a parameter is out of range.
   */
  step({ noiseMultiplier, sampleRate }: StepOptions): void {
    assertStepParameters(`${this.accountantName}.step`, noiseMultiplier, sampleRate);
    const last = this.history[this.history.length - 1];
    if (last && last.noiseMultiplier === noiseMultiplier && last.sampleRate === sampleRate) {
      last.steps += 1;
    } else {
      this.history.push({ noiseMultiplier, sampleRate, steps: 1 });
    }
  }

  /** Number of runs in the history (Opacus `__len__`). */
  get length(): number {
    return this.history.length;
  }

  /** Total number of steps recorded. */
  get steps(): number {
    return this.history.reduce((sum, run) => sum + run.steps, 0);
  }

  /** A copy of the state, safe to serialise as JSON (Opacus `state_dict`). */
  stateDict(): AccountantStateDict {
    return { history: this.history.map((run) => ({ ...run })), mechanism: this.mechanism };
  }

  /**
   * Replaces the history with the one in `state` (Opacus `load_state_dict`).
   * @throws AppError bad_request naming the missing key, a mechanism mismatch or a malformed run.
   */
  loadStateDict(state: unknown): void {
    const fn = `${this.accountantName}.loadStateDict`;
    if (state === null || typeof state !== "object" || Object.keys(state).length === 0) {
      throw new AppError("bad_request", `${fn}: state dict is either null or empty and hence cannot be loaded into the privacy accountant`);
    }
    const record = state as Record<string, unknown>;
    if (!("history" in record)) {
      throw new AppError("bad_request", `${fn}: state dict does not have the key \`history\`; cannot be loaded into the privacy accountant`, { missingKey: "history" });
    }
    if (!("mechanism" in record)) {
      throw new AppError("bad_request", `${fn}: state dict does not have the key \`mechanism\`; cannot be loaded into the privacy accountant`, { missingKey: "mechanism" });
    }
    if (record.mechanism !== this.mechanism) {
      throw new AppError(
        "bad_request",
        `${fn}: state dict of ${String(record.mechanism)} cannot be loaded into a privacy accountant with mechanism ${this.mechanism}`,
      );
    }
    if (!Array.isArray(record.history)) {
      throw new AppError("bad_request", `${fn}: \`history\` must be an array of {noiseMultiplier, sampleRate, steps}`);
    }
    const history = record.history.map((entry: unknown, index: number): AccountantHistoryEntry => {
      const run = (entry ?? {}) as Record<string, unknown>;
      for (const key of ["noiseMultiplier", "sampleRate", "steps"]) {
        if (!(key in run)) {
          throw new AppError("bad_request", `${fn}: history[${index}] does not have the key \`${key}\``, { missingKey: key, index });
        }
      }
      assertStepParameters(`${fn}: history[${index}]`, run.noiseMultiplier, run.sampleRate);
      if (typeof run.steps !== "number" || !Number.isSafeInteger(run.steps) || run.steps < 0) {
        throw new AppError("bad_request", `${fn}: history[${index}].steps must be an integer >= 0, got ${String(run.steps)}`);
      }
      return { noiseMultiplier: run.noiseMultiplier as number, sampleRate: run.sampleRate as number, steps: run.steps };
    });
    this.history = history;
  }
}
