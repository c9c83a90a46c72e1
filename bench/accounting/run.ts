// Time to answer epsilon after 1,000,000 DP-SGD steps, RDP and PRV accountants side by side.
// Goals: RDP < 50 ms, PRV < 2 s. RDP costs the same at any number of steps (a curve times steps);
// PRV works on a grid whose size grows with sqrt(steps) x the spread of the composed loss
// (Opacus's mesh, Gopi et al. 2021 Theorem 5.5), so the setting matters: see the grid column.
//
//   npx tsx bench/accounting/run.ts          # q = 1e-4 and 1e-3 (sigma 1), the common large-N regime
//   npx tsx bench/accounting/run.ts --full   # also the MNIST setting (q = 256/60000, sigma 1.1) run
//                                            # for 1e6 steps: eps ~ 31, a 2^25-point grid, ~1.5 GB
//
// "cold" is the first call in the process (JIT, FFT plan); "warm" the best of the next runs.
// Wall time depends on what else runs on the machine; CPU time (user + system) of this process is
// printed beside it, with the load average.
import { loadavg } from "node:os";
import { PrvAccountant, RdpAccountant } from "../../lib/dp/accountant/index.ts";

const STEPS = 1_000_000;
const RDP_GOAL_MS = 50;
const PRV_GOAL_MS = 2000;
const WARM_RUNS = 3;

interface Setting {
  label: string;
  sampleRate: number;
  noiseMultiplier: number;
  delta: number;
}

const settings: Setting[] = [
  { label: "q=1e-4 sigma=1.0", sampleRate: 1e-4, noiseMultiplier: 1.0, delta: 1e-5 },
  { label: "q=1e-3 sigma=1.0", sampleRate: 1e-3, noiseMultiplier: 1.0, delta: 1e-5 },
  ...(process.argv.includes("--full")
    ? [{ label: "q=256/60000 sigma=1.1", sampleRate: 256 / 60000, noiseMultiplier: 1.1, delta: 1e-5 }]
    : []),
];

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function time<T>(run: () => T): { value: T; timing: Timing } {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const value = run();
  const wallMs = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  return { value, timing: { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 } };
}

function best(timings: Timing[]): Timing {
  return timings.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
}

const format = (timing: Timing) => `${timing.wallMs.toFixed(0).padStart(6)} ms (cpu ${timing.cpuMs.toFixed(0)})`;

console.log(`epsilon after ${STEPS.toLocaleString("en")} steps; load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
console.log(
  `${"setting".padEnd(24)}${"RDP eps".padStart(9)}  ${"RDP cold".padEnd(20)}${"RDP warm".padEnd(20)}${"PRV eps".padStart(9)}  ${"PRV cold".padEnd(22)}${"PRV warm".padEnd(22)}grid`,
);

let failures = 0;
for (const setting of settings) {
  const history = [{ noiseMultiplier: setting.noiseMultiplier, sampleRate: setting.sampleRate, steps: STEPS }];
  const rdp = new RdpAccountant();
  rdp.loadStateDict({ mechanism: "rdp", history });
  const prv = new PrvAccountant();
  prv.loadStateDict({ mechanism: "prv", history });

  const rdpCold = time(() => rdp.getEpsilon(setting.delta));
  const rdpWarm = best(Array.from({ length: WARM_RUNS }, () => time(() => rdp.getEpsilon(setting.delta)).timing));
  const prvCold = time(() => prv.getPrivacySpent(setting.delta));
  const prvWarm = best(Array.from({ length: WARM_RUNS }, () => time(() => prv.getPrivacySpent(setting.delta)).timing));

  const rdpOk = rdpCold.timing.wallMs < RDP_GOAL_MS;
  const prvOk = prvCold.timing.wallMs < PRV_GOAL_MS;
  if (!rdpOk || !prvOk) failures++;
  console.log(
    `${setting.label.padEnd(24)}${rdpCold.value.toFixed(4).padStart(9)}  ${format(rdpCold.timing).padEnd(20)}${format(rdpWarm).padEnd(20)}` +
      `${prvCold.value.epsilonUpper.toFixed(4).padStart(9)}  ${format(prvCold.timing).padEnd(22)}${format(prvWarm).padEnd(22)}` +
      `2^${Math.log2(prvCold.value.domainSize)}  ${rdpOk ? "" : `RDP over ${RDP_GOAL_MS} ms `}${prvOk ? "" : `PRV over ${PRV_GOAL_MS} ms`}`,
  );
}
console.log(
  failures === 0
    ? `all within the goals (RDP < ${RDP_GOAL_MS} ms, PRV < ${PRV_GOAL_MS} ms, cold)`
    : `${failures} setting(s) over a goal (cold wall time; compare the cpu figures on a busy machine)`,
);
