import { shadowModelAttack } from "../../attacks/index.ts";
import { MembershipScores } from "../../metrics/index.ts";
import { requireTrainingSetup } from "../audit-target.ts";
import { membershipFigures } from "../membership-figures.ts";
import { classifierScores } from "./classifier-scores.ts";
import type { KindRunner } from "./kind-runner.ts";
import { splitAt } from "./split-at.ts";
import { withTarget } from "./with-target.ts";

export const runMembershipInference: KindRunner<"membership_inference"> = (context) =>
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
