import { AppError } from "../errors/index.ts";
import { ARTIFACT_FORMAT, type ArtifactBundle } from "./artifact-bundle.ts";

interface ModelJson {
  modelTopology?: unknown;
  weightsManifest?: { paths?: unknown; weights?: unknown }[];
  format?: unknown;
  generatedBy?: unknown;
  convertedBy?: unknown;
}

/**
 * A bundle from the files `model.save("file://…")` or tensorflowjs_converter write: model.json
 * (topology and weightsManifest) and the weight shards it names, concatenated in manifest order as
 * tf.io does. `weightFiles` maps a shard's path (its file name) to its bytes.
 * @throws AppError unprocessable when model.json is not a Layers model.json or a named shard is missing.
 */
export function modelJsonToBundle(modelJson: unknown, weightFiles: Map<string, Buffer>): ArtifactBundle {
  const json = (modelJson ?? {}) as ModelJson;
  if (typeof json !== "object" || json.modelTopology === undefined || typeof json.modelTopology !== "object" || json.modelTopology === null) {
    throw new AppError("unprocessable", "model.json has no modelTopology: it is not a TensorFlow.js model.json");
  }
  if (json.format === "graph-model") {
    throw new AppError("unprocessable", "model.json is a TensorFlow.js graph model; upload a Layers model (tensorflowjs_converter --output_format tfjs_layers_model)");
  }
  if (!Array.isArray(json.weightsManifest)) throw new AppError("unprocessable", "model.json has no weightsManifest: the weights are missing");
  const weightSpecs: ArtifactBundle["weightSpecs"] = [];
  const shards: Buffer[] = [];
  for (const group of json.weightsManifest) {
    if (!Array.isArray(group.paths) || !Array.isArray(group.weights)) throw new AppError("unprocessable", "model.json weightsManifest entries need `paths` and `weights` arrays");
    weightSpecs.push(...(group.weights as ArtifactBundle["weightSpecs"]));
    for (const shardPath of group.paths as string[]) {
      const name = String(shardPath).split("/").pop()!;
      const bytes = weightFiles.get(name);
      if (!bytes) throw new AppError("unprocessable", `the weights file "${name}" named in model.json was not uploaded`, { file: name });
      shards.push(bytes);
    }
  }
  return {
    format: ARTIFACT_FORMAT,
    version: 1,
    modelTopology: json.modelTopology as Record<string, unknown>,
    weightSpecs,
    weightData: Buffer.concat(shards).toString("base64"),
    ...(typeof json.generatedBy === "string" ? { generatedBy: json.generatedBy } : {}),
    convertedBy: typeof json.convertedBy === "string" ? json.convertedBy : null,
  };
}

/** model.json as served for `tf.loadLayersModel(url)`: one weights shard, weights.bin, beside it. */
export function bundleToModelJson(bundle: ArtifactBundle): Record<string, unknown> {
  return {
    format: "layers-model",
    generatedBy: bundle.generatedBy ?? "canary",
    convertedBy: bundle.convertedBy ?? null,
    modelTopology: bundle.modelTopology,
    weightsManifest: [{ paths: ["weights.bin"], weights: bundle.weightSpecs }],
  };
}
