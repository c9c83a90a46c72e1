import * as tf from "../tf.ts";
import type { Activation, LayerSpec, NetworkSpec } from "./network-spec.ts";

/** A layer with parameters; conv kernels are [kh, kw, inChannels, filters] as in TensorFlow. */
export interface WeightedLayer {
  kind: "dense" | "conv2d";
  spec: Extract<LayerSpec, { kind: "dense" | "conv2d" }>;
  kernel: tf.Variable;
  bias: tf.Variable;
}

export interface Network {
  spec: NetworkSpec;
  /** Every layer in order, the classifier head last. */
  layers: LayerSpec[];
  weighted: WeightedLayer[];
}

export interface ForwardTrace {
  logits: tf.Tensor2D;
  /** The input each weighted layer saw, in order: what per-example gradients are built from. */
  layerInputs: tf.Tensor[];
}

function glorotUniform(shape: number[], fanIn: number, fanOut: number, seed: number): tf.Tensor {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return tf.randomUniform(shape, -limit, limit, "float32", seed);
}

function convOutputSize(size: number, kernel: number, stride: number, padding: "valid" | "same"): number {
  return padding === "same" ? Math.ceil(size / stride) : Math.floor((size - kernel) / stride) + 1;
}

/** Output shape (without batch) of each layer, so probes and parameters can be sized before any forward pass. */
export function layerOutputShapes(inputShape: number[], layers: LayerSpec[]): number[][] {
  const shapes: number[][] = [];
  let shape = inputShape;
  for (const layer of layers) {
    switch (layer.kind) {
      case "dense":
        if (shape.length !== 1) throw new Error(`layerOutputShapes: dense layer needs a flat input, got [${shape}] (add a flatten layer)`);
        shape = [layer.units];
        break;
      case "conv2d":
        if (shape.length !== 3) throw new Error(`layerOutputShapes: conv2d needs [height, width, channels], got [${shape}]`);
        shape = [
          convOutputSize(shape[0]!, layer.kernelSize, layer.strides, layer.padding),
          convOutputSize(shape[1]!, layer.kernelSize, layer.strides, layer.padding),
          layer.filters,
        ];
        break;
      case "maxPool2d":
        shape = [
          convOutputSize(shape[0]!, layer.poolSize, layer.strides, "valid"),
          convOutputSize(shape[1]!, layer.poolSize, layer.strides, "valid"),
          shape[2]!,
        ];
        break;
      case "flatten":
        shape = [shape.reduce((a, b) => a * b, 1)];
        break;
    }
    if (shape.some((d) => d <= 0)) throw new Error(`layerOutputShapes: a ${layer.kind} layer leaves no output ([${shape}])`);
    shapes.push(shape);
  }
  return shapes;
}

/** Creates the network's parameters (Glorot-uniform kernels, zero biases), reproducibly from `seed`. */
export function createNetwork(spec: NetworkSpec, seed = 1): Network {
  const head: LayerSpec = { kind: "dense", units: spec.numClasses, activation: "linear" };
  const layers = [...spec.layers, head];
  const inputShapes = [spec.inputShape, ...layerOutputShapes(spec.inputShape, layers)];
  const weighted: WeightedLayer[] = [];
  layers.forEach((layer, index) => {
    const input = inputShapes[index]!;
    const layerSeed = seed * 1000 + index;
    if (layer.kind === "dense") {
      weighted.push({
        kind: "dense",
        spec: layer,
        kernel: tf.variable(glorotUniform([input[0]!, layer.units], input[0]!, layer.units, layerSeed)),
        bias: tf.variable(tf.zeros([layer.units])),
      });
    } else if (layer.kind === "conv2d") {
      const receptive = layer.kernelSize * layer.kernelSize;
      const shape = [layer.kernelSize, layer.kernelSize, input[2]!, layer.filters];
      weighted.push({
        kind: "conv2d",
        spec: layer,
        kernel: tf.variable(glorotUniform(shape, receptive * input[2]!, receptive * layer.filters, layerSeed)),
        bias: tf.variable(tf.zeros([layer.filters])),
      });
    }
  });
  return { spec, layers, weighted };
}

function activate(x: tf.Tensor, activation: Activation): tf.Tensor {
  if (activation === "relu") return tf.relu(x);
  if (activation === "tanh") return tf.tanh(x);
  return x;
}

/**
 * Runs the network. `probes` (zeros, one per weighted layer, shaped like its pre-activation output)
 * are added to each pre-activation: the gradient of the loss with respect to a probe is then the
 * per-example gradient with respect to that layer's output, which is all per-example clipping needs.
 */
export function forward(network: Network, x: tf.Tensor, probes?: tf.Tensor[]): ForwardTrace {
  const layerInputs: tf.Tensor[] = [];
  let h = x;
  let w = 0;
  for (const layer of network.layers) {
    if (layer.kind === "flatten") {
      h = tf.reshape(h, [h.shape[0]!, -1]);
    } else if (layer.kind === "maxPool2d") {
      h = tf.maxPool(h as tf.Tensor4D, layer.poolSize, layer.strides, "valid");
    } else {
      const weightedLayer = network.weighted[w]!;
      layerInputs.push(h);
      let z =
        layer.kind === "dense"
          ? tf.add(tf.matMul(h as tf.Tensor2D, weightedLayer.kernel as tf.Tensor2D), weightedLayer.bias)
          : tf.add(tf.conv2d(h as tf.Tensor4D, weightedLayer.kernel as tf.Tensor4D, layer.strides, layer.padding), weightedLayer.bias);
      if (probes) z = tf.add(z, probes[w]!);
      h = activate(z, layer.activation);
      w += 1;
    }
  }
  return { logits: h as tf.Tensor2D, layerInputs };
}

/** Softmax cross-entropy of each example (not averaged): a [batch] tensor. */
export function perExampleLoss(logits: tf.Tensor2D, labelsOneHot: tf.Tensor2D): tf.Tensor1D {
  return tf.neg(tf.sum(tf.mul(labelsOneHot, tf.logSoftmax(logits)), 1)) as tf.Tensor1D;
}

export function parameters(network: Network): tf.Variable[] {
  return network.weighted.flatMap((layer) => [layer.kernel, layer.bias]);
}

export function disposeNetwork(network: Network): void {
  for (const variable of parameters(network)) variable.dispose();
}
