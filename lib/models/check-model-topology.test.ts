import { beforeAll, describe, expect, it } from "vitest";
import { tf } from "../dp/index.ts";
import { bundleLayersModel, loadBundle } from "./artifact-bundle.ts";
import { checkModelTopology, type ModelSizeCaps } from "./check-model-topology.ts";
import { modelJsonToBundle } from "./model-json-to-bundle.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const CAPS: ModelSizeCaps = { maxParameters: 1_000_000, maxLayers: 16, maxOutputValues: 100_000 };

/** A model.json as an uploader sends it, with no weights: the topology alone must be refused. */
function uploadedModelJson(layers: unknown[]) {
  return { format: "layers-model", modelTopology: { class_name: "Sequential", config: { name: "uploaded", layers } }, weightsManifest: [{ paths: [], weights: [] }] };
}

function dense(name: string, units: number, batchInputShape?: (number | null)[]) {
  return { class_name: "Dense", config: { name, units, activation: "linear", use_bias: true, ...(batchInputShape ? { batch_input_shape: batchInputShape } : {}) } };
}

describe("checkModelTopology", () => {
  it.each([
    ["an MLP", () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [6], units: 5 }), tf.layers.dropout({ rate: 0.1 }), tf.layers.dense({ units: 3, useBias: false })] })],
    [
      "a CNN",
      () =>
        tf.sequential({
          layers: [
            tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 4, kernelSize: 3, strides: 2, padding: "same" }),
            tf.layers.maxPooling2d({ poolSize: 2, strides: 1 }),
            tf.layers.conv2d({ filters: 2, kernelSize: [3, 2], padding: "valid" }),
            tf.layers.batchNormalization(),
            tf.layers.flatten(),
            tf.layers.dense({ units: 10 }),
          ],
        }),
    ],
    [
      "a functional model with an embedding",
      () => {
        const input = tf.input({ shape: [7] });
        const embedded = tf.layers.embedding({ inputDim: 50, outputDim: 4 }).apply(input) as tf.SymbolicTensor;
        const flat = tf.layers.flatten().apply(embedded) as tf.SymbolicTensor;
        return tf.model({ inputs: input, outputs: tf.layers.dense({ units: 2 }).apply(flat) as tf.SymbolicTensor });
      },
    ],
  ])("counts the parameters TensorFlow.js allocates for %s", async (_kind, build) => {
    const model = build();
    const bundle = await bundleLayersModel(model);
    expect(checkModelTopology(bundle.modelTopology, CAPS)).toBe(model.countParams());
    model.dispose();
  });

  it("refuses a layer over the caps, naming it and the rule", () => {
    const topology = (layers: unknown[]) => uploadedModelJson(layers).modelTopology;
    expect(() => checkModelTopology(topology([dense("wide", 2_000, [null, 1_000])]), CAPS)).toThrow(
      'the model is refused before loading: layer "wide" (Dense) declares 2002000 parameters; the limit is 1000000',
    );
    expect(() => checkModelTopology(topology([dense("a", 900, [null, 600]), dense("b", 600)]), CAPS)).toThrow(/layer "b" \(Dense\) brings the model to 1081500 parameters/);
    expect(() => checkModelTopology(topology([dense("tall", 200_000, [null, 1])]), CAPS)).toThrow(/layer "tall" \(Dense\) units is 200000; the limit is 100000/);
    expect(() => checkModelTopology(topology(Array.from({ length: 17 }, (_, i) => dense(`d${i}`, 2, i === 0 ? [null, 2] : undefined))), CAPS)).toThrow(/one layer too many: at most 16/);
    expect(() => checkModelTopology(topology([{ class_name: "Lambda", config: { name: "x", batch_input_shape: [null, 2] } }]), CAPS)).toThrow(/layer "x" \(Lambda\) cannot be sized before loading/);
    expect(() => checkModelTopology(topology([dense("neg", -1, [null, 2])]), CAPS)).toThrow(/units must be a positive integer, got -1/);
  });

  it("refuses an uploaded model.json declaring a huge Dense layer before TensorFlow.js allocates anything", async () => {
    // 100,000 inputs × 100,000 units: 10^10 float32 weights, 40 GB, that TensorFlow.js would try to allocate.
    const bundle = modelJsonToBundle(uploadedModelJson([dense("huge", 100_000, [null, 100_000])]), new Map());
    const tensorsBefore = tf.memory().numTensors;
    await expect(loadBundle(bundle)).rejects.toThrow(
      'the model is refused before loading: layer "huge" (Dense) declares 10000100000 parameters; the limit is 67108864',
    );
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});
