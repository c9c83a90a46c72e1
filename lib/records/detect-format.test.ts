import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.ts";
import { detectFormat } from "./detect-format.ts";

describe("detectFormat", () => {
  it("maps extensions case-insensitively", () => {
    expect(detectFormat("people.csv")).toBe("csv");
    expect(detectFormat("EVENTS.JSONL")).toBe("jsonl");
    expect(detectFormat("events.ndjson")).toBe("jsonl");
    expect(detectFormat("notes.v2.txt")).toBe("text");
  });

  it("refuses other types, naming the allowed ones", () => {
    for (const name of ["data.parquet", "README", "archive.csv.gz"]) {
      let caught: unknown;
      try {
        detectFormat(name);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe("unsupported_media_type");
      expect((caught as AppError).message).toContain(".csv");
      expect((caught as AppError).message).toContain(".jsonl");
      expect((caught as AppError).message).toContain(".txt");
    }
  });
});
