// epsilon from a composed PRV, its PMF or its spectrum (step 4 of prv.ts's pipeline).
// [1] Gopi, Lee, Wutschitz 2021, "Numerical Composition of Differential Privacy", arXiv:2106.02848
import { AppError } from "../../../errors/index.ts";
import { type ComposedSpectrum, SPARSE_FREQUENCY_LIMIT } from "./compose-prv.ts";
import type { DiscretePrv } from "./discretize-prv.ts";
import { domainPoint } from "./prv-domain.ts";

/** np.finfo(np.longdouble).eps on x86-64, the constant of Opacus's round-off guard. */
const LONG_DOUBLE_EPS = 1.0842021724855044e-19;

export interface PrvEpsilonBounds {
  epsilonLower: number;
  epsilonEstimate: number;
  epsilonUpper: number;
}

/**
 * epsilon from a composed PRV, as Opacus `DiscretePRV.compute_epsilon`: with
 * delta(eps) = sum_{t_j > eps} p_j (1 - e^{eps - t_j}), the epsilon solving delta(eps) = target
 * within the cell where delta crosses the target; lower/upper use delta +/- delta_error and
 * subtract/add eps_error ([1], Theorem 5.5).
 * @throws AppError unprocessable when rounding would dominate (delta - delta_error below
 * size * eps of long double) or the target is outside the grid.
 */
export function computeEpsilonFromPrv(dprv: DiscretePrv, delta: number, deltaError: number, epsError: number): PrvEpsilonBounds {
  if (delta <= 0) {
    return { epsilonLower: Number.POSITIVE_INFINITY, epsilonEstimate: Number.POSITIVE_INFINITY, epsilonUpper: Number.POSITIVE_INFINITY };
  }
  const { pmf, domain } = dprv;
  const size = domain.size;
  assertDeltaResolvable(size, delta, deltaError);
  // Targets in increasing order of delta. delta(t_j) grows as j goes down, so one scan from the
  // top of the grid meets them in this order.
  const targets = [delta - deltaError, delta, delta + deltaError];
  const tailSums: { d1: number; d2: number }[] = [];
  let d1 = 0; // sum_{i > j} p_i
  let d2 = 0; // sum_{i > j} p_i e^{-t_i}
  let expMinusT = 0;
  const stepFactor = Math.exp(domain.dt);
  for (let j = size - 1; j >= 0 && tailSums.length < targets.length; j--) {
    // e^{-t_j}: exact every 1024 cells, by the recurrence e^{-t_j} = e^{-t_{j+1}} e^{dt} between.
    expMinusT = (size - 1 - j) % 1024 === 0 ? Math.exp(-domainPoint(domain, j)) : expMinusT * stepFactor;
    const p = pmf[j]!;
    const nextD1 = d1 + p;
    const nextD2 = d2 + p * expMinusT;
    const negativeDelta = nextD2 / expMinusT - nextD1; // Opacus's ndelta[j] = -delta(t_j)
    // numpy's searchsorted(ndelta, -target, "left") on an increasing ndelta is the lowest index
    // with ndelta >= -target: here j + 1, the last index passed before ndelta fell below.
    while (tailSums.length < targets.length && negativeDelta < -targets[tailSums.length]!) {
      if (j + 1 >= size) {
        throw new AppError("unprocessable", "computeEpsilonFromPrv: delta is below the mass beyond the top of the domain");
      }
      tailSums.push({ d1, d2 });
    }
    d1 = nextD1;
    d2 = nextD2;
  }
  if (tailSums.length < targets.length) {
    throw new AppError("unprocessable", "computeEpsilonFromPrv: cannot compute epsilon (delta is not reached inside the domain)");
  }
  const epsilonFor = (i: number) => Math.log((tailSums[i]!.d1 - targets[i]!) / tailSums[i]!.d2);
  return {
    epsilonLower: epsilonFor(2) - epsError,
    epsilonEstimate: epsilonFor(1),
    epsilonUpper: epsilonFor(0) + epsError,
  };
}

/**
 * epsilon straight from a composed spectrum, without the inverse FFT, when few frequencies
 * survive the powering (the composed PMF is then a short trigonometric sum; after many steps it
 * is smooth and wide, and only the lowest few dozen frequencies are above rounding). The tail sums
 * d1(i) = sum_{j >= i} P_j and d2(i) = sum_{j >= i} P_j e^{-t_j} of that sum are geometric series,
 * in closed form; the index where delta crosses each target is found by bisection, as numpy's
 * searchsorted in Opacus `compute_epsilon`. Frequencies with |C_k| < 1e-6 delta_error are left
 * out: together they move delta by less than 1e-5 delta_error.
 * @returns undefined when more than SPARSE_FREQUENCY_LIMIT frequencies matter (use the dense path).
 */
