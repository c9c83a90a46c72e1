import { describe, expect, it } from "vitest";
import { recordText } from "./record-text.ts";

describe("recordText", () => {
  it("takes the named field, else the text field", () => {
    expect(recordText({ text: "body", title: "t" }, "title")).toBe("t");
    expect(recordText({ text: "body", title: "t" })).toBe("body");
    expect(recordText({ title: "t" }, "missing")).toBe("");
  });

  it("joins all fields but id in the order of their names", () => {
    expect(recordText({ title: "A", body: "b", id: 7 })).toBe("b A");
    expect(recordText({ body: "b", title: "A" })).toBe(recordText({ title: "A", body: "b" }));
    expect(recordText({ n: 3, ok: true, none: null, tags: ["x", "y"] })).toBe('3  true ["x","y"]');
  });
});
