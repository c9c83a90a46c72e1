import { describe, expect, it } from "vitest";
import { ColumnSchemaBuilder, DISTINCT_CAP } from "./column-schema-builder.ts";

describe("ColumnSchemaBuilder", () => {
  it("profiles CSV columns: type, nulls, distinct counts", () => {
    const builder = new ColumnSchemaBuilder({ fromText: true });
    const rows = [
      { id: "1", email: "ada@example.org", score: "1", born: "1815-12-10", zip: "02134" },
      { id: "2", email: "alan@example.org", score: "2.5", born: "", zip: "10115" },
      { id: "3", email: "ada@example.org", score: "3", born: "1912-06-23", zip: "75001" },
    ];
    for (const row of rows) builder.add(row);
    expect(builder.build()).toEqual({
      columnsTruncated: false,
      columns: [
        { name: "id", type: "integer", nullable: false, nullCount: 0, distinctCount: 3, distinctCapped: false },
        { name: "email", type: "string", nullable: false, nullCount: 0, distinctCount: 2, distinctCapped: false },
        { name: "score", type: "number", nullable: false, nullCount: 0, distinctCount: 3, distinctCapped: false },
        { name: "born", type: "date", nullable: true, nullCount: 1, distinctCount: 2, distinctCapped: false },
        { name: "zip", type: "string", nullable: false, nullCount: 0, distinctCount: 3, distinctCapped: false },
      ],
    });
  });

  it("never stores values", () => {
    const builder = new ColumnSchemaBuilder({ fromText: true });
    builder.add({ ssn: "123-45-6789", note: "call Jane Doe on 555-0100" });
    const serialised = JSON.stringify(builder.build());
    expect(serialised).not.toContain("6789");
    expect(serialised).not.toContain("Jane");
  });

  it("counts keys missing from JSON records as nulls, wherever they first appear", () => {
    const builder = new ColumnSchemaBuilder({ fromText: false });
    builder.add({ a: 1 });
    builder.add({ a: 2, b: "x" });
    builder.add({ a: null });
    builder.add({ a: 3.5, b: { nested: true } });
    const [a, b] = builder.build().columns;
    expect(a).toMatchObject({ name: "a", type: "number", nullCount: 1, distinctCount: 3 });
    expect(b).toMatchObject({ name: "b", type: "string", nullable: true, nullCount: 2, distinctCount: 2 });
  });

  it("caps the distinct count", () => {
    const builder = new ColumnSchemaBuilder({ fromText: true });
    for (let i = 0; i < DISTINCT_CAP + 500; i += 1) builder.add({ n: String(i), label: String(i % 10) });
    const [n, label] = builder.build().columns;
    expect(n).toMatchObject({ distinctCount: DISTINCT_CAP, distinctCapped: true, type: "integer" });
    expect(label).toMatchObject({ distinctCount: 10, distinctCapped: false });
    expect(builder.recordCount).toBe(DISTINCT_CAP + 500);
  });
});
