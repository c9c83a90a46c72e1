// Privacy accounting for DP-SGD: the public surface of lib/dp/accountant.
// Not exported: the FFT, quadrature and special functions under ./analysis, which serve the
// accountants only (import them by path in their tests).
export {
  ACCOUNTANT_MECHANISMS,
  PrivacyAccountant,
  isAccountantMechanism,
  type AccountantHistoryEntry,
  type AccountantMechanism,
  type AccountantStateDict,
  type StepOptions,
} from "./accountant.ts";
export { RdpAccountant } from "./rdp-accountant.ts";
export { PrvAccountant, type PrvEpsilon, type PrvEpsilonOptions } from "./prv-accountant.ts";
export { createAccountant } from "./create-accountant.ts";
export {
  MAX_NOISE_MULTIPLIER,
  calibrateNoiseMultiplier,
  type CalibrateNoiseMultiplierOptions,
  type CalibratedNoise,
} from "./calibrate.ts";
export { DEFAULT_ALPHAS, computeRdp, getPrivacySpent, type RdpPrivacySpent } from "./analysis/rdp.ts";
export { computePrvEpsilon } from "./analysis/prv.ts";
export type { SgmRun } from "./analysis/poisson-subsampled-gaussian-prv.ts";
