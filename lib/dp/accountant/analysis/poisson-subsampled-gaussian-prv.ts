// The privacy random variable of one Poisson-subsampled Gaussian step (step 0 of prv.ts's pipeline).
// [1] Gopi, Lee, Wutschitz 2021, "Numerical Composition of Differential Privacy", arXiv:2106.02848
import { AppError } from "../../../errors/index.ts";
import { integrate } from "./quadrature.ts";
import { computeRdp } from "./rdp.ts";
import { erfc } from "../../../numerics/index.ts";

const SQRT2 = Math.SQRT2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * The PRV of the Poisson-subsampled Gaussian mechanism: Y = log(P(x) / Q(x)) with
 * x ~ P = (1 - q) N(0, s^2) + q N(1, s^2) and Q = N(0, s^2) ([1], Propositions B.1 and B.4).
 * Y = l(x) = log(1 - q + q exp((2x - 1) / (2 s^2))) is increasing in x, supported on (log(1 - q), inf).
 */
export class PoissonSubsampledGaussianPrv {
  readonly sampleRate: number;
  readonly noiseMultiplier: number;
  /** log(1 - q): the loss never goes below it (-Infinity when q = 1). */
  readonly lowerSupport: number;
  private readonly logQ: number;
  private readonly log1mQ: number;
  /** 1 / (2 s sqrt 2) */
  private readonly halfGap: number;

  constructor(sampleRate: number, noiseMultiplier: number) {
    if (!(sampleRate > 0 && sampleRate <= 1)) {
      throw new AppError("bad_request", `PoissonSubsampledGaussianPrv: sampleRate must be in (0, 1], got ${String(sampleRate)}`);
    }
    if (!(noiseMultiplier > 0 && Number.isFinite(noiseMultiplier))) {
      throw new AppError("bad_request", `PoissonSubsampledGaussianPrv: noiseMultiplier must be a finite number > 0, got ${String(noiseMultiplier)}`);
    }
    this.sampleRate = sampleRate;
    this.noiseMultiplier = noiseMultiplier;
    this.logQ = Math.log(sampleRate);
    this.log1mQ = Math.log1p(-sampleRate);
    this.lowerSupport = this.log1mQ;
    this.halfGap = 1 / (2 * SQRT2 * noiseMultiplier);
  }

  /** z(t) = log((e^t - 1 + q) / q), the Gaussian argument (over s^2, minus 1/2) where the loss is t. */
  z(t: number): number {
    const q = this.sampleRate;
    if (q === 1) return t;
    const d = t - this.log1mQ;
    if (!(d > 0)) return Number.NEGATIVE_INFINITY;
    // e^t - (1 - q) = (1 - q) expm1(d): exact near the lower end of the support.
    if (d < 0.5) return this.log1mQ - this.logQ + Math.log(Math.expm1(d));
    if (t < 700) return Math.log1p(Math.expm1(t) / q);
    return t - this.logQ + Math.log1p(-(1 - q) * Math.exp(-t));
  }

  /** The loss l(x) at the Gaussian sample x. */
  loss(x: number): number {
    const sigma = this.noiseMultiplier;
    const u = (2 * x - 1) / (2 * sigma * sigma);
    const q = this.sampleRate;
    if (q === 1) return u;
    if (u <= 700) return Math.log1p(q * Math.expm1(u));
    return u + this.logQ + Math.log1p(((1 - q) / q) * Math.exp(-u));
  }

  /** x at which the loss is t (the inverse of `loss`). */
  sampleOfLoss(t: number): number {
    return this.noiseMultiplier * this.noiseMultiplier * this.z(t) + 0.5;
  }

  /** Density of x under P, the mixture (1 - q) N(0, s^2) + q N(1, s^2). */
  mixtureDensity(x: number): number {
    const sigma = this.noiseMultiplier;
    const a = x / sigma;
    const b = (x - 1) / sigma;
    return ((1 - this.sampleRate) * Math.exp(-0.5 * a * a) + this.sampleRate * Math.exp(-0.5 * b * b)) * (INV_SQRT_2PI / sigma);
  }

  /** P(Y <= t) ([1], Proposition B.4); as Opacus `cdf`, without cancellation in the lower tail. */
  cdf(t: number): number {
    if (t <= this.lowerSupport) return 0;
    const a = this.erfcArgument(t);
    return 0.5 * (this.sampleRate * erfc(this.halfGap - a) + (1 - this.sampleRate) * erfc(-a - this.halfGap));
  }

  /** P(Y > t) = 1 - cdf(t), computed directly so that the upper tail keeps its relative precision. */
  survival(t: number): number {
    if (t <= this.lowerSupport) return 1;
    const a = this.erfcArgument(t);
    return 0.5 * (this.sampleRate * erfc(a - this.halfGap) + (1 - this.sampleRate) * erfc(a + this.halfGap));
  }

  /** Density of Y ([1], Proposition B.1), as Opacus `pdf`: f(t) = p(x(t)) x'(t). */
  pdf(t: number): number {
    if (t <= this.lowerSupport) return 0;
    const x = this.sampleOfLoss(t);
    const sigma2 = this.noiseMultiplier * this.noiseMultiplier;
    // dx/dt = s^2 dz/dt = s^2 e^t / (e^t - 1 + q)
    const dzdt = this.sampleRate === 1 ? 1 : 1 / (1 - (1 - this.sampleRate) * Math.exp(-t));
    return this.mixtureDensity(x) * sigma2 * dzdt;
  }

  /** RDP of one step at order alpha (for the domain bound). */
  rdp(alpha: number): number {
    return computeRdp(this.sampleRate, this.noiseMultiplier, 1, [alpha])[0]!;
  }

  /**
   * (x - 1/2) / (s sqrt 2) at loss t: the erfc arguments of the two mixture components,
   * (x - 1) / (s sqrt 2) and x / (s sqrt 2), are this -/+ halfGap.
   */
  private erfcArgument(t: number): number {
    const sigma = this.noiseMultiplier;
    return (sigma * this.z(t)) / SQRT2;
  }

  /**
   * Mean of Y truncated to [tMin, tMax], as an integral over x of l(x) p(x) (Gauss-Legendre panels
   * narrower than the distance pi s^2 from the real axis to the singularities of l).
   */
  truncatedMean(tMin: number, tMax: number): number {
    const sigma = this.noiseMultiplier;
    const mass = 1 - this.survival(tMax) - this.cdf(tMin);
    let xLo = tMin > this.lowerSupport ? this.sampleOfLoss(tMin) : Number.NEGATIVE_INFINITY;
    let xHi = this.sampleOfLoss(tMax);
    // Beyond 40 standard deviations both Gaussians weigh less than exp(-800).
    xLo = Math.max(xLo, -40 * sigma);
    xHi = Math.min(xHi, 1 + 40 * sigma);
    const panel = Math.min(sigma / 2, Math.PI * sigma * sigma);
    const firstMoment = integrate((x) => this.loss(x) * this.mixtureDensity(x), xLo, xHi, panel);
    return firstMoment / mass;
  }
}

/** One run of identical steps, as in an accountant's history. */
export interface SgmRun {
  noiseMultiplier: number;
  sampleRate: number;
  steps: number;
}
