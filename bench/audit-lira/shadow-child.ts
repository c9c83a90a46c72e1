// One child of parallel-lira.ts: trains its share of LiRA's shadow models (the same inclusion matrix
// and seeds as lib/audit/attacks trainShadowModel) and writes φ of the population under each.
import { readFileSync, writeFileSync } from "node:fs";
import { calibratedShadowConfig, inclusionMatrix, perExampleScores, trainShadowModel } from "../../lib/audit/attacks/index.ts";
import { selectBackend } from "../../lib/dp/backend/select-backend.ts";
import { disposeNetwork } from "../../lib/dp/models/network.ts";
import { readPopulation, type ChildJob, type ChildResult } from "./parallel-lira.ts";

const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as ChildJob;
await selectBackend();
const started = performance.now();
const population = readPopulation(job.populationFile, job.count, job.width);
const inclusion = inclusionMatrix(job.shadows, job.count, job.seed);
const config = calibratedShadowConfig(job.config);
const observations: ChildResult["observations"] = {};
for (const index of job.indices) {
  const { network } = await trainShadowModel({ spec: job.spec, config, population, inclusionRow: inclusion[index]!, seed: job.seed, index });
  observations[index] = Array.from(perExampleScores(network, population, "logitConfidence"));
  disposeNetwork(network);
}
const result: ChildResult = { observations, seconds: (performance.now() - started) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 };
writeFileSync(job.outFile, JSON.stringify(result));
