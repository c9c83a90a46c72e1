import { describe, expect, it } from "vitest";
import { contentHash } from "./content-hash.ts";
import { findExactDuplicates } from "./find-exact-duplicates.ts";

describe("findExactDuplicates", () => {
  it("groups records whose texts differ only in case and whitespace", () => {
    const groups = findExactDuplicates([
      { id: "0", fields: { text: "Hi  there" } },
      { id: "1", fields: { text: "other" } },
      { id: "2", fields: { text: "hi there" } },
      { id: "3", fields: { text: "OTHER\n" } },
      { id: "4", fields: { text: "alone" } },
    ]);
    expect(groups).toEqual([
      { hash: contentHash("hi there"), ids: ["0", "2"] },
      { hash: contentHash("other"), ids: ["1", "3"] },
    ]);
  });

  it("uses SHA-256 of the normalised text", () => {
    // printf 'hi there' | sha256sum | xxd -r -p | base64
    expect(contentHash("hi there")).toBe("m5ah/h1UjLvJYMxqAoZmj9dKdjZnsGNm+yMkJp/KuqQ=");
  });
});
