import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/index.ts";
import { encodeRows, encodingFromSchema, fitFeatureEncoding, type PreprocessingSchema, type TabularRow } from "./tabular.ts";

const rows = (records: Record<string, unknown>[]): TabularRow[] => records.map((fields, i) => ({ line: i + 2, fields }));

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("fitFeatureEncoding / encodeRows", () => {
  const train = rows([
    { age: "20", colour: "red", label: "yes" },
    { age: "40", colour: "blue", label: "no" },
    { age: "", colour: "red", label: "yes" },
    { age: "60", colour: "NA", label: "no" },
  ]);

  it("standardises numeric columns with training statistics, one-hots categories, imputes missing", () => {
    const encoding = fitFeatureEncoding(train, { target: "label" });
    expect(encoding.classes).toEqual(["no", "yes"]);
    // mean of 20, 40, 60 = 40; population std = sqrt(800/3)
    expect(encoding.columns).toEqual([
      { name: "age", kind: "numeric", mean: 40, std: Math.sqrt(800 / 3) },
      { name: "colour", kind: "categorical", categories: ["blue", "red"] },
    ]);
    expect(encoding.width).toBe(3);
    const data = encodeRows(train, encoding);
    const s = Math.sqrt(800 / 3);
    expect(Array.from(data.labels)).toEqual([1, 0, 1, 0]);
    const expected = [-20 / s, 0, 1, 0, 1, 0, 0, 0, 1, 20 / s, 0, 0];
    Array.from(data.features).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
  });

  it("reuses the training encoding on other rows: unseen categories and bad numbers encode as the training mean / zeros", () => {
    const encoding = fitFeatureEncoding(train, { target: "label" });
    const data = encodeRows(rows([{ age: "100", colour: "green", label: "no" }, { age: "oops", colour: "blue", label: "yes" }, { age: "1", colour: "red", label: "" }]), encoding);
    const s = Math.sqrt(800 / 3);
    expect(data.count).toBe(2);
    expect(data.skippedRows).toBe(1);
    const expected = [60 / s, 0, 0, 0, 1, 0];
    Array.from(data.features).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
  });

  it("orders numeric classes numerically and refuses a label unseen in training, naming the line", () => {
    const encoding = fitFeatureEncoding(rows([{ x: 1, y: 10 }, { x: 2, y: 9 }, { x: 3, y: 10 }]), { target: "y" });
    expect(encoding.classes).toEqual(["9", "10"]);
    const error = thrown(() => encodeRows(rows([{ x: 1, y: 11 }]), encoding));
    expect(error.code).toBe("unprocessable");
    expect(error.message).toBe('line 2: the value of target column "y" is not one of the 2 classes seen in training');
  });

  it("drops identifier-like, free-text, constant, nested and high-cardinality columns with a reason", () => {
    const records = Array.from({ length: 12 }, (_, i) => ({
      user_id: 1000 + i,
      email: `person${i}@example.com`,
      note: `this is a long free text comment about person ${i % 4}`,
      country: "FR",
      nested: { a: i },
      city: `c${i % 6}`,
      score: i % 3,
      label: i % 2 ? "a" : "b",
    }));
    const encoding = fitFeatureEncoding(rows(records), { target: "label", maxCategories: 5 });
    expect(encoding.dropped).toEqual([
      { name: "user_id", reason: "identifier-like (named like an id, every value distinct)" },
      { name: "email", reason: "identifier-like (every value distinct)" },
      { name: "note", reason: "free text" },
      { name: "country", reason: "constant" },
      { name: "nested", reason: "nested JSON value" },
      { name: "city", reason: "high cardinality (6 categories, more than 5)" },
    ]);
    expect(encoding.columns.map((c) => c.name)).toEqual(["score"]);
  });

  it("throws clear AppErrors: unknown target, one class, no usable features", () => {
    const unknown = thrown(() => fitFeatureEncoding(train, { target: "income" }));
    expect(unknown.code).toBe("bad_request");
    expect(unknown.message).toBe('target column "income" is not in the training data (columns: age, colour, label)');
    const oneClass = thrown(() => fitFeatureEncoding(rows([{ x: 1, y: "a" }, { x: 2, y: "a" }, { x: 3, y: null }]), { target: "y" }));
    expect(oneClass.code).toBe("unprocessable");
    expect(oneClass.message).toMatch(/has 1 class in the training data; classification needs at least 2/);
    const none = thrown(() => fitFeatureEncoding(rows([{ c: "k", y: "a" }, { c: "k", y: "b" }]), { target: "y" }));
    expect(none.code).toBe("unprocessable");
    expect(none.message).toBe('no usable feature column besides the target "y" (dropped c: constant)');
  });
});

describe("encodingFromSchema", () => {
  const declared: PreprocessingSchema = {
    classes: ["no", "yes"],
    columns: [
      { name: "age", kind: "numeric", min: 0, max: 100 },
      { name: "colour", kind: "categorical", categories: ["red", "blue"] },
    ],
  };

  it("is the declared schema exactly, and encodes ranges clipped onto [-1, 1] and unlisted categories as zeros", () => {
    const encoding = encodingFromSchema(declared, "label");
    expect(encoding).toEqual({ version: 1, source: "declared", target: "label", classes: ["no", "yes"], columns: declared.columns, dropped: [], width: 3 });
    // age 75 → (75 − 50) / 50 = 0.5; 150 is clipped to 100 → 1; −20 to 0 → −1; missing → 0 (the range's centre).
    const data = encodeRows(rows([{ age: 75, colour: "blue", label: "yes" }, { age: 150, colour: "green", label: "no" }, { age: -20, colour: "red", label: "no" }, { age: "", colour: "red", label: "yes" }]), encoding);
    expect(Array.from(data.features)).toEqual([0.5, 0, 1, 1, 0, 0, -1, 1, 0, 0, 1, 0]);
    expect(Array.from(data.labels)).toEqual([1, 0, 0, 1]);
    const unknown = thrown(() => encodeRows(rows([{ age: 1, colour: "red", label: "maybe" }]), encoding));
    expect(unknown.message).toBe('line 2: the value of target column "label" is not one of the 2 declared classes');
  });

  it("refuses a schema that breaks a rule, naming it", () => {
    const numeric = (min: number, max: number) => ({ ...declared, columns: [{ name: "age", kind: "numeric" as const, min, max }] });
    expect(thrown(() => encodingFromSchema(numeric(5, 5), "label")).message).toBe('preprocessing schema: column "age" needs min < max, got [5, 5]');
    expect(thrown(() => encodingFromSchema({ ...declared, classes: ["a", "a"] }, "label")).message).toBe('preprocessing schema: class "a" is listed twice');
    expect(thrown(() => encodingFromSchema({ ...declared, columns: [...declared.columns, declared.columns[0]!] }, "label")).message).toBe('preprocessing schema: column "age" is listed twice');
    expect(thrown(() => encodingFromSchema(declared, "age")).message).toBe('preprocessing schema: the target "age" cannot also be a feature column');
    expect(thrown(() => encodingFromSchema({ ...declared, columns: [{ name: "c", kind: "categorical", categories: ["x", "x"] }] }, "label")).message).toBe('preprocessing schema: column "c" lists category "x" twice');
    expect(thrown(() => encodingFromSchema({ ...declared, classes: ["one"] }, "label")).code).toBe("unprocessable");
  });
});
