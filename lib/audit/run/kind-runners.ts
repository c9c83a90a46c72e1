// One runner per audit kind: load what the kind needs, run the attack (lib/audit/attacks), return
// results in the kind's stored shape (results.ts).
import type { AuditKind } from "../../db/index.ts";
import type { TrainingData } from "../../dp/training/train.ts";
import { AppError } from "../../errors/index.ts";
import {
  attributeInference,
  calibratedShadowConfig,
  inclusionMatrix,
  liraScores,
  logitsOf,
  measureCanaryExposure,
  membershipScoresFromMask,
  modelExtraction,
  modelInversion,
  scoresFromLogits,
  selectRows,
  shadowModelAttack,
  trainShadowModel,
  type Classifier,
} from "../attacks/index.ts";
import { disposeNetwork } from "../../dp/models/network.ts";
import { createAccountant } from "../../dp/accountant/index.ts";
import { train } from "../../dp/training/train.ts";
import { canaries as randomCanaries, concatData } from "../attacks/synthetic-data.ts";
import { MembershipScores } from "../metrics/index.ts";
import { mulberry32 } from "../../numerics/index.ts";
import type { AuditContext } from "./audit-context.ts";
import { requireTrainingSetup, type AuditTarget } from "./audit-target.ts";
import { loadAuditData, type AuditData } from "./load-audit-data.ts";
import { readBlobJson } from "./read-blob-json.ts";
import { membershipFigures } from "./membership-figures.ts";
import { oneRunFigures } from "./one-run-figures.ts";
import { scoresFileSchema } from "./scores-file.ts";
import type { AuditResults } from "./results.ts";

type Runner<K extends AuditKind> = (context: AuditContext<K>) => Promise<AuditResults>;

function requireVersion(context: AuditContext) {
  if (!context.modelVersion) throw new AppError("unprocessable", `a ${context.kind} audit needs a model version`);
  return context.modelVersion;
}

/** Loads the target and its data, runs `body`, and always frees the model. */
async function withTarget<T>(context: AuditContext & { config: { maxExamples: number; seed: number } }, body: (target: AuditTarget, data: AuditData) => Promise<T>): Promise<T> {
  const version = requireVersion(context);
  await context.progress(2, "loading the model version");
  const target = await context.loadTarget(context.db, version.id);
  try {
    await context.progress(5, "loading members and non-members");
    const data = await loadAuditData(context.db, version, target.input, { maxExamples: context.config.maxExamples, seed: context.config.seed });
    context.checkStopped();
    return await body(target, data);
  } finally {
    target.dispose();
  }
}

function classifierScores(classifier: Classifier, data: TrainingData, kind: Parameters<typeof scoresFromLogits>[3]): Float64Array {
  return scoresFromLogits(classifier.logits(data), data.labels, classifier.numClasses, kind);
}

/** Splits rows [0, at) and [at, count). */
function splitAt(data: TrainingData, at: number): [TrainingData, TrainingData] {
  const mask = Uint8Array.from({ length: data.count }, (_, i) => (i < at ? 1 : 0));
  return [selectRows(data, mask), selectRows(data, mask, false)];
}

const membershipInference: Runner<"membership_inference"> = (context) =>
  withTarget(context, async (target, data) => {
    const { config } = context;
    const claimedEpsilon = context.modelVersion!.epsilon;
    if (config.attack === "loss_threshold") {
      await context.progress(50, "scoring members and non-members");
      const scores = new MembershipScores({ members: classifierScores(target.classifier, data.members, config.scoreKind), nonMembers: classifierScores(target.classifier, data.nonMembers, config.scoreKind) });
      return { kind: "membership_inference", attack: "loss_threshold", scoreKind: config.scoreKind, ...membershipFigures(scores, { claimedEpsilon, delta: config.delta, seed: config.seed }), datasets: data.datasets };
    }
    // Shadow models need data of their own: half the non-members are audited, half train shadows.
    const { spec, config: trainConfig } = requireTrainingSetup(target, "shadow-model");
    const [audited, shadowData] = splitAt(data.nonMembers, Math.floor(data.nonMembers.count / 2));
    const [members] = splitAt(data.members, audited.count);
    const scores = await shadowModelAttack({
      target: target.classifier,
      spec,
      config: trainConfig,
      shadowData,
      k: config.shadowModels,
      members,
      nonMembers: audited,
      seed: config.seed,
      shouldStop: context.shouldStop,
      onProgress: (p) => context.progress(10 + (80 * p.index) / p.total, p.message),
    });
    context.checkStopped();
    return { kind: "membership_inference", attack: "shadow_models", scoreKind: "shadow attack logit", ...membershipFigures(scores, { claimedEpsilon, delta: config.delta, seed: config.seed }), datasets: data.datasets };
  });

interface LiraCheckpoint {
  lira: { seed: number; count: number; shadows: number; observations: number[][] };
}

