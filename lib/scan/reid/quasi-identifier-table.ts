import { ColumnCodes } from "./column-codes.ts";

/**
 * The quasi-identifier (and optional sensitive) columns of a dataset, read record by record into
 * integer codes: the only state a re-identification scan keeps, a few bytes per cell.
 */
export class QuasiIdentifierTable {
  readonly quasiIdentifiers: readonly ColumnCodes[];
  readonly sensitive: ColumnCodes | null;
  private count = 0;

  constructor(quasiIdentifiers: readonly string[], sensitive?: string) {
    this.quasiIdentifiers = quasiIdentifiers.map((name) => new ColumnCodes(name));
    this.sensitive = sensitive === undefined ? null : new ColumnCodes(sensitive);
  }

  /** Reads one record's quasi-identifier and sensitive cells. */
  add(fields: Record<string, unknown>): void {
    for (const column of this.quasiIdentifiers) column.add(fields[column.name]);
    this.sensitive?.add(fields[this.sensitive.name]);
    this.count++;
  }

  get records(): number {
    return this.count;
  }
}
