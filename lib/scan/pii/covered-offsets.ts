/**
 * The UTF-16 offsets of one value that accepted spans already cover. Checking or covering a span costs its
 * length, so checking every match of a regex (whose matches do not overlap one another) costs O(n) in the
 * value's length, where comparing each match with every span kept before it cost O(matches²): 40,000
 * dates in one cell took minutes. The array is allocated on the first `add`.
 */
export class CoveredOffsets {
  private covered: Uint8Array | undefined;

  /** `length` bounds the offsets: the value's length, or the largest span end. */
  constructor(private readonly length: number) {}

  /** True when some offset in [start, end) is covered; a span of no length overlaps nothing. */
  overlaps(start: number, end: number): boolean {
    const covered = this.covered;
    if (covered === undefined) return false;
    for (let i = start; i < end; i++) if (covered[i] === 1) return true;
    return false;
  }

  /** True when `offset` itself is covered. */
  covers(offset: number): boolean {
    return this.covered?.[offset] === 1;
  }

  add(start: number, end: number): void {
    const covered = (this.covered ??= new Uint8Array(this.length));
    covered.fill(1, start, end);
  }
}
