import type { DatabaseColumn, DatabaseSchema, DatabaseTable, ReferentialAction } from "./introspect-database.ts";

// Compares schema.prisma (as Prisma's DMMF) with an introspected database and lists every disagreement.
// The expected database follows what `prisma migrate dev` generates for PostgreSQL: type mapping, default
// constraint names (Table_pkey, Table_cols_key/_idx/_fkey), default referential actions (onDelete Restrict
// for required relations, SetNull for optional ones; onUpdate Cascade), implicit many-to-many tables.

/** The parts of `getDMMF(...).datamodel` this comparison reads. */
export interface DmmfDatamodel {
  models: ReadonlyArray<{
    name: string;
    dbName: string | null;
    fields: ReadonlyArray<DmmfField>;
    primaryKey: { name: string | null; fields: readonly string[] } | null;
  }>;
  enums: ReadonlyArray<{ name: string; dbName?: string | null; values: ReadonlyArray<{ name: string; dbName: string | null }> }>;
  indexes: ReadonlyArray<{ model: string; type: string; dbName?: string | null; fields: ReadonlyArray<{ name: string }> }>;
}

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId?: boolean;
  isUpdatedAt?: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: readonly [string, readonly string[]] | null;
  relationName?: string | null;
  relationFromFields?: readonly string[];
  relationToFields?: readonly string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

/** One disagreement, readable as it stands: `User.nickname: in schema.prisma but the table "User" has no column "nickname"`. */
export type SchemaDrift = string;

/** Tables that exist beside the model without being part of it. */
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

// @db.X native types as format_type() prints them; `$n` is the n-th argument, `(…)` is dropped without arguments.
const NATIVE_TYPES: Record<string, string> = {
  Text: "text", VarChar: "character varying($1)", Char: "character($1)", Uuid: "uuid", Citext: "citext",
  Integer: "integer", SmallInt: "smallint", BigInt: "bigint", Oid: "oid",
  DoublePrecision: "double precision", Real: "real", Decimal: "numeric($1,$2)", Money: "money",
  Boolean: "boolean", Timestamp: "timestamp($1) without time zone", Timestamptz: "timestamp($1) with time zone",
  Date: "date", Time: "time($1) without time zone", Timetz: "time($1) with time zone",
  Json: "json", JsonB: "jsonb", ByteA: "bytea", Inet: "inet", Xml: "xml", Bit: "bit($1)", VarBit: "bit varying($1)",
};

type ExpectedDefault =
  | { kind: "none" }
  | { kind: "any" }
  | { kind: "sequence" }
  | { kind: "now" }
  | { kind: "value"; value: string; json: boolean };

interface ExpectedColumn {
  name: string;
  origin: string;
  /** Normalised as in `describeColumnType`; null when we cannot tell (Unsupported(...), unknown @db types). */
  type: string | null;
  /** null for scalar lists: Prisma creates them nullable and its own differ accepts NOT NULL too. */
  nullable: boolean | null;
  default: ExpectedDefault;
}

interface ExpectedTable {
  name: string;
  origin: string;
  columns: ExpectedColumn[];
  indexes: Array<{ name: string | null; columns: string[]; unique: boolean; primary: boolean }>;
  foreignKeys: Array<{
    name: string | null; origin: string; columns: string[]; referencedTable: string; referencedColumns: string[];
    onDelete: ReferentialAction; onUpdate: ReferentialAction;
  }>;
}

/**
 * Every disagreement between the datamodel and the database, or [] when they match.
 * Pure: give it `getDMMF({ datamodel }).datamodel` and `introspectDatabase(url)`.
 */
export function findSchemaDrift(datamodel: DmmfDatamodel, database: DatabaseSchema): SchemaDrift[] {
  const drift: SchemaDrift[] = [];
  const expectedTables = expectTables(datamodel);
  const actualTables = new Map(database.tables.map((t) => [t.name, t]));
  const enumNames = new Set(database.enums.map((e) => e.name));

  for (const expected of expectedTables) {
    const actual = actualTables.get(expected.name);
    if (!actual) {
      drift.push(`${expected.origin}: in schema.prisma but the database has no table "${expected.name}"`);
      continue;
    }
    compareTable(expected, actual, enumNames, drift);
  }
  const expectedNames = new Set(expectedTables.map((t) => t.name));
  for (const table of database.tables) {
    if (!expectedNames.has(table.name) && !IGNORED_TABLES.has(table.name)) {
      drift.push(`table "${table.name}": in the database but no model in schema.prisma maps to it`);
    }
  }

  const actualEnums = new Map(database.enums.map((e) => [e.name, e.values]));
  for (const e of datamodel.enums) {
    const name = e.dbName ?? e.name;
    const values = e.values.map((v) => v.dbName ?? v.name);
    const actual = actualEnums.get(name);
    if (!actual) {
      drift.push(`enum ${e.name}: in schema.prisma but the database has no enum type "${name}"`);
      continue;
    }
    // Order is not compared: ALTER TYPE … ADD VALUE appends, and Prisma does not reorder either.
    const missing = values.filter((v) => !actual.includes(v));
    const extra = actual.filter((v) => !values.includes(v));
    if (missing.length > 0) drift.push(`enum ${e.name}: values ${missing.join(", ")} are in schema.prisma but not in the database type "${name}"`);
    if (extra.length > 0) drift.push(`enum ${e.name}: values ${extra.join(", ")} are in the database type "${name}" but not in schema.prisma`);
  }
  const schemaEnums = new Set(datamodel.enums.map((e) => e.dbName ?? e.name));
  for (const e of database.enums) {
    if (!schemaEnums.has(e.name)) drift.push(`enum type "${e.name}": in the database but not in schema.prisma`);
  }
  return drift;
}

