// Models, versions, artifacts, training runs and privacy budgets (issue 5): operations and response shapes.
import { z } from "zod";
import { RunStatus } from "../../db/index.ts";
import { createModelSchema, listModelsQuerySchema, uploadMetadataSchema } from "../../models/index.ts";
import { setBudgetSchema, setNonPrivateUseSchema, startTrainingRunSchema } from "../../training/index.ts";
import { json, type Operation } from "./operation.ts";
import { jobSchema, paginated } from "./schemas.ts";

const timestamp = z.iso.datetime();
const modelParams = z.object({ name: z.string().describe("Model name") });
const versionParams = z.object({ name: z.string().describe("Model name"), version: z.coerce.number().int().min(1) });
const datasetVersionParams = z.object({ name: z.string().describe("Dataset name"), version: z.coerce.number().int().min(1) });
const idParam = z.object({ id: z.string() });
const datasetRef = z.object({ name: z.string(), version: z.number().int() }).nullable();

export const guaranteeSchema = z
  .object({
    status: z.enum(["formal", "declared", "none"]).describe("formal: computed by Canary's accountant; declared: stated by an uploader, not verified; none: no formal guarantee"),
    source: z.enum(["accountant", "declared"]).nullable().describe("who vouches for (ε, δ): Canary's accountant over a run Canary executed, or the uploader (not verified); null without a guarantee"),
    scope: z.string().describe("one sentence a compliance officer can check: what (ε, δ) covers and what it leaves out"),
    epsilon: z.number().nullable(),
    delta: z.number().nullable(),
    accountant: z.string().nullable(),
    noiseMultiplier: z.number().nullable(),
    sampleRate: z.number().nullable(),
    steps: z.number().int().nullable(),
    clipNorm: z.number().nullable(),
  })
  .meta({ id: "Guarantee" });

export const modelVersionSchema = z
  .object({
    id: z.string(),
    model: z.string(),
    version: z.number().int(),
    source: z.enum(["trained", "uploaded"]),
    framework: z.string(),
    backend: z.string().nullable(),
    artifact: z.object({ sha256: z.string(), modelJsonUrl: z.string(), weightsUrl: z.string(), bundleUrl: z.string() }),
    guarantee: guaranteeSchema,
    metrics: z.record(z.string(), z.number()),
    baselineMetrics: z.record(z.string(), z.number()).nullable(),
    datasets: z.object({ train: datasetRef, eval: datasetRef, public: datasetRef }),
    config: z.record(z.string(), z.unknown()).describe("input encoding, network spec, target column, train config"),
    trainingRun: z.object({ id: z.string(), status: z.enum(RunStatus) }).nullable(),
    createdBy: z.string(),
    createdAt: timestamp,
  })
  .meta({ id: "ModelVersion" });

const modelSummarySchema = z
  .object({
    name: z.string(),
    description: z.string(),
    owner: z.string(),
    updatedAt: timestamp,
    versionCount: z.number().int(),
    latest: z.object({ version: z.number().int(), source: z.string(), epsilon: z.number().nullable(), delta: z.number().nullable(), accuracy: z.number().nullable(), guarantee: z.string() }).nullable(),
  })
  .meta({ id: "ModelSummary" });

/** ε at every step; loss and accuracy on the evaluation (else public) set at each epoch's end. */
const curvePointSchema = z.object({ step: z.number().int(), epsilon: z.number().nullable(), loss: z.number().optional(), accuracy: z.number().optional() });
/** Figures computed on private training rows, outside the (ε, δ): only for the dataset's owner and pii.unmasked roles. */
const outsideGuaranteeSchema = z.object({
  label: z.literal("outside the guarantee"),
  batchLoss: z.array(z.object({ step: z.number().int(), loss: z.number() })),
  contamination: z.object({ rate: z.number(), overlapping: z.number().int(), evalRecords: z.number().int() }).nullable().optional(),
});

