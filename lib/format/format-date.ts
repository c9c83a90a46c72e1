// Timestamps are shown in UTC with an explicit zone: compliance evidence must be unambiguous, and
// server and browser then render identical text (no hydration mismatch across time zones).

function toDate(value: Date | string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `formatDate("2026-11-23T18:32:05Z")` is `"2026-11-23"`; missing or invalid input gives `"—"`. */
export function formatDate(value: Date | string | number | null | undefined): string {
  const date = toDate(value);
  if (!date) return "—";
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** `formatDateTime("2026-11-23T18:32:05Z")` is `"2026-11-23 18:32 UTC"`. */
export function formatDateTime(value: Date | string | number | null | undefined): string {
  const date = toDate(value);
  if (!date) return "—";
  return `${formatDate(date)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/**
 * Elapsed time between two instants, e.g. `"4.2 s"`, `"3 min 5 s"`, `"2 h 10 min"`;
 * `"—"` when either is missing or the end precedes the start.
 */
export function formatDuration(
  start: Date | string | number | null | undefined,
  end: Date | string | number | null | undefined,
): string {
  const from = toDate(start);
  const to = toDate(end);
  if (!from || !to) return "—";
  const ms = to.getTime() - from.getTime();
  if (ms < 0) return "—";
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const totalSeconds = Math.round(seconds);
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min ${totalSeconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
