import { beforeAll, describe, expect, it } from "vitest";
import { createNetwork, disposeNetwork, forward, mlpSpec, tf, type NetworkSpec } from "../dp/index.ts";
import { bundleLayersModel, loadBundle } from "./artifact-bundle.ts";
import { bundleToModelJson, modelJsonToBundle } from "./model-json-to-bundle.ts";
import { bundleNetwork, networkToLayersModel } from "./network-to-layers-model.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const cnnSpec: NetworkSpec = {
  inputShape: [8, 8, 1],
  layers: [
    { kind: "conv2d", filters: 3, kernelSize: 3, strides: 2, padding: "same", activation: "tanh" },
    { kind: "maxPool2d", poolSize: 2, strides: 1 },
    { kind: "flatten" },
    { kind: "dense", units: 5, activation: "relu" },
  ],
  numClasses: 3,
};

describe("networkToLayersModel", () => {
  it.each([
    ["logistic", { inputShape: [4], layers: [], numClasses: 2 } as NetworkSpec],
    ["mlp", mlpSpec(6, [5, 4], 3)],
    ["cnn", cnnSpec],
  ])("gives the engine's logits for a %s, also after a bundle round trip", async (_kind, spec) => {
    const network = createNetwork(spec, 7);
    const x = tf.randomNormal([5, ...spec.inputShape], 0, 1, "float32", 3);
    const expected = forward(network, x).logits.arraySync();
    const model = networkToLayersModel(network);
    expect(model.predict(x)).toBeDefined();
    expect((model.predict(x) as tf.Tensor).arraySync()).toEqual(expected);
    const loaded = await loadBundle(JSON.parse(JSON.stringify(await bundleNetwork(network))));
    const out = (loaded.predict(x) as tf.Tensor).arraySync() as number[][];
    out.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 6)));
    model.dispose();
    loaded.dispose();
    disposeNetwork(network);
  });
});

describe("loadBundle", () => {
  async function sample() {
    const network = createNetwork(mlpSpec(3, [2], 2), 1);
    const bundle = await bundleNetwork(network);
    disposeNetwork(network);
    return bundle;
  }

  it("names missing weights, a size mismatch and a graph model", async () => {
    const bundle = await sample();
    await expect(loadBundle({ ...bundle, weightData: "" })).rejects.toThrow(/the weights are missing: the manifest lists 4 weight tensors/);
    await expect(loadBundle({ ...bundle, weightData: Buffer.alloc(12).toString("base64") })).rejects.toThrow(/12 bytes but the manifest's 4 tensors need/);
    await expect(loadBundle({ ...bundle, modelTopology: { node: [] } })).rejects.toThrow(/not in TensorFlow.js Layers format/);
    await expect(loadBundle({ format: "x" })).rejects.toThrow(/not a model artifact bundle/);
  });

  it("refuses weights whose shapes do not fit the layers", async () => {
    const bundle = await sample();
    const specs = bundle.weightSpecs.map((s, i) => (i === 0 ? { ...s, shape: [2, 3] } : s));
    await expect(loadBundle({ ...bundle, weightSpecs: specs })).rejects.toThrow(/does not load as a TensorFlow.js Layers model/);
  });

  it("round-trips through model.json and weights.bin", async () => {
    const bundle = await sample();
    const json = bundleToModelJson(bundle);
    const again = modelJsonToBundle(json, new Map([["weights.bin", Buffer.from(bundle.weightData, "base64")]]));
    expect(again.weightData).toBe(bundle.weightData);
    (await loadBundle(again)).dispose();
    expect(() => modelJsonToBundle(json, new Map())).toThrow(/"weights.bin" named in model.json was not uploaded/);
    expect(() => modelJsonToBundle({ ...json, format: "graph-model" }, new Map())).toThrow(/graph model/);
  });

  it("bundles any Layers model", async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, activation: "softmax" })] });
    const bundle = await bundleLayersModel(model);
    expect(bundle.weightSpecs.map((s) => s.shape)).toEqual([[2, 2], [2]]);
    model.dispose();
  });
});