export const trainingRunSchema = z
  .object({
    id: z.string(),
    model: z.string(),
    status: z.enum(RunStatus),
    dataset: z.object({ name: z.string(), version: z.number().int() }),
    config: z.record(z.string(), z.unknown()),
    progress: z
      .object({
        phase: z.string().optional(),
        step: z.number().int(),
        totalSteps: z.number().int(),
        loss: z.number().optional(),
        accuracy: z.number().optional(),
        evaluatedOn: z.enum(["eval", "public"]).nullable().optional(),
        epsilon: z.number().nullable(),
        plannedEpsilon: z.number().nullable().optional(),
        curve: z.array(curvePointSchema),
        outsideGuarantee: outsideGuaranteeSchema.optional(),
        stoppedEarly: z.enum(["budget", "cancelled"]).optional(),
      })
      .loose(),
    epsilonSpent: z.number(),
    backend: z.string().nullable(),
    error: z.string().nullable(),
    modelVersion: z.number().int().nullable(),
    job: jobSchema.nullable(),
    createdBy: z.string(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  })
  .meta({ id: "TrainingRun" });

const epsilonDelta = z.object({ epsilon: z.number(), delta: z.number() });
const budgetUseSchema = z.object({
  datasetVersionId: z.string(),
  label: z.string(),
  budget: epsilonDelta.nullable(),
  allowNonPrivate: z.boolean().describe("a compliance officer or admin allowed training without DP on this budget's data"),
  composition: z.enum(["rdp", "basic"]).describe("rdp: the runs' RDP curves composed and converted once at the budget's δ (entries without a curve summed); basic: ε and δ summed (no budget)"),
  spent: epsilonDelta,
  reserved: epsilonDelta,
  remaining: epsilonDelta.nullable(),
  summed: z.object({ spent: epsilonDelta, reserved: epsilonDelta }).describe("the same runs under basic composition"),
  saving: z.number().nullable().describe("ε the RDP composition saves over summing (spent and reserved); null without a budget"),
  nonPrivateRuns: z.number().int().describe("runs on the lineage that trained without DP (non-private runs, baselines)"),
});
const sgmRunSchema = z.object({ noiseMultiplier: z.number(), sampleRate: z.number(), steps: z.number().int() });

export const datasetBudgetSchema = z
  .object({
    datasetVersionId: z.string(),
    uses: z.array(budgetUseSchema).describe("This version first, then every budget on its lineage (ancestors and descendants): a run here counts against each"),
    ledger: z
      .array(
        z.object({
          trainingRunId: z.string(),
          model: z.string(),
          modelVersion: z.number().int().nullable(),
          runStatus: z.enum(RunStatus),
          trainedOn: z.string(),
          epsilon: z.number(),
          delta: z.number(),
          sgmRuns: z.array(sgmRunSchema).nullable().describe("the run's subsampled Gaussian mechanism (σ, q, steps); null: no curve known, its ε is summed"),
          usedWithoutDp: z.boolean().describe("the run trained without DP on this data (non-private run or baseline)"),
          createdAt: timestamp,
        }),
      )
      .describe("runs on this version, its ancestors and its descendants, newest first"),
  })
  .meta({ id: "DatasetBudget" });

const planSchema = z.object({
  plannedEpsilon: z.number().nullable(),
  delta: z.number(),
  noiseMultiplier: z.number().nullable(),
  steps: z.number().int(),
  accountant: z.string(),
  budgets: z.array(budgetUseSchema),
  refusal: z.string().nullable(),
});

const modelDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  task: z.string(),
  owner: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  versions: z.array(modelVersionSchema),
  runs: z.array(z.object({ id: z.string(), status: z.enum(RunStatus), epsilonSpent: z.number(), createdAt: timestamp, modelVersion: z.number().int().nullable(), progress: z.unknown() })),
});

const uploadBody = {
  required: true,
  description: "multipart/form-data: `model` (model.json), `weights` (each shard it names), optional `metadata` (JSON: description, declaredGuarantee, metrics); or JSON `{ bundle, metadata }`",
  content: {
    "multipart/form-data": { schema: z.object({ model: z.string().describe("model.json file"), weights: z.array(z.string()).describe("weight shard files"), metadata: z.string().optional().describe("JSON of the metadata object") }) },
    "application/json": { schema: z.object({ bundle: z.record(z.string(), z.unknown()).describe("A canary-tfjs-layers-bundle"), metadata: uploadMetadataSchema.optional() }) },
  },
};

