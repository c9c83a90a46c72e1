import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes.ts";

describe("formatBytes", () => {
  it("prints small sizes in bytes", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
  });

  it("uses IEC units with one decimal below 100", () => {
    expect(formatBytes(1024)).toBe("1.0 KiB");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(5 * 1024 * 1024 + 256 * 1024)).toBe("5.3 MiB");
    expect(formatBytes(812 * 1024 * 1024)).toBe("812 MiB");
    expect(formatBytes(1073741824)).toBe("1.0 GiB");
  });

  it("carries a value that rounds up to 1024 into the next unit", () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe("1.0 MiB");
  });

  it("accepts the API's decimal strings and bigints", () => {
    expect(formatBytes("2048")).toBe("2.0 KiB");
    expect(formatBytes(3n * 1024n ** 4n)).toBe("3.0 TiB");
  });

  it("shows a dash for missing or invalid sizes", () => {
    expect(formatBytes(null)).toBe("—");
    expect(formatBytes(undefined)).toBe("—");
    expect(formatBytes("")).toBe("—");
    expect(formatBytes("abc")).toBe("—");
    expect(formatBytes(-1)).toBe("—");
  });
});
