/**
 * A privacy ε as people read it: `digits` decimals (2 by default; the CLI asks for 4), a whole number from
 * 100 up, where decimals say nothing, "∞" when there is no privacy at all and "—" when there is no ε.
 * @example formatEpsilon(2.5967) // "2.60"
 */
export function formatEpsilon(epsilon: number | null | undefined, digits = 2): string {
  if (epsilon === null || epsilon === undefined || Number.isNaN(epsilon)) return "—";
  if (!Number.isFinite(epsilon)) return "∞";
  return epsilon >= 100 ? epsilon.toFixed(0) : epsilon.toFixed(digits);
}
