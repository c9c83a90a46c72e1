// Figures of the models area, formatted the same way everywhere.
export function formatDelta(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return "—";
  return delta.toExponential(1);
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `${(value * 100).toFixed(1)}%`;
}

export const GUARANTEE_LABELS: Record<string, string> = {
  formal: "Formal (ε, δ)-DP",
  declared: "Declared, not verified",
  none: "No formal guarantee",
};

/** Dates and the like become strings, as the API sends them: safe to hand to client components. */
export function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