export const MODEL_OPERATIONS: Operation[] = [
  { method: "GET", route: "/api/v1/models", operationId: "listModels", summary: "Models, paged, with their latest version's ε and accuracy", tag: "models", query: listModelsQuerySchema, success: { status: 200, description: "One page of models", schema: paginated(modelSummarySchema) } },
  { method: "POST", route: "/api/v1/models", operationId: "createModel", summary: "Create an empty model", tag: "models", body: { required: true, content: json(createModelSchema) }, success: { status: 201, description: "The model", schema: modelDetailSchema }, errors: [409] },
  { method: "GET", route: "/api/v1/models/[name]", operationId: "getModel", summary: "A model with its versions and training runs", tag: "models", params: modelParams, success: { status: 200, description: "The model", schema: modelDetailSchema }, errors: [404] },
  { method: "POST", route: "/api/v1/models/[name]/versions", operationId: "uploadModelVersion", summary: "Upload an external TensorFlow.js Layers model (validated by loading it; no formal guarantee)", tag: "models", params: modelParams, body: uploadBody, success: { status: 201, description: "The new version", schema: modelVersionSchema }, errors: [400, 413, 415] },
  { method: "GET", route: "/api/v1/models/[name]/versions/[version]", operationId: "getModelVersion", summary: "One version: guarantee, metrics vs baseline, datasets, artifact", tag: "models", params: versionParams, success: { status: 200, description: "The version", schema: modelVersionSchema }, errors: [404] },
  { method: "GET", route: "/api/v1/models/[name]/versions/[version]/artifact", operationId: "downloadModelArtifact", summary: "The stored artifact bundle (its sha256 is the version's artifact sha256)", tag: "models", params: versionParams, success: { status: 200, description: "The bundle JSON" }, errors: [404] },
  { method: "GET", route: "/api/v1/models/[name]/versions/[version]/artifact/model.json", operationId: "getModelJson", summary: "model.json for tf.loadLayersModel(url)", tag: "models", params: versionParams, success: { status: 200, description: "A Layers model.json naming weights.bin" }, errors: [404] },
  { method: "GET", route: "/api/v1/models/[name]/versions/[version]/artifact/weights.bin", operationId: "getModelWeights", summary: "The weights shard named by model.json", tag: "models", params: versionParams, success: { status: 200, description: "Little-endian weight bytes" }, errors: [404] },
  { method: "POST", route: "/api/v1/training-runs", operationId: "startTrainingRun", summary: "Start a DP training run (or plan it with dryRun); refused over budget, or when private without public data or a declared schema", tag: "training", body: { required: true, content: json(startTrainingRunSchema) }, success: { status: 201, description: "The plan, the queued run and its job (200 and run null for dryRun)", schema: z.object({ plan: planSchema, run: trainingRunSchema.nullable(), job: jobSchema.nullable() }) }, errors: [400, 404, 409, 422] },
  { method: "GET", route: "/api/v1/training-runs/[id]", operationId: "getTrainingRun", summary: "A training run's status and live progress (step, ε, eval-set loss and accuracy, curves; training-row figures for the data owner only)", tag: "training", params: idParam, success: { status: 200, description: "The run", schema: trainingRunSchema }, errors: [404] },
  { method: "GET", route: "/api/v1/datasets/[name]/versions/[version]/budget", operationId: "getPrivacyBudget", summary: "A version's privacy budget, its use and that of the other budgets on its lineage (RDP-composed beside summed), and the ledger of runs on its ancestors, itself and its descendants", tag: "training", params: datasetVersionParams, success: { status: 200, description: "The budget", schema: datasetBudgetSchema }, errors: [404] },
  { method: "PUT", route: "/api/v1/datasets/[name]/versions/[version]/budget/non-private-use", operationId: "setNonPrivateUse", summary: "Allow (or forbid) training without DP on a budgeted version's data (a compliance officer or admin, not the dataset's owner); audit-logged", tag: "training", params: datasetVersionParams, body: { required: true, content: json(setNonPrivateUseSchema) }, success: { status: 200, description: "The budget", schema: datasetBudgetSchema }, errors: [403, 404, 409] },
  { method: "PUT", route: "/api/v1/datasets/[name]/versions/[version]/budget", operationId: "setPrivacyBudget", summary: "Set a version's (ε, δ) budget (the owner sets or lowers it; a compliance officer or admin who does not own the dataset may raise it)", tag: "training", params: datasetVersionParams, body: { required: true, content: json(setBudgetSchema) }, success: { status: 200, description: "The budget", schema: datasetBudgetSchema }, errors: [404] },
];
