import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { DatabaseSchema, DatabaseTable } from "./introspect-database.ts";
import { findSchemaDrift, type DmmfDatamodel } from "./schema-drift.ts";

// getDMMF lives in @prisma/internals, CommonJS whose re-exports ESM named imports cannot see.
const { getDMMF } = createRequire(import.meta.url)("@prisma/internals") as {
  getDMMF(options: { datamodel: string }): Promise<{ datamodel: DmmfDatamodel }>;
};

const SCHEMA = `
datasource db {
  provider = "postgresql"
}

enum Status {
  draft
  live
}

model Author {
  id        String   @id @default(cuid())
  email     String   @unique
  createdAt DateTime @default(now())
  posts     Post[]
}

model Post {
  id       Int      @id @default(autoincrement())
  title    String   @default("")
  status   Status   @default(draft)
  tags     String[]
  score    Float?
  authorId String?
  author   Author?  @relation(fields: [authorId], references: [id])

  @@index([authorId])
}
`;

/** What `prisma migrate dev` would have created for SCHEMA. */
function database(): DatabaseSchema {
  const col = (name: string, formattedType: string, nullable: boolean, def: string | null = null, dataType = formattedType, udtName = formattedType) =>
    ({ name, dataType, udtName, formattedType, nullable, default: def });
  const author: DatabaseTable = {
    name: "Author",
    columns: [col("id", "text", false), col("email", "text", false), col("createdAt", "timestamp(3) without time zone", false, "CURRENT_TIMESTAMP", "timestamp without time zone", "timestamp")],
    indexes: [
      { name: "Author_pkey", columns: ["id"], unique: true, primary: true, partial: false },
      { name: "Author_email_key", columns: ["email"], unique: true, primary: false, partial: false },
    ],
    foreignKeys: [],
  };
  const post: DatabaseTable = {
    name: "Post",
    columns: [
      col("id", "integer", false, `nextval('"Post_id_seq"'::regclass)`),
      col("title", "text", false, "''::text"),
      col("status", '"Status"', false, `'draft'::"Status"`, "USER-DEFINED", "Status"),
      col("tags", "text[]", true, null, "ARRAY", "_text"),
      col("score", "double precision", true),
      col("authorId", "text", true),
    ],
    indexes: [
      { name: "Post_pkey", columns: ["id"], unique: true, primary: true, partial: false },
      { name: "Post_authorId_idx", columns: ["authorId"], unique: false, primary: false, partial: false },
    ],
    foreignKeys: [
      { name: "Post_authorId_fkey", columns: ["authorId"], referencedTable: "Author", referencedColumns: ["id"], onDelete: "SetNull", onUpdate: "Cascade" },
    ],
  };
  return { tables: [author, post, { name: "_prisma_migrations", columns: [], indexes: [], foreignKeys: [] }], enums: [{ name: "Status", values: ["draft", "live"] }] };
}

async function drift(schema: string, db: DatabaseSchema = database()) {
  return findSchemaDrift((await getDMMF({ datamodel: schema })).datamodel, db);
}

const post = (db: DatabaseSchema) => db.tables.find((t) => t.name === "Post")!;

describe("findSchemaDrift", () => {
  it("finds nothing when the database is what Prisma would have made", async () => {
    expect(await drift(SCHEMA)).toEqual([]);
  });

  it("reports a field that has no column, and a column that has no field", async () => {
    expect(await drift(SCHEMA.replace("  score    Float?\n", "  score    Float?\n  slug     String\n"))).toEqual([
      'Post.slug: in schema.prisma but table "Post" has no column "slug"',
    ]);
    expect(await drift(SCHEMA.replace("  score    Float?\n", ""))).toEqual([
      'table "Post": column "score" is in the database but no field of model Post maps to it',
    ]);
  });

  it("reports a type, nullability or default that differs", async () => {
    expect(await drift(SCHEMA.replace("score    Float?", "score    Int?"))).toEqual([
      'Post.score: schema.prisma means integer, the column "Post"."score" is double precision',
    ]);
    expect(await drift(SCHEMA.replace("score    Float?", "score    Float"))).toEqual([
      "Post.score: schema.prisma makes it NOT NULL, the database column is nullable",
    ]);
    expect(await drift(SCHEMA.replace('@default("")', '@default("untitled")'))).toEqual([
      "Post.title: schema.prisma has @default(untitled), the column default is ''::text",
    ]);
    expect(await drift(SCHEMA.replace("status   Status   @default(draft)", "status   Status"))).toEqual([
      `Post.status: the database column has DEFAULT 'draft'::"Status", schema.prisma has no database default`,
    ]);
    expect(await drift(SCHEMA.replace("tags     String[]", "tags     Int[]"))).toEqual([
      'Post.tags: schema.prisma means integer[], the column "Post"."tags" is text[]',
    ]);
  });

  it("reports enum values and enum types on either side only", async () => {
    expect(await drift(SCHEMA.replace("  live\n", "  live\n  archived\n"))).toEqual([
      'enum Status: values archived are in schema.prisma but not in the database type "Status"',
    ]);
    const db = database();
    db.enums.push({ name: "Leftover", values: ["a"] });
    expect(await drift(SCHEMA, db)).toEqual(['enum type "Leftover": in the database but not in schema.prisma']);
  });

  it("reports missing, extra and non-unique indexes", async () => {
    expect(await drift(SCHEMA.replace("email     String   @unique", "email     String"))).toEqual([
      'table "Author": unique index "Author_email_key" on (email) is in the database but not in schema.prisma',
    ]);
    expect(await drift(SCHEMA.replace("@@index([authorId])", "@@unique([authorId])"))).toEqual([
      'table "Post": schema.prisma wants a unique index on (authorId), the database has a non-unique index "Post_authorId_idx" there',
      'table "Post": index "Post_authorId_idx" on (authorId) is in the database but not in schema.prisma',
    ]);
  });

  it("reports a relation whose foreign key is missing or acts differently", async () => {
    expect(await drift(SCHEMA.replace("references: [id])", "references: [id], onDelete: Cascade)"))).toEqual([
      "Post.author: ON DELETE is SetNull in the database, schema.prisma means Cascade",
    ]);
    const db = database();
    post(db).foreignKeys = [];
    expect(await drift(SCHEMA, db)).toEqual(['Post.author: schema.prisma has a relation on (authorId) but table "Post" has no foreign key there']);
  });

  it("reports tables on either side only, respecting @@map", async () => {
    expect(await drift(SCHEMA.replace("  @@index([authorId])\n", '  @@index([authorId])\n  @@map("posts")\n'))).toContain(
      'model Post: in schema.prisma but the database has no table "posts"',
    );
    const db = database();
    db.tables.push({ name: "Stray", columns: [], indexes: [], foreignKeys: [] });
    expect(await drift(SCHEMA, db)).toEqual(['table "Stray": in the database but no model in schema.prisma maps to it']);
  });

  it("expects the join table of an implicit many-to-many relation", async () => {
    const withTags = SCHEMA.replace("  posts     Post[]\n", "  posts     Post[]\n  labels    Label[]\n") + "\nmodel Label {\n  id      String   @id\n  authors Author[]\n}\n";
    const problems = await drift(withTags);
    expect(problems).toContain('model Label: in schema.prisma but the database has no table "Label"');
    expect(problems).toContain('relation AuthorToLabel: in schema.prisma but the database has no table "_AuthorToLabel"');
  });
});
