// Composite Gauss-Legendre quadrature, written by hand for the PRV accountant's means and
// variances (no numerical dependency in this repository).

interface GaussLegendreRule {
  nodes: Float64Array;
  weights: Float64Array;
}

const ruleCache = new Map<number, GaussLegendreRule>();

/**
 * Nodes and weights of the n-point Gauss-Legendre rule on [-1, 1], by Newton's method on the
 * Legendre polynomial from Chebyshev starting points (Press et al., Numerical Recipes, 3rd ed.,
 * sec. 4.6.1, routine gauleg); exact for polynomials of degree 2n - 1.
 */
export function gaussLegendreRule(n: number): GaussLegendreRule {
  const cached = ruleCache.get(n);
  if (cached) return cached;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  for (let i = 0; i < half; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j + 1) * z * p2 - j * p3) / (j + 1);
      }
      derivative = (n * (z * p1 - p2)) / (z * z - 1);
      const previous = z;
      z = previous - p1 / derivative;
      if (Math.abs(z - previous) <= 1e-16) break;
    }
    nodes[i] = -z;
    nodes[n - 1 - i] = z;
    const weight = 2 / ((1 - z * z) * derivative * derivative);
    weights[i] = weight;
    weights[n - 1 - i] = weight;
  }
  const rule = { nodes, weights };
  ruleCache.set(n, rule);
  return rule;
}

/**
 * int_a^b f(x) dx by a 20-point Gauss-Legendre rule on equal panels no wider than `maxPanelWidth`.
 * For an f analytic in a strip of half-width >= maxPanelWidth around [a, b] the error is at the
 * level of rounding. Uses Neumaier's compensated summation over the panels.
 */
export function integrate(f: (x: number) => number, a: number, b: number, maxPanelWidth: number): number {
  if (!(b > a)) return 0;
  const { nodes, weights } = gaussLegendreRule(20);
  const panels = Math.max(1, Math.ceil((b - a) / maxPanelWidth));
  const width = (b - a) / panels;
  let sum = 0;
  let compensation = 0;
  for (let panel = 0; panel < panels; panel++) {
    const left = a + panel * width;
    const mid = left + width / 2;
    let panelSum = 0;
    for (let i = 0; i < nodes.length; i++) panelSum += weights[i]! * f(mid + (width / 2) * nodes[i]!);
    const term = (panelSum * width) / 2;
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + compensation;
}
