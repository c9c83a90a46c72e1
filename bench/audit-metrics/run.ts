// Leakage-metrics timings for 10^5 and 10^6 scores per side: the sort and ROC sweep, the ε lower bound,
// every metric without the bootstrap, the default 200-resample bootstrap, and the CLI path for 10^5
// (JSON.parse of the scores file + all metrics with the bootstrap; process start-up not included).
// Targets: the CLI path for 10^5 per side under 1 s; the metrics for 10^6 per side under 2 s.
//
//   npx tsx bench/audit-metrics/run.ts            # 10^5 and 10^6 per side
//   npx tsx bench/audit-metrics/run.ts --quick    # 10^5 only
import { cpus, loadavg } from "node:os";
import {
  bootstrapConfidenceIntervals,
  computeRoc,
  epsilonLowerBound,
  membershipMetrics,
  MembershipScores,
} from "../../lib/audit/metrics/index.ts";
import { mulberry32 } from "../../lib/numerics/index.ts";

const sizes = process.argv.includes("--quick") ? [100_000] : [100_000, 1_000_000];

/** Mulberry32 and Box–Muller: reproducible Gaussian scores. */
function gaussians(seed: number, count: number, shift: number, decimals?: number): Float64Array {
  const uniform = mulberry32(seed);
  const scale = decimals === undefined ? 0 : 10 ** decimals;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const value = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()) + shift;
    out[i] = scale ? Math.round(value * scale) / scale : value;
  }
  return out;
}

/** Wall-clock and CPU milliseconds: the CPU figure is less distorted when other processes share the machine. */
function time<T>(run: () => T): [T, string] {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return [value, `${wall.toFixed(0)}/${((cpu.user + cpu.system) / 1000).toFixed(0)}`.padStart(12)];
}

const scenarios = [
  { name: "same distribution", shift: 0 },
  { name: "shift 0.5", shift: 0.5 },
  { name: "shift 0.5, 2 decimals (ties)", shift: 0.5, decimals: 2 },
  { name: "shift 4 (near separation)", shift: 4 },
];

console.log(`node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((load) => load.toFixed(1)).join(" ")}`);
console.log("times in ms, wall/CPU");
console.log("per side   scenario                          sort+ROC           ε  metrics(no CI)  bootstrap(200)   ε value");
for (const size of sizes) {
  for (const scenario of scenarios) {
    const members = gaussians(1, size, scenario.shift, scenario.decimals);
    const nonMembers = gaussians(2, size, 0, scenario.decimals);
    // Each stage on fresh scores so that the cached sort is not shared between them.
    const [roc, rocMs] = time(() => computeRoc(new MembershipScores({ members, nonMembers })));
    const [epsilon, epsilonMs] = time(() => epsilonLowerBound(roc));
    const [, metricsMs] = time(() => membershipMetrics(new MembershipScores({ members, nonMembers }), { bootstrap: false }));
    const scores = new MembershipScores({ members, nonMembers });
    scores.sorted();
    const [, bootstrapMs] = time(() => bootstrapConfidenceIntervals(scores));
    console.log(`${String(size).padStart(8)}   ${scenario.name.padEnd(30)} ${rocMs} ${epsilonMs} ${metricsMs.padStart(15)} ${bootstrapMs.padStart(15)}   ${epsilon.toFixed(4).padStart(7)}`);
  }
}

// The CLI path: the scores file's text parsed, then every metric with the default 200-resample bootstrap.
const text = JSON.stringify({ members: Array.from(gaussians(1, 100_000, 0.5)), nonMembers: Array.from(gaussians(2, 100_000, 0)) });
for (let run = 1; run <= 2; run++) {
  const [, cliMs] = time(() => membershipMetrics(new MembershipScores(JSON.parse(text) as { members: number[]; nonMembers: number[] })));
  console.log(`CLI path, 10^5 per side (${(text.length / 1e6).toFixed(1)} MB of JSON), run ${run}: ${cliMs.trim()} ms wall/CPU (target < 1000)`);
}
