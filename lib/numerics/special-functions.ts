// Error function family for the privacy accountants, written by hand: this accounting is the
// product's own science and the repository takes no numerical dependency.
//
// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969)
// 631-638, as in his SPECFUN routine CALERF (netlib.org/specfun/erf): three rational
// approximations, |x| <= 0.46875, 0.46875 < |x| <= 4 and |x| > 4, relative error below 1e-16
// in double precision. The two outer ones give erfcx(x) = exp(x^2) erfc(x) directly, which is
// what makes log(erfc(x)) exact for large x (no continued fraction needed).

const SQRT_PI_INV = 5.6418958354775628695e-1; // 1 / sqrt(pi)
const SQRT_HALF = Math.SQRT1_2;
const LN2 = Math.LN2;
const THRESHOLD = 0.46875;
const X_SMALL = 1.11e-16;
const X_BIG = 26.543; // erfc(x) underflows beyond this
const X_HUGE = 6.71e7; // erfcx(x) = 1 / (x sqrt(pi)) to double precision beyond this

// Cody's coefficients (CALERF): A/B erf on |x| <= 0.46875, C/D erfcx on (0.46875, 4], P/Q erfcx
// beyond; the rational functions are written out in Horner form below, in his evaluation order.
const A0 = 3.1611237438705656, A1 = 113.864154151050156, A2 = 377.485237685302021, A3 = 3209.37758913846947, A4 = 0.185777706184603153;
const B0 = 23.6012909523441209, B1 = 244.024637934444173, B2 = 1282.61652607737228, B3 = 2844.23683343917062;
const C0 = 0.564188496988670089, C1 = 8.88314979438837594, C2 = 66.1191906371416295, C3 = 298.635138197400131;
const C4 = 881.95222124176909, C5 = 1712.04761263407058, C6 = 2051.07837782607147, C7 = 1230.33935479799725;
const C8 = 2.15311535474403846e-8;
const D0 = 15.7449261107098347, D1 = 117.693950891312499, D2 = 537.181101862009858, D3 = 1621.38957456669019;
const D4 = 3290.79923573345963, D5 = 4362.61909014324716, D6 = 3439.36767414372164, D7 = 1230.33935480374942;
const P0 = 0.305326634961232344, P1 = 0.360344899949804439, P2 = 0.125781726111229246, P3 = 0.0160837851487422766;
const P4 = 6.58749161529837803e-4, P5 = 0.0163153871373020978;
const Q0 = 2.56852019228982242, Q1 = 1.87295284992346047, Q2 = 0.527905102951428412, Q3 = 0.0605183413124413191;
const Q4 = 2.33520497626869185e-3;

/** erf(x) / x for |x| <= 0.46875 (Cody's first interval). */
function erfSmallOverX(y: number): number {
  const z = y > X_SMALL ? y * y : 0;
  const num = (((A4 * z + A0) * z + A1) * z + A2) * z + A3;
  const den = (((z + B0) * z + B1) * z + B2) * z + B3;
  return num / den;
}

/** exp(y^2) erfc(y) for y > 0.46875 (Cody's second and third intervals). */
function erfcxLarge(y: number): number {
  if (y <= 4) {
    const num = (((((((C8 * y + C0) * y + C1) * y + C2) * y + C3) * y + C4) * y + C5) * y + C6) * y + C7;
    const den = (((((((y + D0) * y + D1) * y + D2) * y + D3) * y + D4) * y + D5) * y + D6) * y + D7;
    return num / den;
  }
  if (y >= X_HUGE) return SQRT_PI_INV / y;
  const z = 1 / (y * y);
  const num = ((((P5 * z + P0) * z + P1) * z + P2) * z + P3) * z + P4;
  const den = ((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4;
  return (SQRT_PI_INV - (z * num) / den) / y;
}

/**
 * exp(-y^2) without the error amplification of exp(-(y*y)) for large y: Cody splits y^2 into
 * a part exact in binary (y rounded down to 1/16) and a small remainder.
 */
function expMinusSquare(y: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-ysq * ysq) * Math.exp(-del);
}

/**
 * The complementary error function erfc(x) = 2/sqrt(pi) int_x^inf exp(-t^2) dt, relative error
 * ~1e-16 (Cody 1969). Underflows to 0 for x > 26.543; use `logErfc` there.
 * @example erfc(1) // 0.15729920705028513
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  let result: number;
  if (y <= THRESHOLD) {
    return 1 - x * erfSmallOverX(y);
  } else if (y >= X_BIG) {
    result = 0;
  } else {
    result = expMinusSquare(y) * erfcxLarge(y);
  }
  return x < 0 ? 2 - result : result;
}

/**
 * The scaled complementary error function erfcx(x) = exp(x^2) erfc(x); finite for all x >= -26.
 * @example erfcx(100) // 0.005641613782989433
 */
export function erfcx(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= THRESHOLD) return Math.exp(x * x) * (1 - x * erfSmallOverX(y));
  if (x > 0) return erfcxLarge(y);
  // erfcx(-y) = 2 exp(y^2) - erfcx(y)
  return 2 * Math.exp(y * y) - erfcxLarge(y);
}

/**
 * log(erfc(x)) accurate for every x, including x far beyond the underflow of erfc
 * (log erfc(x) = log erfcx(x) - x^2). Plays the part of Opacus's `_log_erfc`
 * (log 2 + scipy.special.log_ndtr(-x sqrt 2)).
 * @example logErfc(40) // -1604.2615566532743
 */
export function logErfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > THRESHOLD) return Math.log(erfcxLarge(x)) - x * x;
  // Near 0 erfc is near 1 and near 2 for negative x: log1p keeps the small part exact.
  if (x >= -THRESHOLD) return Math.log1p(-x * erfSmallOverX(Math.abs(x)));
  return LN2 + Math.log1p(-0.5 * erfc(-x));
}

/**
 * The standard normal CDF, Phi(z) = erfc(-z / sqrt 2) / 2.
 * @example normalCdf(-1.96) // 0.024997895148220435
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z * SQRT_HALF);
}

/**
 * log Phi(z), accurate in both tails (as scipy.special.log_ndtr).
 * @example logNormalCdf(-40) // -804.6084420137539
 */
export function logNormalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  // For z >= 0, Phi(z) = 1 - Phi(-z) with Phi(-z) <= 1/2: log1p keeps the tail exact.
  if (z >= 0) return Math.log1p(-0.5 * erfc(z * SQRT_HALF));
  return logErfc(-z * SQRT_HALF) - LN2;
}
