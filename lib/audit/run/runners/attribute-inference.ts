import { AppError } from "../../../errors/index.ts";
import { attributeInference } from "../../attacks/index.ts";
import type { KindRunner } from "./kind-runner.ts";
import { withTarget } from "./with-target.ts";

export const runAttributeInference: KindRunner<"attribute_inference"> = (context) =>
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
