// One runner per audit kind, one file each, registered here by kind: each loads what its kind
// needs, runs the attack (lib/audit/attacks) and returns results in the kind's stored shape (results.ts).
import type { AuditKind } from "../../../db/index.ts";
import { runAttributeInference } from "./attribute-inference.ts";
import { runCanaryExposure } from "./canary-exposure.ts";
import type { KindRunner } from "./kind-runner.ts";
import { runLira } from "./lira.ts";
import { runMembershipInference } from "./membership-inference.ts";
import { runModelExtraction } from "./model-extraction.ts";
import { runModelInversion } from "./model-inversion.ts";
import { runOneRunEpsilon } from "./one-run-epsilon.ts";
import { runScoresOnly } from "./scores-only.ts";

export const KIND_RUNNERS: { [K in AuditKind]: KindRunner<K> } = {
  membership_inference: runMembershipInference,
  lira: runLira,
  one_run_epsilon: runOneRunEpsilon,
  attribute_inference: runAttributeInference,
  model_inversion: runModelInversion,
  model_extraction: runModelExtraction,
  canary_exposure: runCanaryExposure,
  scores_only: runScoresOnly,
};
