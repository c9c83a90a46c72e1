// Numerics shared by the privacy accountants (lib/dp), the audits (lib/audit), scans, scripts and benches:
// special functions, the incomplete beta and its inverse (Clopper–Pearson), the binomial pmf, and the
// seedable generator. Written by hand rather than taken from @stdlib/math-base-special-* or
// jstat: each is pinned to scipy/mpmath reference values in its test, and the accountants' precision
// (Cody's erfc to 1e-16, log-space tails) is the product's own science.
// Left unexported on purpose: the helpers the inverse incomplete beta shares with the forward one
// (incompleteBetaPair, logBetaDensityPrefactor) and log-gamma's stirlingRemainder.
export { NumericsError } from "./numerics-error.ts";
export { erfc, erfcx, logErfc, logNormalCdf, normalCdf } from "./special-functions.ts";
export { logGamma } from "./log-gamma.ts";
export { regularizedIncompleteBeta } from "./regularized-incomplete-beta.ts";
export { inverseRegularizedIncompleteBeta, solveIncompleteBeta } from "./inverse-regularized-incomplete-beta.ts";
export { binomialPmf } from "./binomial.ts";
export { mulberry32 } from "./mulberry32.ts";
