import { AppError } from "../../errors/index.ts";

/** Scores as given: plain arrays (parsed JSON) or typed arrays. */
export type ScoreArray = readonly number[] | Float64Array | Float32Array;

/** Both sides sorted ascending, as computed once and shared by every metric. */
export interface SortedScores {
  members: Float64Array;
  nonMembers: Float64Array;
}

/**
 * The input of a membership-inference audit: one attack score per example, higher meaning "more likely
 * a member" (a training example), for known members and known non-members. Like TF Privacy's
 * `AttackInputData`, it checks itself with `validate()`, and every metric calls that first.
 */
export class MembershipScores {
  readonly members: ScoreArray;
  readonly nonMembers: ScoreArray;
  #sorted: SortedScores | undefined;
  #validated = false;

  constructor(input: { members: ScoreArray; nonMembers: ScoreArray }) {
    this.members = input.members;
    this.nonMembers = input.nonMembers;
  }

  /**
   * Throws an `AppError("bad_request")` naming `caller` and the rule broken: each side must be a
   * non-empty array of finite numbers. Runs in O(n) once; later calls return at once.
   */
  validate(caller = "MembershipScores.validate"): void {
    if (this.#validated) return;
    checkSide(caller, "members", this.members);
    checkSide(caller, "nonMembers", this.nonMembers);
    // 2·members·nonMembers must stay an exact double for the AUC's integer pair count.
    if (2 * this.members.length * this.nonMembers.length > Number.MAX_SAFE_INTEGER) {
      throw new AppError("bad_request", `${caller}: members × nonMembers must be at most 2^52 pairs`);
    }
    this.#validated = true;
  }

  /** Both sides as ascending Float64Arrays, sorted once (O(n log n)) and cached. Validates first. */
  sorted(caller = "MembershipScores.sorted"): SortedScores {
    this.validate(caller);
    this.#sorted ??= { members: Float64Array.from(this.members).sort(), nonMembers: Float64Array.from(this.nonMembers).sort() };
    return this.#sorted;
  }
}

function checkSide(caller: string, side: string, values: unknown): void {
  const isArray = Array.isArray(values) || values instanceof Float64Array || values instanceof Float32Array;
  if (!isArray) throw new AppError("bad_request", `${caller}: ${side} must be an array of finite numbers`);
  const list = values as ArrayLike<unknown>;
  if (list.length === 0) throw new AppError("bad_request", `${caller}: ${side} must not be empty`);
  for (let i = 0; i < list.length; i++) {
    const value = list[i];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new AppError("bad_request", `${caller}: ${side}[${i}] must be a finite number, got ${describe(value)}`);
    }
  }
}

function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
