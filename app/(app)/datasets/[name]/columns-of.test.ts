import { describe, expect, it } from "vitest";
import { columnsOf } from "./columns-of";

describe("columnsOf", () => {
  it("reads the ingest worker's { columns: [...] } form", () => {
    const schema = {
      columns: [
        { name: "ticket_id", type: "integer", nullCount: 0 },
        { name: "channel", type: "string", nullCount: 2 },
      ],
      columnsTruncated: false,
    };
    expect(columnsOf(schema)).toEqual([
      { name: "ticket_id", type: "integer", nullCount: 0 },
      { name: "channel", type: "string", nullCount: 2 },
    ]);
  });

  it("reads a bare list and names unnamed columns by position", () => {
    expect(columnsOf([{ type: "string" }, { column: "age", type: "integer" }, "junk"])).toEqual([
      { name: "column 1", type: "string" },
      { column: "age", name: "age", type: "integer" },
    ]);
  });

  it("reads a name → type map", () => {
    expect(columnsOf({ id: "integer", email: { type: "string", nullable: true } })).toEqual([
      { name: "id", type: "integer" },
      { name: "email", type: "string", nullable: true },
    ]);
  });

  it("is null when there is no schema", () => {
    expect(columnsOf(null)).toBeNull();
    expect(columnsOf(undefined)).toBeNull();
    expect(columnsOf("csv")).toBeNull();
  });
});
