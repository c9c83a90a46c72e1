import { describe, expect, it } from "vitest";
import { ageBand, postcodePrefix, yearOf } from "./generalise-values.ts";

describe("ageBand", () => {
  it("puts ages in bands of the given width", () => {
    expect(ageBand("34", 5)).toBe("30-34");
    expect(ageBand("35", 5)).toBe("35-39");
    expect(ageBand("34", 10)).toBe("30-39");
    expect(ageBand("0", 10)).toBe("0-9");
    expect(ageBand(" 34.5 ", 5)).toBe("30-34");
  });

  it("leaves what is not an age alone", () => {
    expect(ageBand("thirty", 5)).toBeNull();
    expect(ageBand("30-39", 5)).toBeNull();
    expect(ageBand("-3", 5)).toBeNull();
  });
});

describe("yearOf", () => {
  it("takes the year of common date forms", () => {
    expect(yearOf("1984-03-07")).toBe("1984");
    expect(yearOf("1984-03-07T10:00:00Z")).toBe("1984");
    expect(yearOf("1984/3/7")).toBe("1984");
    expect(yearOf("1984-03")).toBe("1984");
    expect(yearOf("1984")).toBe("1984");
    expect(yearOf("07/03/1984")).toBe("1984");
    expect(yearOf("7.3.1984")).toBe("1984");
  });

  it("leaves what is not a date alone", () => {
    expect(yearOf("March 1984")).toBeNull();
    expect(yearOf("12345678")).toBeNull();
  });
});

describe("postcodePrefix", () => {
  it("keeps the first characters, spaces removed and uppercased", () => {
    expect(postcodePrefix("SW1A 1AA", 4)).toBe("SW1A");
    expect(postcodePrefix("sw1a1aa", 4)).toBe("SW1A");
    expect(postcodePrefix("02139", 3)).toBe("021");
    expect(postcodePrefix("021", 5)).toBe("021");
  });
});
