import { MembershipScores } from "../../metrics/index.ts";
import { membershipFigures } from "../membership-figures.ts";
import { readBlobJson } from "../read-blob-json.ts";
import { scoresFileSchema } from "../scores-file.ts";
import type { KindRunner } from "./kind-runner.ts";

export const runScoresOnly: KindRunner<"scores_only"> = async (context) => {
  await context.progress(10, "reading the scores");
  const file = scoresFileSchema.parse(await readBlobJson(context.config.scoresKey));
  await context.progress(40, "computing metrics");
  const scores = new MembershipScores(file);
  return { kind: "scores_only", subject: context.config.subject, ...membershipFigures(scores, { claimedEpsilon: context.config.claimedEpsilon ?? context.modelVersion?.epsilon ?? null, delta: context.config.delta, seed: context.config.seed }) };
};