export function computeEpsilonFromSpectrum(
  composed: ComposedSpectrum,
  delta: number,
  deltaError: number,
  epsError: number,
): PrvEpsilonBounds | undefined {
  const { domain, roll } = composed;
  const size = domain.size;
  assertDeltaResolvable(size, delta, deltaError);
  const cut = 1e-6 * deltaError;
  // The frequencies 0 <= k < size/2 with |C_k| >= cut, and C_k.
  const kept: { k: number; re: number; im: number }[] = [];
  const keep = (k: number, re: number, im: number): boolean => {
    if (re * re + im * im < cut * cut) return true;
    if (kept.length >= SPARSE_FREQUENCY_LIMIT) return false;
    kept.push({ k, re, im });
    return true;
  };
  let nyquist = 0;
  if (composed.low) {
    if (composed.low.negligible > cut) return undefined;
    for (let k = 0; k < composed.low.re.length; k++) {
      if (!keep(k, composed.low.re[k]!, composed.low.im[k]!)) return undefined;
    }
  } else {
    const full = composed.full!;
    for (let p = 0; p < full.re.length; p++) {
      if (!keep(full.bitReversed[p]!, full.re[p]!, full.im[p]!)) return undefined;
    }
    nyquist = full.nyquist;
  }
  const count = kept.length;
  // Per frequency k (1 <= k < size/2): D_k = C_k e^{2 pi i roll k / size} / size, so that
  // P_j = D_0 + sum_k 2 Re(D_k e^{i theta_k j}) + D_half (-1)^j, theta_k = 2 pi k / size.
  const ks = new Float64Array(count);
  const dRe = new Float64Array(count);
  const dIm = new Float64Array(count);
  const gRe = new Float64Array(count); // 1 / (1 - e^{i theta})
  const gIm = new Float64Array(count);
  const hRe = new Float64Array(count); // 1 / (1 - e^{i theta - dt})
  const hIm = new Float64Array(count);
  const dt = domain.dt;
  const decay = Math.exp(-dt);
  const oneMinusDecay = -Math.expm1(-dt);
  let d0 = 0;
  for (let f = 0; f < count; f++) {
    const { k } = kept[f]!;
    const cr = kept[f]!.re / size;
    const ci = kept[f]!.im / size;
    if (k === 0) {
      d0 = cr;
      continue;
    }
    const angle = (2 * Math.PI * ((roll * k) % size)) / size;
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    ks[f] = k;
    dRe[f] = cr * c - ci * s;
    dIm[f] = cr * s + ci * c;
    const theta = (2 * Math.PI * k) / size;
    const sinHalf = Math.sin(theta / 2);
    const sinTheta = Math.sin(theta);
    // 1 - e^{i theta} = 2 sin^2(theta/2) - i sin(theta), without cancellation for small theta
    const ar = 2 * sinHalf * sinHalf;
    const ai = -sinTheta;
    const an = ar * ar + ai * ai;
    gRe[f] = ar / an;
    gIm[f] = -ai / an;
    // 1 - e^{-dt} e^{i theta} = (1 - e^{-dt}) + e^{-dt} 2 sin^2(theta/2) - i e^{-dt} sin(theta)
    const br = oneMinusDecay + decay * ar;
    const bi = -decay * sinTheta;
    const bn = br * br + bi * bi;
    hRe[f] = br / bn;
    hIm[f] = -bi / bn;
  }
  const nyquistTerm = Math.abs(nyquist) >= cut ? ((roll % 2 === 0 ? 1 : -1) * nyquist) / size : 0;

  /** d1(i) and a(i) = e^{t_i} d2(i), i.e. ndelta(i) = a(i) - d1(i). */
  const tailSums = (i: number): { d1: number; a: number } => {
    const remaining = size - i;
    const farDecay = Math.exp(-remaining * dt); // e^{-(size - i) dt}
    let d1 = d0 * remaining;
    let a = (d0 * -Math.expm1(-remaining * dt)) / oneMinusDecay;
    for (let f = 0; f < count; f++) {
      const k = ks[f]!;
      if (k === 0) continue;
      const angle = (2 * Math.PI * ((k * i) % size)) / size;
      const er = Math.cos(angle);
      const ei = Math.sin(angle);
      const dr = dRe[f]!;
      const di = dIm[f]!;
      // sum_{j >= i} e^{i theta j} = (e^{i theta i} - 1) / (1 - e^{i theta})
      const ur = er - 1;
      const vr = ur * gRe[f]! - ei * gIm[f]!;
      const vi = ur * gIm[f]! + ei * gRe[f]!;
      d1 += 2 * (dr * vr - di * vi);
      // e^{t_i} sum_{j >= i} e^{i theta j} e^{-t_j} = (e^{i theta i} - e^{-(size - i) dt}) / (1 - rho)
      const wr = er - farDecay;
      const xr = wr * hRe[f]! - ei * hIm[f]!;
      const xi = wr * hIm[f]! + ei * hRe[f]!;
      a += 2 * (dr * xr - di * xi);
    }
    if (nyquistTerm !== 0) {
      const sign = i % 2 === 0 ? 1 : -1;
      d1 += i % 2 === 0 ? 0 : -nyquistTerm;
      a += (sign * nyquistTerm * (1 - (remaining % 2 === 0 ? 1 : -1) * farDecay)) / (1 + decay);
    }
    return { d1, a };
  };

  const epsilonFor = (target: number): number => {
    // lowest i with ndelta(i) >= -target (numpy searchsorted, side "left")
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const { d1, a } = tailSums(mid);
      if (a - d1 < -target) lo = mid + 1;
      else hi = mid;
    }
    if (lo <= 0) throw new AppError("unprocessable", "computeEpsilonFromSpectrum: cannot compute epsilon (delta is reached below the domain)");
    if (lo >= size) throw new AppError("unprocessable", "computeEpsilonFromSpectrum: delta is below the mass beyond the top of the domain");
    const { d1, a } = tailSums(lo);
    // d2 = e^{-t_lo} a, so (d1 - target) / d2 = (d1 - target) e^{t_lo} / a
    return Math.log((d1 - target) / a) + domainPoint(domain, lo);
  };
  return {
    epsilonLower: epsilonFor(delta + deltaError) - epsError,
    epsilonEstimate: epsilonFor(delta),
    epsilonUpper: epsilonFor(delta - deltaError) + epsError,
  };
}

/** Opacus's guard: below size * eps(long double), rounding dominates delta. */
function assertDeltaResolvable(size: number, delta: number, deltaError: number): void {
  if (LONG_DOUBLE_EPS * size > delta - deltaError) {
    throw new AppError(
      "unprocessable",
      "prv accountant: floating point errors will dominate for such small values of delta; increase delta or reduce the domain size",
    );
  }
}
