import pg from "pg";

// What the database really holds, read from pg_catalog and information_schema, in the shape that
// `findSchemaDrift` compares against schema.prisma.

export type ReferentialAction = "Cascade" | "Restrict" | "NoAction" | "SetNull" | "SetDefault";

export interface DatabaseColumn {
  name: string;
  /** information_schema data_type: "text", "integer", "USER-DEFINED" (enums), "ARRAY", … */
  dataType: string;
  /** information_schema udt_name: the enum's name, or "_elem" for arrays. */
  udtName: string;
  /** pg format_type(): "timestamp(3) without time zone", "text[]", "character varying(20)". */
  formattedType: string;
  nullable: boolean;
  /** The default expression as PostgreSQL prints it, e.g. `''::text`, `nextval('…'::regclass)`. */
  default: string | null;
}

export interface DatabaseIndex {
  name: string;
  /** Column names in index order; null when the index is over expressions. */
  columns: string[] | null;
  unique: boolean;
  primary: boolean;
  partial: boolean;
}

export interface DatabaseForeignKey {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface DatabaseTable {
  name: string;
  columns: DatabaseColumn[];
  indexes: DatabaseIndex[];
  foreignKeys: DatabaseForeignKey[];
}

export interface DatabaseSchema {
  tables: DatabaseTable[];
  enums: Array<{ name: string; values: string[] }>;
}

const ACTIONS: Record<string, ReferentialAction> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

/** Reads tables, columns, indexes, foreign keys and enums of one schema (default `public`). */
export async function introspectDatabase(databaseUrl: string, schema = "public"): Promise<DatabaseSchema> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "canary-introspect" });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
      [schema],
    );
    const columns = await client.query<DatabaseColumn & { table: string }>(
      `SELECT c.table_name AS "table", c.column_name AS name, c.data_type AS "dataType", c.udt_name AS "udtName",
              format_type(a.atttypid, a.atttypmod) AS "formattedType", c.is_nullable = 'YES' AS nullable,
              c.column_default AS default
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
       WHERE c.table_schema = $1 ORDER BY c.table_name, c.ordinal_position`,
      [schema],
    );
    const indexes = await client.query<DatabaseIndex & { table: string; expression: boolean }>(
      `SELECT t.relname AS "table", i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
              ix.indpred IS NOT NULL AS partial, ix.indexprs IS NOT NULL AS expression,
              ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = $1 AND t.relkind IN ('r', 'p') ORDER BY t.relname, i.relname`,
      [schema],
    );
    const foreignKeys = await client.query<{
      table: string; name: string; columns: string[]; referencedTable: string; referencedColumns: string[]; onDelete: string; onUpdate: string;
    }>(
      `SELECT t.relname AS "table", con.conname AS name, r.relname AS "referencedTable",
              con.confdeltype::text AS "onDelete", con.confupdtype::text AS "onUpdate",
              ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
              ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "referencedColumns"
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_class r ON r.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE con.contype = 'f' AND n.nspname = $1 ORDER BY t.relname, con.conname`,
      [schema],
    );
    const enums = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = $1 GROUP BY t.typname ORDER BY t.typname`,
      [schema],
    );

    return {
      tables: tables.rows.map(({ name }) => ({
        name,
        columns: columns.rows.filter((c) => c.table === name).map(({ table: _table, ...column }) => column),
        indexes: indexes.rows
          .filter((i) => i.table === name)
          .map(({ table: _table, expression, ...index }) => ({ ...index, columns: expression ? null : index.columns })),
        foreignKeys: foreignKeys.rows
          .filter((f) => f.table === name)
          .map(({ table: _table, ...fk }) => ({ ...fk, onDelete: ACTIONS[fk.onDelete]!, onUpdate: ACTIONS[fk.onUpdate]! })),
      })),
      enums: enums.rows,
    };
  } finally {
    await client.end();
  }
}
