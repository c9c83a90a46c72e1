// Sizes are shown in IEC units (KiB = 1024 bytes) because upload limits are set in those units
// (CANARY_MAX_UPLOAD_BYTES defaults to 1 GiB), so "1.0 GiB" in the UI means exactly the limit.
const UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"] as const;

/**
 * A byte count as a short human-readable string: `formatBytes(1536)` is `"1.5 KiB"`.
 * Accepts the API's decimal strings (sizes are BigInt in the database) as well as numbers.
 * Invalid or negative input gives `"—"` rather than throwing, since this only ever feeds the UI.
 */
export function formatBytes(bytes: number | bigint | string | null | undefined): string {
  if (bytes === null || bytes === undefined || bytes === "") return "—";
  const value = typeof bytes === "number" ? bytes : Number(bytes);
  if (!Number.isFinite(value) || value < 0) return "—";
  if (value < 1024) return `${Math.round(value)} B`;
  let unit = 0;
  let scaled = value;
  while (scaled >= 1024 && unit < UNITS.length - 1) {
    scaled /= 1024;
    unit += 1;
  }
  // One decimal below 100 keeps "1.5 MiB" readable without "812.3 MiB" noise.
  const digits = scaled < 100 ? 1 : 0;
  const rounded = Number(scaled.toFixed(digits));
  // 1023.96 KiB rounds to "1024 KiB"; carry it into the next unit instead.
  if (rounded >= 1024 && unit < UNITS.length - 1) return `1.0 ${UNITS[unit + 1]}`;
  return `${rounded.toFixed(digits)} ${UNITS[unit]}`;
}