const lira: Runner<"lira"> = (context) =>
  withTarget(context, async (target, data) => {
    const { config } = context;
    const { spec, config: trainConfig } = requireTrainingSetup(target, "LiRA");
    const population = concatData(data.members, data.nonMembers);
    const targetMask = Uint8Array.from({ length: population.count }, (_, i) => (i < data.members.count ? 1 : 0));
    const n = config.shadowModels;
    const inclusion = inclusionMatrix(n, population.count, config.seed);
    const calibrated = calibratedShadowConfig(trainConfig);
    // Resume: φ of every shadow already trained by an earlier attempt of this same audit.
    const saved = (context.checkpoint as Partial<LiraCheckpoint> | null)?.lira;
    const observations: number[][] = saved && saved.seed === config.seed && saved.count === population.count && saved.shadows === n ? saved.observations : [];
    for (let i = observations.length; i < n; i++) {
      context.checkStopped();
      await context.progress(10 + (80 * i) / n, `shadow model ${i + 1} of ${n}`);
      const { network } = await trainShadowModel({ spec, config: calibrated, population, inclusionRow: inclusion[i]!, seed: config.seed, index: i });
      try {
        const logits = logitsOf(network, population);
        observations.push(Array.from(scoresFromLogits(logits, population.labels, spec.numClasses, "logitConfidence")));
      } finally {
        disposeNetwork(network);
      }
      await context.saveCheckpoint({ lira: { seed: config.seed, count: population.count, shadows: n, observations } satisfies LiraCheckpoint["lira"] });
    }
    await context.progress(92, "fitting Gaussians");
    const lira = liraScores({ targetObservations: classifierScores(target.classifier, population, "logitConfidence"), shadowObservations: observations, inclusion, variant: config.variant });
    const scores = membershipScoresFromMask(lira.scores, targetMask);
    return { kind: "lira", variant: config.variant, shadowModels: n, ...membershipFigures(scores, { claimedEpsilon: context.modelVersion!.epsilon, delta: config.delta, seed: config.seed }), datasets: data.datasets };
  });

/** Mean Euclidean norm of the rows: canaries are drawn at the data's scale. */
function meanNorm(data: TrainingData): number {
  const width = data.features.length / data.count;
  let total = 0;
  for (let i = 0; i < data.count; i++) {
    let squared = 0;
    for (let d = 0; d < width; d++) squared += data.features[i * width + d]! ** 2;
    total += Math.sqrt(squared);
  }
  return total / data.count || 1;
}

const oneRunEpsilon: Runner<"one_run_epsilon"> = (context) =>
  withTarget(context, async (target, data) => {
    const { config } = context;
    const { spec, config: trainConfig } = requireTrainingSetup(target, "one-run ε");
    const width = spec.inputShape.reduce((a, b) => a * b, 1);
    const m = config.canaries;
    const kPlus = config.kPlus ?? Math.max(1, Math.floor(m / 10));
    if (kPlus + config.kMinus > m) throw new AppError("unprocessable", `config.kPlus + config.kMinus (${kPlus + config.kMinus}) exceed the ${m} canaries`, { field: "config" });
    const pool = randomCanaries(m, width, spec.numClasses, config.seed, meanNorm(data.members));
    const random = mulberry32(config.seed + 17);
    const included = Uint8Array.from({ length: m }, () => (random() < 0.5 ? 1 : 0));
    const calibrated = calibratedShadowConfig(trainConfig);
    const accountant = calibrated.private ? createAccountant(calibrated.accountant) : undefined;
    await context.progress(10, `retraining with ${m} canaries (each included with probability ½)`);
    const { network, steps } = await train({
      spec,
      config: { ...calibrated, seed: config.seed },
      data: concatData(data.members, selectRows(pool, included)),
      accountant,
      shouldStop: context.shouldStop,
    });
    context.checkStopped();
    try {
      const logits = logitsOf(network, pool);
      const scores = scoresFromLogits(logits, pool.labels, spec.numClasses, "loss");
      // The retraining's own ε, at the audit's δ after the steps it ran: what the bound is tested against.
      const runEpsilon = accountant ? accountant.getEpsilon(config.delta) : null;
      const figures = oneRunFigures({ scores, included, kPlus, kMinus: config.kMinus, delta: config.delta, seed: config.seed, runEpsilon, steps, claimedEpsilon: context.modelVersion!.epsilon });
      return { ...figures, datasets: data.datasets };
    } finally {
      disposeNetwork(network);
    }
  });

