import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeCallbackUrl("/datasets/new")).toBe("/datasets/new");
    expect(safeCallbackUrl("/datasets?q=tickets&page=2")).toBe("/datasets?q=tickets&page=2");
    expect(safeCallbackUrl(["/jobs", "/audit-log"])).toBe("/jobs");
  });

  it("drops the origin of absolute URLs, as next-auth sends them", () => {
    expect(safeCallbackUrl("http://localhost:3000/audit-log")).toBe("/audit-log");
    expect(safeCallbackUrl("https://evil.example/datasets")).toBe("/datasets");
  });

  it("never returns a protocol-relative or foreign target", () => {
    expect(safeCallbackUrl("//evil.example/x")).toBe("/x");
    expect(safeCallbackUrl("https://evil.example//evil.example")).toBe("/datasets");
    // Browsers read "/\\host" as "//host"; the parsed URL's host is dropped, leaving this site's root.
    expect(safeCallbackUrl("/\\evil.example")).toBe("/");
    expect(safeCallbackUrl("javascript:alert(1)")).toBe("/datasets");
  });

  it("falls back to /datasets when missing or pointing back at sign-in", () => {
    expect(safeCallbackUrl(undefined)).toBe("/datasets");
    expect(safeCallbackUrl("")).toBe("/datasets");
    expect(safeCallbackUrl("/signin?callbackUrl=%2Fjobs")).toBe("/datasets");
  });
});
