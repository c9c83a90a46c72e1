import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.ts";
import { checkFilename } from "./check-filename.ts";

describe("checkFilename", () => {
  it("accepts plain names, including non-ASCII ones", () => {
    for (const name of ["people.csv", "Kundenliste März 2024.csv", "données-v2.jsonl", "a.b.c.txt"]) expect(checkFilename(name)).toBe(name);
  });

  it.each([
    ["", "is empty"],
    ["../x.csv", "must be a file name, not a path"],
    ["a/b.csv", "must be a file name, not a path"],
    ["C:\\data\\x.csv", "must be a file name, not a path"],
    ["x..csv", "must not contain '..'"],
    [".env.csv", "must not start with a dot"],
    ["a\u0000.csv", "contains a control character"],
    ["a\r\n.csv", "contains a control character"],
    ["a\u2028.csv", "contains a control character"],
    [" a.csv", "must not start or end with a space"],
    [`${"a".repeat(252)}.csv`, "is longer than 255 characters"],
  ])("refuses %j", (name, why) => {
    let caught: unknown;
    try {
      checkFilename(name);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe("bad_request");
    expect((caught as AppError).message).toBe(`filename: ${why}`);
    expect((caught as AppError).details).toEqual({ field: "filename" });
  });
});