const attribute: Runner<"attribute_inference"> = (context) =>
  withTarget(context, async (target, data) => {
    if (target.input?.kind !== "tabular") throw new AppError("unprocessable", "attribute inference needs a tabular model");
    const columns = target.input.encoding.columns;
    const column = context.config.attribute ? columns.find((c) => c.name === context.config.attribute) : columns.find((c) => c.kind === "categorical");
    if (!column) throw new AppError("unprocessable", context.config.attribute ? `config.attribute: the model has no feature column named ${JSON.stringify(context.config.attribute)}` : "the model has no categorical feature column to infer", { field: "config.attribute" });
    if (column.kind !== "categorical") throw new AppError("unprocessable", `config.attribute: ${column.name} is numeric; attribute inference recovers a categorical attribute`, { field: "config.attribute" });
    let offset = 0;
    for (const c of columns) {
      if (c === column) break;
      offset += c.kind === "numeric" ? 1 : c.categories.length;
    }
    const attributeAt = { offset, size: column.categories.length };
    await context.progress(30, "attacking members");
    const members = attributeInference({ target: target.classifier, data: data.members, attribute: attributeAt });
    await context.progress(65, "attacking non-members");
    // The attacker's prior is the same for both: the members' most common value.
    const nonMembers = attributeInference({ target: target.classifier, data: data.nonMembers, attribute: attributeAt, priorValue: members.priorValue });
    const pick = (r: typeof members) => ({ scored: r.scored, accuracy: r.accuracy, baselineAccuracy: r.baselineAccuracy, advantage: r.advantage });
    return { kind: "attribute_inference", attribute: column.name, values: column.categories, members: pick(members), nonMembers: pick(nonMembers), membershipGap: members.advantage - nonMembers.advantage, datasets: data.datasets };
  });

const inversion: Runner<"model_inversion"> = (context) =>
  withTarget(context, async (target, data) => {
    const labels = target.input?.kind === "fashion-mnist" ? target.input.classes : null;
    if (!labels) throw new AppError("unprocessable", "model inversion reconstructs images: it needs an image model (Fashion-MNIST encoding)");
    const reconstructions = await modelInversion({
      target: target.classifier,
      reference: data.members,
      classes: context.config.classes,
      steps: context.config.steps,
      shouldStop: context.shouldStop,
      onProgress: (done, total) => context.progress(10 + (85 * done) / total, `class ${done} of ${total} reconstructed`),
    });
    return { kind: "model_inversion", steps: context.config.steps, reconstructions: reconstructions.map((r) => ({ ...r, label: labels[r.class] ?? String(r.class) })), datasets: data.datasets };
  });

const extraction: Runner<"model_extraction"> = (context) =>
  withTarget(context, async (target, data) => {
    const { budgets, modes } = context.config;
    // The attacker queries non-members; a fifth of them (at least 20) are kept back as the test set.
    const testCount = Math.max(20, Math.floor(data.nonMembers.count / 5));
    if (data.nonMembers.count - testCount < budgets[budgets.length - 1]!) {
      throw new AppError("unprocessable", `config.budgets: the largest budget (${budgets[budgets.length - 1]}) exceeds the ${Math.max(0, data.nonMembers.count - testCount)} non-member examples left to query`, { field: "config.budgets" });
    }
    const [test, pool] = splitAt(data.nonMembers, testCount);
    const points = await modelExtraction({
      target: target.classifier,
      queryPool: pool,
      test,
      budgets: [...budgets].sort((a, b) => a - b),
      modes,
      seed: context.config.seed,
      shouldStop: context.shouldStop,
      onProgress: (done, total) => context.progress(10 + (85 * done) / total, `surrogate ${done} of ${total} trained`),
    });
    return { kind: "model_extraction", points, testExamples: test.count, datasets: data.datasets };
  });

const exposure: Runner<"canary_exposure"> = (context) =>
  withTarget({ ...context, config: { ...context.config, maxExamples: 20_000 } }, async (target, data) => {
    const { spec, config: trainConfig } = requireTrainingSetup(target, "canary-exposure");
    await context.progress(10, `training with ${context.config.canaries} canaries inserted ${context.config.repeats}×`);
    const result = await measureCanaryExposure({
      spec,
      config: calibratedShadowConfig(trainConfig),
      data: data.members,
      canaries: context.config.canaries,
      repeats: context.config.repeats,
      candidates: context.config.candidates,
      norm: meanNorm(data.members),
      seed: context.config.seed,
      shouldStop: context.shouldStop,
    });
    context.checkStopped();
    const mean = result.canaries.reduce((a, c) => a + c.reportedExposure, 0) / result.canaries.length;
    return {
      kind: "canary_exposure",
      canaries: result.canaries,
      maxExactExposure: Math.log2(context.config.candidates + 1),
      meanExposure: mean,
      repeats: result.repeats,
      runEpsilon: result.epsilon === null || Number.isFinite(result.epsilon) ? result.epsilon : null,
      datasets: data.datasets,
    };
  });

const scoresOnly: Runner<"scores_only"> = async (context) => {
  await context.progress(10, "reading the scores");
  const file = scoresFileSchema.parse(await readBlobJson(context.config.scoresKey));
  await context.progress(40, "computing metrics");
  const scores = new MembershipScores(file);
  return { kind: "scores_only", subject: context.config.subject, ...membershipFigures(scores, { claimedEpsilon: context.config.claimedEpsilon ?? context.modelVersion?.epsilon ?? null, delta: context.config.delta, seed: context.config.seed }) };
};

export const KIND_RUNNERS: { [K in AuditKind]: Runner<K> } = {
  membership_inference: membershipInference,
  lira,
  one_run_epsilon: oneRunEpsilon,
  attribute_inference: attribute,
  model_inversion: inversion,
  model_extraction: extraction,
  canary_exposure: exposure,
  scores_only: scoresOnly,
};
