import { describe, expect, it } from "vitest";
import { erfc, erfcx, logErfc, logNormalCdf, normalCdf } from "./special-functions.ts";

/** |actual - expected| <= tolerance * |expected| (or <= tolerance when expected is 0). */
function expectRelative(actual: number, expected: number, tolerance: number): void {
  const scale = expected === 0 ? 1 : Math.abs(expected);
  expect(Math.abs(actual - expected) / scale, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

// Reference values from scipy 1.17.1 (special.erfc, special.erfcx, log(2) + special.log_ndtr(-x sqrt 2),
// which is Opacus's `_log_erfc`), printed with repr():
//   >>> [(x, special.erfc(x), special.erfcx(x), np.log(2) + special.log_ndtr(-x * 2**0.5)) for x in xs]
const SCIPY_ERFC: [x: number, erfc: number, erfcx: number, logErfc: number][] = [
  [-6, 2.0, 8622463094230390.0, 0.6931471805599453],
  [-3, 1.9999779095030015, 16205.988853999586, 0.6931361352504468],
  [-1.5, 1.9661051464753108, 18.653886256262734, 0.6760545027339605],
  [-0.5, 1.5204998778130465, 1.952360489182557, 0.4190391477755596],
  [-0.1, 1.1124629160182848, 1.123643354199209, 0.10657640058652262],
  [0, 1.0, 1.0, 0.0],
  [0.1, 0.8875370839817152, 0.8964569799691268, -0.11930497373739557],
  [0.3, 0.6713732405408726, 0.7345993345676554, -0.39843005144008525],
  [0.46875, 0.507386526782062, 0.632069689249556, -0.6784821856143964],
  [0.5, 0.4795001221869535, 0.6156903441929258, -0.7350111298370848],
  [1, 0.15729920705028516, 0.427583576155807, -1.849605509933249],
  [2, 0.004677734981047266, 0.2553956763105058, -5.36494126461664],
  [3.5, 7.430983723414129e-7, 0.1552936556088943, -14.112437402148178],
  [4, 1.541725790028002e-8, 0.1369994576250614, -17.987778312103014],
  [4.5, 1.9661604415428878e-10, 0.12248480427384142, -22.349768303435948],
  [6, 2.1519736712498913e-17, 0.09277656780053836, -38.3775611732234],
  [10, 2.0884875837625446e-45, 0.05614099274382259, -102.87988902484493],
  [26, 5.663192408856145e-296, 0.02168358485056291, -679.8311997631946],
  [27, 0.0, 0.02088160799042094, -732.8688865078977],
  [40, 0.0, 0.014100335983377815, -1604.2615566532743],
  [100, 0.0, 0.005641613782989433, -10005.177585122668],
  [1e4, 0.0, 5.641895807268084e-5, -100000009.78270535],
];

describe("erfc, erfcx, logErfc (W. J. Cody 1969)", () => {
  it.each(SCIPY_ERFC)("at x = %s they match scipy to 1e-15 relative", (x, expectedErfc, expectedErfcx, expectedLogErfc) => {
    expectRelative(erfc(x), expectedErfc, 1e-15);
    expectRelative(erfcx(x), expectedErfcx, 1e-15);
    expectRelative(logErfc(x), expectedLogErfc, 2e-15);
  });

  it("keeps log(erfc(x)) exact near 0, where scipy's log_ndtr route loses digits", () => {
    // log erfc(x) = -2x/sqrt(pi) - 2x^2/pi + O(x^3); scipy's log(2) + log_ndtr(-x sqrt 2) gives
    // -1.1283796119698764e-10 here, 4e-7 off, from log(1/2 - 5.6e-11) + log(2).
    const x = 1e-10;
    expectRelative(logErfc(x), (-2 / Math.sqrt(Math.PI)) * x - (2 / Math.PI) * x * x, 1e-15);
  });

  it("is monotone across the boundaries of Cody's three intervals", () => {
    for (const boundary of [-4, -0.46875, 0.46875, 4, 26.543]) {
      const below = boundary - 1e-12;
      const above = boundary + 1e-12;
      expect(erfc(below)).toBeGreaterThanOrEqual(erfc(above));
      expect(logErfc(below)).toBeGreaterThanOrEqual(logErfc(above));
    }
    expect(Number.isNaN(erfc(Number.NaN))).toBe(true);
  });
});

// scipy 1.17.1: special.ndtr(z), special.log_ndtr(z)
const SCIPY_NDTR: [z: number, ndtr: number, logNdtr: number][] = [
  [-40, 0.0, -804.6084420137539],
  [-38, 0.0, -726.5572160188201],
  [-20, 2.7536241186061556e-89, -203.9171553710973],
  [-8, 6.22096057427174e-16, -35.01343715991456],
  [-5, 2.866515718791933e-7, -15.064998393988727],
  [-1.96, 0.024997895148220435, -3.6889636517296385],
  [-1, 0.15865525393145707, -1.8410216450092634],
  [0, 0.5, -0.6931471805599453],
  [0.5, 0.6914624612740131, -0.36894641528865635],
  [1.6448536269514722, 0.95, -0.05129329438755058],
  [3, 0.9986501019683699, -0.0013508099647481925],
  [8, 0.9999999999999993, -6.220960574271742e-16],
  [9, 1.0, -1.1285884059538324e-19],
];

describe("normalCdf, logNormalCdf", () => {
  it.each(SCIPY_NDTR)("at z = %s they match scipy", (z, expectedCdf, expectedLog) => {
    // Phi(z) for z << 0 inherits the rounding of z / sqrt(2) (relative error ~ z^2 eps).
    expectRelative(normalCdf(z), expectedCdf, 2e-14);
    expectRelative(logNormalCdf(z), expectedLog, 1e-14);
  });
});