function compareTable(expected: ExpectedTable, actual: DatabaseTable, enumNames: Set<string>, drift: SchemaDrift[]) {
  const where = `table "${expected.name}"`;
  const actualColumns = new Map(actual.columns.map((c) => [c.name, c]));
  for (const column of expected.columns) {
    const found = actualColumns.get(column.name);
    if (!found) {
      drift.push(`${column.origin}: in schema.prisma but ${where} has no column "${column.name}"`);
      continue;
    }
    const actualType = describeColumnType(found, enumNames);
    if (column.type !== null && column.type !== actualType) {
      drift.push(`${column.origin}: schema.prisma means ${column.type}, the column "${expected.name}"."${column.name}" is ${actualType}`);
    }
    if (column.nullable !== null && column.nullable !== found.nullable) {
      drift.push(`${column.origin}: schema.prisma makes it ${column.nullable ? "nullable" : "NOT NULL"}, the database column is ${found.nullable ? "nullable" : "NOT NULL"}`);
    }
    const defaultProblem = compareDefault(column.default, found.default);
    if (defaultProblem) drift.push(`${column.origin}: ${defaultProblem}`);
  }
  const expectedColumns = new Set(expected.columns.map((c) => c.name));
  for (const column of actual.columns) {
    if (!expectedColumns.has(column.name)) drift.push(`${where}: column "${column.name}" is in the database but no field of ${expected.origin} maps to it`);
  }

  const unmatched = [...actual.indexes];
  for (const index of expected.indexes) {
    const kind = index.primary ? "primary key" : index.unique ? "unique index" : "index";
    const same = (i: (typeof unmatched)[number]) => i.columns !== null && !i.partial && sameList(i.columns, index.columns);
    const at = unmatched.findIndex((i) => same(i) && i.primary === index.primary && i.unique === index.unique);
    if (at < 0) {
      const other = unmatched.find(same);
      const actualKind = other ? (other.primary ? "a primary key" : other.unique ? "a unique index" : "a non-unique index") : null;
      drift.push(
        `${where}: schema.prisma wants ${kind === "index" ? "an" : "a"} ${kind} on (${index.columns.join(", ")})` +
          (actualKind ? `, the database has ${actualKind} "${other!.name}" there` : ", the database has none"),
      );
      continue;
    }
    const [found] = unmatched.splice(at, 1);
    if (index.name !== null && found!.name !== index.name) {
      drift.push(`${where}: the ${kind} on (${index.columns.join(", ")}) is named "${found!.name}", schema.prisma expects "${index.name}"`);
    }
  }
  for (const index of unmatched) {
    const what = index.columns === null ? "expressions" : `(${index.columns.join(", ")})`;
    drift.push(`${where}: ${index.unique ? "unique " : ""}index "${index.name}" on ${what}${index.partial ? " (partial)" : ""} is in the database but not in schema.prisma`);
  }

  const unmatchedKeys = [...actual.foreignKeys];
  for (const fk of expected.foreignKeys) {
    const at = unmatchedKeys.findIndex((k) => sameList(k.columns, fk.columns));
    if (at < 0) {
      drift.push(`${fk.origin}: schema.prisma has a relation on (${fk.columns.join(", ")}) but ${where} has no foreign key there`);
      continue;
    }
    const [found] = unmatchedKeys.splice(at, 1);
    if (found!.referencedTable !== fk.referencedTable || !sameList(found!.referencedColumns, fk.referencedColumns)) {
      drift.push(`${fk.origin}: the foreign key "${found!.name}" references "${found!.referencedTable}"(${found!.referencedColumns.join(", ")}), schema.prisma says "${fk.referencedTable}"(${fk.referencedColumns.join(", ")})`);
    }
    if (found!.onDelete !== fk.onDelete) drift.push(`${fk.origin}: ON DELETE is ${found!.onDelete} in the database, schema.prisma means ${fk.onDelete}`);
    if (found!.onUpdate !== fk.onUpdate) drift.push(`${fk.origin}: ON UPDATE is ${found!.onUpdate} in the database, schema.prisma means ${fk.onUpdate}`);
    if (fk.name !== null && found!.name !== fk.name) drift.push(`${fk.origin}: the foreign key is named "${found!.name}", schema.prisma expects "${fk.name}"`);
  }
  for (const key of unmatchedKeys) {
    drift.push(`${where}: foreign key "${key.name}" on (${key.columns.join(", ")}) → "${key.referencedTable}" is in the database but no relation in schema.prisma makes it`);
  }
}

