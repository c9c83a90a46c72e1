// The stored artifact of a model version: one JSON document holding a TensorFlow.js Layers model
// (modelTopology, weightSpecs, weightData as base64), written and read through custom IOHandlers,
// so one content-addressed blob (and one sha256) covers the architecture and the weights.
import { z } from "zod";
import { tf } from "../dp/index.ts";
import { AppError } from "../errors/index.ts";
import { checkModelTopology } from "./check-model-topology.ts";

export const ARTIFACT_FORMAT = "canary-tfjs-layers-bundle";

const weightSpecSchema = z
  .object({ name: z.string(), shape: z.array(z.number().int().min(0)), dtype: z.enum(["float32", "int32", "bool", "string", "complex64"]) })
  .passthrough();

export const artifactBundleSchema = z.object({
  format: z.literal(ARTIFACT_FORMAT),
  version: z.literal(1),
  modelTopology: z.record(z.string(), z.unknown()),
  weightSpecs: z.array(weightSpecSchema),
  /** The weights as one little-endian buffer, base64. */
  weightData: z.string(),
  generatedBy: z.string().optional(),
  convertedBy: z.string().nullable().optional(),
});
export type ArtifactBundle = z.infer<typeof artifactBundleSchema>;

/** Serialises a Layers model into a bundle (model.save through a custom IOHandler). */
export async function bundleLayersModel(model: tf.LayersModel): Promise<ArtifactBundle> {
  let bundle: ArtifactBundle | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      bundle = {
        format: ARTIFACT_FORMAT,
        version: 1,
        modelTopology: artifacts.modelTopology as Record<string, unknown>,
        weightSpecs: (artifacts.weightSpecs ?? []) as ArtifactBundle["weightSpecs"],
        weightData: Buffer.from(data).toString("base64"),
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON", weightDataBytes: data.byteLength } };
    }),
  );
  return bundle!;
}

function bytesOf(spec: ArtifactBundle["weightSpecs"][number]): number {
  const size = spec.shape.reduce((a, b) => a * b, 1);
  if (spec.dtype === "complex64") return size * 8;
  if (spec.dtype === "bool") return size;
  if (spec.dtype === "string") throw new AppError("unprocessable", `weight "${spec.name}" is a string tensor; a Layers model's weights are numeric`);
  // A quantized weight is stored in 1 or 2 bytes per value.
  const quantization = (spec as { quantization?: { dtype?: string } }).quantization;
  if (quantization?.dtype === "uint8") return size;
  if (quantization?.dtype === "uint16" || quantization?.dtype === "float16") return size * 2;
  return size * 4;
}

/** The weight bytes as an ArrayBuffer that tf.io can read (a Buffer's own may be shared and offset). */
function arrayBufferOf(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * Loads a bundle as a tf.LayersModel, from memory. Checks first what tf.io would report obscurely:
 * the format, a topology of Layers (not a graph model) within the size caps (check-model-topology.ts),
 * and that the weight bytes match the specs. Runs where models are used (the workers), never on upload.
 * @throws AppError unprocessable naming what is wrong.
 */
export async function loadBundle(input: unknown): Promise<tf.LayersModel> {
  const parsed = artifactBundleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("unprocessable", `not a model artifact bundle: ${issue.path.join(".") || "document"}: ${issue.message}`);
  }
  const bundle = parsed.data;
  const topology = bundle.modelTopology as { class_name?: unknown; model_config?: unknown; node?: unknown };
  if (topology.node !== undefined || (topology.class_name === undefined && topology.model_config === undefined)) {
    throw new AppError("unprocessable", "the model is not in TensorFlow.js Layers format (its topology is a graph model's or unrecognised); convert it with tensorflowjs_converter --output_format tfjs_layers_model");
  }
  // Before anything is allocated: TensorFlow.js builds every declared layer before reading the weights.
  checkModelTopology(bundle.modelTopology);
  const weights = Buffer.from(bundle.weightData, "base64");
  const expected = bundle.weightSpecs.reduce((a, spec) => a + bytesOf(spec), 0);
  if (weights.byteLength !== expected) {
    throw new AppError(
      "unprocessable",
      weights.byteLength === 0 && expected > 0
        ? `the weights are missing: the manifest lists ${bundle.weightSpecs.length} weight tensors (${expected} bytes)`
        : `the weights have ${weights.byteLength} bytes but the manifest's ${bundle.weightSpecs.length} tensors need ${expected}`,
    );
  }
  try {
    return await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: bundle.modelTopology, weightSpecs: bundle.weightSpecs as tf.io.WeightsManifestEntry[], weightData: arrayBufferOf(weights) }));
  } catch (error) {
    // tf's messages name layers and shapes ("Shape mismatch: ... [3,4] vs [4,3]"), never data.
    throw new AppError("unprocessable", `the model does not load as a TensorFlow.js Layers model: ${(error as Error).message.split("\n")[0]}`);
  }
}
