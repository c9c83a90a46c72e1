const UNITS = ["bytes", "KiB", "MiB", "GiB", "TiB"] as const;

/** `1073741824` → `"1 GiB"`, `1536` → `"1.5 KiB"`: limits in messages people read. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, "");
  return `${rounded} ${UNITS[unit]}`;
}