/** `text`, `text[]`, `enum "Role"`, `enum "Role"[]`, `timestamp(3) without time zone`. */
function describeColumnType(column: DatabaseColumn, enumNames: Set<string>): string {
  if (column.dataType === "USER-DEFINED" && enumNames.has(column.udtName)) return `enum "${column.udtName}"`;
  if (column.dataType === "ARRAY" && enumNames.has(column.udtName.replace(/^_/, ""))) return `enum "${column.udtName.slice(1)}"[]`;
  return column.formattedType;
}

function compareDefault(expected: ExpectedDefault, actual: string | null): string | null {
  switch (expected.kind) {
    case "none":
      return actual === null ? null : `the database column has DEFAULT ${actual}, schema.prisma has no database default`;
    case "any":
      return actual !== null ? null : "schema.prisma has a database default, the column has none";
    case "sequence":
      return actual?.startsWith("nextval(") ? null : `schema.prisma says autoincrement(), the column default is ${actual ?? "missing"}`;
    case "now":
      return actual !== null && /^(CURRENT_TIMESTAMP|now\(\))$/i.test(actual) ? null : `schema.prisma says now(), the column default is ${actual ?? "missing"}`;
    case "value": {
      if (actual === null) return `schema.prisma has @default(${expected.value}), the column has no default`;
      const literal = unquoteDefault(actual);
      const same = expected.json ? sameJson(literal, expected.value) : literal === expected.value || sameInstant(literal, expected.value);
      return same ? null : `schema.prisma has @default(${expected.value}), the column default is ${actual}`;
    }
  }
}

function expectTables(datamodel: DmmfDatamodel): ExpectedTable[] {
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
  const tableOf = (model: string) => models.get(model)!.dbName ?? model;
  const columnOf = (model: string, field: string) => {
    const f = models.get(model)!.fields.find((x) => x.name === field);
    return f?.dbName ?? field;
  };

  const tables: ExpectedTable[] = datamodel.models.map((model) => {
    const table = model.dbName ?? model.name;
    const columns = model.fields
      .filter((f) => f.kind === "scalar" || f.kind === "enum" || f.kind === "unsupported")
      .map((f): ExpectedColumn => ({
        name: f.dbName ?? f.name,
        origin: `${model.name}.${f.name}`,
        type: expectedType(f, enums),
        nullable: f.isList ? null : !f.isRequired,
        default: expectedDefault(f, enums),
      }));
    const indexes = datamodel.indexes
      .filter((i) => i.model === model.name && i.type !== "fulltext")
      .map((i) => {
        const cols = i.fields.map((f) => columnOf(model.name, f.name));
        const suffix = i.type === "id" ? "pkey" : i.type === "unique" ? `${cols.join("_")}_key` : `${cols.join("_")}_idx`;
        return { name: i.dbName ?? defaultName(table, suffix), columns: cols, unique: i.type !== "normal", primary: i.type === "id" };
      });
    const foreignKeys = model.fields
      .filter((f) => f.kind === "object" && (f.relationFromFields?.length ?? 0) > 0)
      .map((f) => {
        const from = f.relationFromFields!.map((name) => columnOf(model.name, name));
        const required = f.relationFromFields!.every((name) => model.fields.find((x) => x.name === name)?.isRequired);
        return {
          name: defaultName(table, `${from.join("_")}_fkey`),
          origin: `${model.name}.${f.name}`,
          columns: from,
          referencedTable: tableOf(f.type),
          referencedColumns: f.relationToFields!.map((name) => columnOf(f.type, name)),
          onDelete: (f.relationOnDelete ?? (required ? "Restrict" : "SetNull")) as ReferentialAction,
          onUpdate: (f.relationOnUpdate ?? "Cascade") as ReferentialAction,
        };
      });
    return { name: table, origin: `model ${model.name}`, columns, indexes, foreignKeys };
  });

  // Implicit many-to-many: both sides are lists without fields; Prisma keeps the pairs in "_<relationName>".
  const seen = new Set<string>();
  for (const model of datamodel.models) {
    for (const f of model.fields) {
      if (f.kind !== "object" || !f.isList || !f.relationName || seen.has(f.relationName)) continue;
      const other = models.get(f.type)!.fields.find((x) => x.relationName === f.relationName && x !== f);
      if (!other?.isList) continue;
      seen.add(f.relationName);
      const [a, b] = [model.name, f.type].sort();
      const table = `_${f.relationName}`;
      const idOf = (name: string) => {
        const m = models.get(name)!;
        const id = m.fields.find((x) => x.isId);
        return { table: tableOf(name), column: id?.dbName ?? id?.name ?? "id", type: id ? expectedType(id, enums) : null };
      };
      const [ida, idb] = [idOf(a!), idOf(b!)];
      const column = (name: string, type: string | null): ExpectedColumn => ({ name, origin: `${table}.${name}`, type, nullable: false, default: { kind: "none" } });
      const fk = (name: "A" | "B", id: { table: string; column: string }) => ({
        name: `${table}_${name}_fkey`, origin: `relation ${f.relationName}`, columns: [name], referencedTable: id.table,
        referencedColumns: [id.column], onDelete: "Cascade" as const, onUpdate: "Cascade" as const,
      });
      tables.push({
        name: table,
        origin: `relation ${f.relationName}`,
        columns: [column("A", ida.type), column("B", idb.type)],
        indexes: [
          { name: `${table}_AB_pkey`, columns: ["A", "B"], unique: true, primary: true },
          { name: `${table}_B_index`, columns: ["B"], unique: false, primary: false },
        ],
        foreignKeys: [fk("A", ida), fk("B", idb)],
      });
    }
  }
  return tables;
}

