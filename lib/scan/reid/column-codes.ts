import { cellKey } from "./cell-key.ts";

/**
 * One column's values interned to dense integer codes (0, 1, 2, … in order of first appearance):
 * a million rows cost one Int32Array and one Map entry per distinct value, not an object per row.
 */
export class ColumnCodes {
  readonly name: string;
  /** The value of each code; null is the missing value (see cellKey). */
  readonly values: (string | null)[] = [];
  private readonly codeOf = new Map<string, number>();
  private missingCode = -1;
  private buffer = new Int32Array(1024);
  private count = 0;

  constructor(name: string) {
    this.name = name;
  }

  /** Appends one cell and returns its code. */
  add(value: unknown): number {
    const key = cellKey(value);
    let code: number;
    if (key === null) {
      if (this.missingCode === -1) {
        this.missingCode = this.values.length;
        this.values.push(null);
      }
      code = this.missingCode;
    } else {
      const known = this.codeOf.get(key);
      if (known === undefined) {
        code = this.values.length;
        this.codeOf.set(key, code);
        this.values.push(key);
      } else code = known;
    }
    if (this.count === this.buffer.length) {
      const bigger = new Int32Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.count++] = code;
    return code;
  }

  /** Number of cells added. */
  get length(): number {
    return this.count;
  }

  /** Number of distinct values (missing counting as one). */
  get cardinality(): number {
    return this.values.length;
  }

  /** The code of every cell, in order (a view: valid until the next add). */
  get codes(): Int32Array {
    return this.buffer.subarray(0, this.count);
  }
}
