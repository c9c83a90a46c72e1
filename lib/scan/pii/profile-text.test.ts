import { describe, expect, it } from "vitest";
import { profileText } from "./profile-text.ts";

describe("profileText", () => {
  it("bounds the digits of one written number: groups joined by spaces and number punctuation", () => {
    expect(profileText("+44 (0)20 7946-0958").numberRun).toBe(13);
    expect(profileText("card 4111 1111 1111 1111, ssn 536.22.1457").numberRun).toBe(16);
    expect(profileText("00\u00a049 30 1234567").numberRun).toBe(13);
  });
  it("breaks the run at letters and other punctuation, so ids and hashes skip the numeric recognizers", () => {
    const uuid = profileText("ac89c76f-aff0-4851-b012-231c14504fbe");
    expect(uuid.digits).toBe(20);
    expect(uuid.numberRun).toBeLessThan(7);
    expect(profileText("2024-01-15T10:30:00Z").numberRun).toBe(8);
    expect(profileText("no digits").numberRun).toBe(0);
  });
});