function expectedType(field: DmmfField, enums: Map<string, DmmfDatamodel["enums"][number]>): string | null {
  const list = field.isList ? "[]" : "";
  if (field.kind === "enum") return `enum "${enums.get(field.type)?.dbName ?? field.type}"${list}`;
  if (field.kind === "unsupported") return null;
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const pattern = NATIVE_TYPES[name];
    if (!pattern) return null;
    const rendered = args.length === 0 ? pattern.replace(/\(\$1(,\$2)?\)/, "") : pattern.replace(/\$(\d)/g, (_, n) => args[Number(n) - 1] ?? "");
    return rendered + list;
  }
  const base = SCALAR_TYPES[field.type];
  return base ? base + list : null;
}

function expectedDefault(field: DmmfField, enums: Map<string, DmmfDatamodel["enums"][number]>): ExpectedDefault {
  if (!field.hasDefaultValue || field.isUpdatedAt) return { kind: "none" };
  const value = field.default;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && "name" in value) {
    switch ((value as { name: string }).name) {
      case "autoincrement":
        return { kind: "sequence" };
      case "now":
        return { kind: "now" };
      case "dbgenerated":
        return { kind: "any" };
      default:
        // cuid(), uuid(), nanoid(), ulid(): made by the client, nothing in the database.
        return { kind: "none" };
    }
  }
  if (Array.isArray(value)) return { kind: "any" };
  if (field.kind === "enum") {
    const mapped = enums.get(field.type)?.values.find((v) => v.name === value)?.dbName;
    return { kind: "value", value: mapped ?? String(value), json: false };
  }
  return { kind: "value", value: String(value), json: field.type === "Json" };
}

/** `'{}'::jsonb` → `{}`, `'pending'::"VersionStatus"` → `pending`, `0` → `0`. */
function unquoteDefault(expression: string): string {
  let text = expression.trim();
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(/::(?:"[^"]+"|[a-z_][\w ]*)(?:\(\d+(?:,\d+)?\))?(?:\[\])?$/i, "").trim();
    if (/^\(.*\)$/.test(text)) text = text.slice(1, -1).trim();
  }
  const quoted = /^'((?:[^']|'')*)'$/.exec(text);
  return quoted ? quoted[1]!.replace(/''/g, "'") : text;
}

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return a === b;
  }
}

function sameInstant(a: string, b: string): boolean {
  const [x, y] = [Date.parse(a), Date.parse(b)];
  return Number.isFinite(x) && x === y && /\d{4}-\d\d-\d\d/.test(a);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Prisma's default constraint names; PostgreSQL cuts identifiers at 63 bytes, so longer ones are not compared. */
function defaultName(table: string, suffix: string): string | null {
  const name = `${table}_${suffix}`;
  return Buffer.byteLength(name) <= 63 ? name : null;
}
