// A PRV as a PMF on the grid (step 2 of prv.ts's pipeline).
// [1] Gopi, Lee, Wutschitz 2021, "Numerical Composition of Differential Privacy", arXiv:2106.02848
import { AppError } from "../../../errors/index.ts";
import type { PoissonSubsampledGaussianPrv } from "./poisson-subsampled-gaussian-prv.ts";
import type { PrvDomain } from "./prv-domain.ts";

/** A PMF on a domain; pmf[j] is the probability of t_j. */
export interface DiscretePrv {
  pmf: Float64Array;
  domain: PrvDomain;
  /** Cells outside [first, last] are 0 (when known; saves scanning the grid). */
  support?: { first: number; last: number };
}

/**
 * The PRV truncated to the domain (and where its survival falls below `tailMass`), discretised
 * into cells of width dt centred on the grid points, then shifted so that the discrete mean equals
 * the continuous one (Opacus `discretize`).
 * @throws AppError internal when the shift would exceed half a cell (as Opacus's RuntimeError).
 */
export function discretizePrv(prv: PoissonSubsampledGaussianPrv, domain: PrvDomain, tailMass: number): DiscretePrv {
  const { size, dt, zeroIndex } = domain;
  const tMin = -zeroIndex * dt;
  const tMaxGrid = (size - 1 - zeroIndex) * dt;
  const tMax = truncationPoint(prv, Math.max(tMin, prv.lowerSupport), tMaxGrid, tailMass);
  const cdfAtMin = prv.cdf(tMin);
  const survivalAtMax = prv.survival(tMax);
  const mass = 1 - survivalAtMax - cdfAtMin;

  // Below `switchPoint` cells are CDF differences, above they are survival differences, so that
  // neither tail loses its relative precision.
  const switchPoint = prv.loss(0);
  const lower = Math.max(tMin, prv.lowerSupport);
  const firstCell = Math.max(0, Math.floor((lower - tMin) / dt - 0.5));
  const lastCell = Math.min(size - 1, Math.ceil((tMax - tMin) / dt + 0.5));
  const cumulative = (edge: number): number =>
    edge <= tMin ? 0 : edge >= tMax ? mass : prv.cdf(edge) - cdfAtMin;
  const upper = (edge: number): number =>
    edge <= tMin ? mass : edge >= tMax ? 0 : prv.survival(edge) - survivalAtMax;

  const pmf = new Float64Array(size);
  const firstEdge = tMin + (firstCell - 0.5) * dt;
  let previousIsUpper = firstEdge >= switchPoint;
  let previousValue = previousIsUpper ? upper(firstEdge) : cumulative(firstEdge);
  for (let j = firstCell; j <= lastCell; j++) {
    const edge = tMin + (j + 0.5) * dt;
    let cell: number;
    if (previousIsUpper) {
      const value = upper(edge);
      cell = previousValue - value;
      previousValue = value;
    } else if (edge < switchPoint) {
      const value = cumulative(edge);
      cell = value - previousValue;
      previousValue = value;
    } else {
      // the cell that straddles the switch: both edges as CDF, then continue with survival
      cell = cumulative(edge) - previousValue;
      previousValue = upper(edge);
      previousIsUpper = true;
    }
    pmf[j] = cell / mass;
  }

  const meanContinuous = prv.truncatedMean(tMin, tMax);
  const meanDiscrete = compensatedDot(pmf, tMin, dt, firstCell, lastCell);
  const shift = meanContinuous - meanDiscrete;
  if (!(Math.abs(shift) < dt / 2)) {
    throw new AppError("internal", "discretizePrv: the discrete mean differs significantly from the continuous mean");
  }
  return { pmf, domain: { ...domain, shift: domain.shift + shift }, support: { first: firstCell, last: lastCell } };
}

/** The point where the survival of the PRV falls to `tailMass` (bisection), or tMax if it never does. */
function truncationPoint(prv: PoissonSubsampledGaussianPrv, lo: number, tMax: number, tailMass: number): number {
  if (prv.survival(tMax) >= tailMass) return tMax;
  let low = lo;
  let high = tMax;
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, Math.abs(high)); i++) {
    const mid = 0.5 * (low + high);
    if (prv.survival(mid) >= tailMass) low = mid;
    else high = mid;
  }
  return high;
}

/** sum_j pmf[j] (tMin + j dt) over [first, last], with Neumaier summation. */
function compensatedDot(pmf: Float64Array, tMin: number, dt: number, first: number, last: number): number {
  let sum = 0;
  let compensation = 0;
  for (let j = first; j <= last; j++) {
    const term = pmf[j]! * (tMin + j * dt);
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + compensation;
}
