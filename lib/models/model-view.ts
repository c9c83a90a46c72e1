// What callers see of models and versions: JSON-ready values, people by email, never a blob path.
import type { GuaranteeSource, Prisma } from "../db/index.ts";
import { describeGuaranteeScope } from "./describe-guarantee-scope.ts";
import { readModelVersionConfig } from "./model-version-config.ts";

export const VERSION_VIEW_INCLUDE = {
  model: { select: { name: true } },
  createdBy: { select: { email: true } },
  trainData: { select: { version: true, dataset: { select: { name: true, ownerId: true } } } },
  evalData: { select: { version: true, dataset: { select: { name: true } } } },
  publicData: { select: { version: true, dataset: { select: { name: true } } } },
  trainingRun: { select: { id: true, status: true } },
} satisfies Prisma.ModelVersionInclude;

type VersionRow = Prisma.ModelVersionGetPayload<{ include: typeof VERSION_VIEW_INCLUDE }>;

/** "formal": computed by Canary's accountant; "declared": stated by an uploader, not verified; "none". */
export type GuaranteeStatus = "formal" | "declared" | "none";

/** The status the pages label a guarantee with, from its stored source (null: no guarantee). */
export function guaranteeStatusOf(source: GuaranteeSource | null): GuaranteeStatus {
  return source === "accountant" ? "formal" : source === "declared" ? "declared" : "none";
}

export interface GuaranteeView {
  /** guaranteeStatusOf(source), the label the pages show. */
  status: GuaranteeStatus;
  /** Who vouches for (ε, δ): Canary's accountant over a run it executed, or the uploader; null without a guarantee. */
  source: GuaranteeSource | null;
  /** One sentence a compliance officer can check: what (ε, δ) covers and what it leaves out. */
  scope: string;
  epsilon: number | null;
  delta: number | null;
  accountant: string | null;
  noiseMultiplier: number | null;
  sampleRate: number | null;
  steps: number | null;
  clipNorm: number | null;
}

export interface DatasetRef {
  name: string;
  version: number;
}

export interface ModelVersionView {
  id: string;
  model: string;
  version: number;
  source: "trained" | "uploaded";
  framework: string;
  backend: string | null;
  artifact: { sha256: string; modelJsonUrl: string; weightsUrl: string; bundleUrl: string };
  guarantee: GuaranteeView;
  metrics: Record<string, number>;
  baselineMetrics: Record<string, number> | null;
  datasets: { train: DatasetRef | null; eval: DatasetRef | null; public: DatasetRef | null };
  config: ReturnType<typeof readModelVersionConfig>;
  trainingRun: { id: string; status: string } | null;
  createdBy: string;
  createdAt: Date;
}

function ref(row: { version: number; dataset: { name: string } } | null): DatasetRef | null {
  return row ? { name: row.dataset.name, version: row.version } : null;
}

/** Where a version's artifact is served (relative URLs under the API). */
export function artifactUrls(model: string, version: number) {
  const base = `/api/v1/models/${encodeURIComponent(model)}/versions/${version}/artifact`;
  return { modelJsonUrl: `${base}/model.json`, weightsUrl: `${base}/weights.bin`, bundleUrl: base };
}

export function toModelVersionView(row: VersionRow): ModelVersionView {
  const config = readModelVersionConfig(row.config);
  return {
    id: row.id,
    model: row.model.name,
    version: row.version,
    source: row.source,
    framework: row.framework,
    backend: row.backend,
    artifact: { sha256: row.artifactSha256, ...artifactUrls(row.model.name, row.version) },
    guarantee: {
      status: guaranteeStatusOf(row.guaranteeSource),
      source: row.guaranteeSource,
      scope: describeGuaranteeScope({ source: row.guaranteeSource, epsilon: row.epsilon, delta: row.delta, accountant: row.accountant }),
      epsilon: row.epsilon,
      delta: row.delta,
      accountant: row.accountant,
      noiseMultiplier: row.noiseMultiplier,
      sampleRate: row.sampleRate,
      steps: row.steps,
      clipNorm: row.clipNorm,
    },
    metrics: row.metrics as Record<string, number>,
    baselineMetrics: (row.baselineMetrics as Record<string, number> | null) ?? null,
    datasets: { train: ref(row.trainData), eval: ref(row.evalData), public: ref(row.publicData) },
    config,
    trainingRun: row.trainingRun,
    createdBy: row.createdBy.email,
    createdAt: row.createdAt,
  };
}
