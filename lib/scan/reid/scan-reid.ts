import { AppError } from "../../errors/index.ts";
import { measureReidRisk, type ReidRisk } from "./measure-reid-risk.ts";
import { quasiIdentifierKind, type QuasiIdentifierKind } from "./quasi-identifier-kind.ts";
import { QuasiIdentifierTable } from "./quasi-identifier-table.ts";
import { suggestQuasiIdentifiers } from "./suggest-quasi-identifiers.ts";

export interface ScanReidOptions {
  /** Quasi-identifier columns; when absent, suggested from the column names and the first records. */
  quasiIdentifiers?: readonly string[];
  /** The sensitive column whose l-diversity is measured. */
  sensitive?: string;
  /** Records in classes smaller than this are at risk. @defaultValue 5 */
  threshold?: number;
  /** Suggest generalisations. @defaultValue true */
  generalise?: boolean;
  /**
   * Every record has every column (CSV): an unknown column is refused at the first record rather
   * than after reading them all. @defaultValue false
   */
  everyRecordHasEveryColumn?: boolean;
}

export interface ReidScan extends ReidRisk {
  /** The quasi-identifiers measured, with their kind where recognised. */
  quasiIdentifiers: { column: string; kind: QuasiIdentifierKind | null }[];
  /** True when the quasi-identifiers were suggested, not given. */
  suggested: boolean;
}

/** Records read before suggesting quasi-identifiers when none are given. */
const SUGGESTION_SAMPLE = 1000;

/**
 * Streams records once into a QuasiIdentifierTable and measures re-identification risk
 * (measureReidRisk). Only the coded quasi-identifier and sensitive cells are kept.
 *
 * @throws AppError bad_request for a column no record has, a column given twice, a sensitive
 *   column that is also a quasi-identifier, a threshold that is not a positive integer, or no
 *   quasi-identifiers given or recognised. Errors of the record reader pass through.
 */
export async function scanReid(
  records: AsyncIterable<{ fields: Record<string, unknown> }> | Iterable<{ fields: Record<string, unknown> }>,
  options: ScanReidOptions = {},
): Promise<ReidScan> {
  const threshold = options.threshold ?? 5;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new AppError("bad_request", `k must be a positive integer, got ${threshold}`, { field: "k" });
  }
  const iterator = toIterator(records);
  const sample: Record<string, unknown>[] = [];
  let quasiIdentifiers = options.quasiIdentifiers;
  let suggested = false;
  const kinds = new Map<string, QuasiIdentifierKind | null>();
  if (quasiIdentifiers === undefined || quasiIdentifiers.length === 0) {
    while (sample.length < SUGGESTION_SAMPLE) {
      const next = await iterator.next();
      if (next.done) break;
      sample.push(next.value.fields);
    }
    const columns = [...new Set(sample.flatMap((fields) => Object.keys(fields)))];
    const suggestions = suggestQuasiIdentifiers(columns, sample).filter(({ column }) => column !== options.sensitive);
    if (suggestions.length === 0 && sample.length > 0) {
      throw new AppError("bad_request", `no quasi-identifiers given (--qi) and none recognised among the columns: ${columns.join(", ")}`);
    }
    quasiIdentifiers = suggestions.map(({ column }) => column);
    for (const { column, kind } of suggestions) kinds.set(column, kind);
    suggested = true;
  }
  checkColumnList(quasiIdentifiers, options.sensitive);

  const named = options.sensitive === undefined ? [...quasiIdentifiers] : [...quasiIdentifiers, options.sensitive];
  const seen = new Array<boolean>(named.length).fill(false);
  let unseen = named.length;
  const table = new QuasiIdentifierTable(quasiIdentifiers, options.sensitive);
  const take = (fields: Record<string, unknown>) => {
    if (unseen > 0) {
      for (let i = 0; i < named.length; i++) {
        if (!seen[i] && Object.hasOwn(fields, named[i]!)) {
          seen[i] = true;
          unseen--;
        }
      }
      if (unseen > 0 && table.records === 0 && options.everyRecordHasEveryColumn) throw unknownColumn(named, seen, quasiIdentifiers, Object.keys(fields));
    }
    table.add(fields);
  };
  for (const fields of sample) take(fields);
  if (isAsync(iterator)) for (let next = await iterator.next(); !next.done; next = await iterator.next()) take(next.value.fields);
  else for (let next = iterator.next(); !next.done; next = iterator.next()) take(next.value.fields);
  if (unseen > 0 && table.records > 0) throw unknownColumn(named, seen, quasiIdentifiers, undefined);

  if (!suggested) for (const column of table.quasiIdentifiers) kinds.set(column.name, quasiIdentifierKind(column.name, column.values));
  const risk = measureReidRisk(table, { threshold, generalise: options.generalise, kinds });
  const quasiIdentifierKinds = table.quasiIdentifiers.map((column) => ({ column: column.name, kind: kinds.get(column.name) ?? null }));
  return { ...risk, quasiIdentifiers: quasiIdentifierKinds, suggested };
}

function checkColumnList(quasiIdentifiers: readonly string[], sensitive: string | undefined): void {
  const seen = new Set<string>();
  for (const column of quasiIdentifiers) {
    if (seen.has(column)) throw new AppError("bad_request", `quasi-identifier column "${column}" is listed twice`, { field: "qi", column });
    seen.add(column);
  }
  if (sensitive !== undefined && seen.has(sensitive)) {
    throw new AppError("bad_request", `column "${sensitive}" cannot be both a quasi-identifier and the sensitive column`, { field: "sensitive", column: sensitive });
  }
}

function unknownColumn(named: string[], seen: boolean[], quasiIdentifiers: readonly string[], columns: string[] | undefined): AppError {
  const index = seen.indexOf(false);
  const column = named[index]!;
  const role = index < quasiIdentifiers.length ? "quasi-identifier" : "sensitive";
  const known = columns ? ` (columns: ${columns.join(", ")})` : ": no record has it";
  return new AppError("bad_request", `unknown ${role} column "${column}"${known}`, { field: role === "sensitive" ? "sensitive" : "qi", column });
}

function toIterator<T>(records: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in records ? records[Symbol.asyncIterator]() : records[Symbol.iterator]();
}

// Arrays are read without an await per record.
function isAsync<T>(iterator: AsyncIterator<T> | Iterator<T>): iterator is AsyncIterator<T> {
  return !(Symbol.iterator in iterator);
}
