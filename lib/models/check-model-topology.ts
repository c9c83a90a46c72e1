import { AppError } from "../errors/index.ts";

// An uploaded model.json is untrusted: TensorFlow.js builds every layer it declares, allocating each
// kernel, before it looks at the weights, so one Dense layer of a billion units exhausts the worker's
// memory whatever weights were sent. This walk reads sizes from the topology alone, infers each layer's
// output shape from its input (Keras' compute_output_shape rules for the layer classes below) and refuses,
// naming the layer, anything over the caps. A layer class it cannot size is refused too: unknown means
// unbounded.

export interface ModelSizeCaps {
  /** Weights of the whole model. @defaultValue CANARY_MAX_MODEL_PARAMETERS, else 67,108,864 (256 MiB of float32) */
  maxParameters: number;
  /** Layers, nested models' included. @defaultValue 512 */
  maxLayers: number;
  /** Values one example produces at any layer's output (what prediction allocates per example). @defaultValue 16,777,216 */
  maxOutputValues: number;
}

/** Per-model shape of one example, without the batch dimension. */
type Shape = number[];

interface LayerJson {
  class_name?: unknown;
  name?: unknown;
  config?: Record<string, unknown> & { layers?: unknown; name?: unknown };
  inbound_nodes?: unknown;
}

/** CANARY_MAX_MODEL_PARAMETERS and the fixed caps. */
export function modelSizeCaps(): ModelSizeCaps {
  const raw = process.env.CANARY_MAX_MODEL_PARAMETERS;
  const maxParameters = raw ? Number(raw) : 64 * 1024 ** 2;
  if (!Number.isSafeInteger(maxParameters) || maxParameters < 1) throw new Error(`CANARY_MAX_MODEL_PARAMETERS must be a positive integer, got ${JSON.stringify(raw)}`);
  return { maxParameters, maxLayers: 512, maxOutputValues: 16 * 1024 ** 2 };
}

/**
 * Checks a Layers model topology against the caps before TensorFlow.js sees it; returns its parameter count.
 * Runs in O(layers), allocating nothing in proportion to the sizes it reads.
 * @throws AppError unprocessable naming the layer and the rule it breaks.
 */
export function checkModelTopology(modelTopology: Record<string, unknown>, caps: ModelSizeCaps = modelSizeCaps()): number {
  const state = { caps, layers: 0, parameters: 0 };
  const model = (modelTopology.model_config ?? modelTopology) as LayerJson;
  sizeModel(model, undefined, state);
  return state.parameters;
}

interface WalkState {
  caps: ModelSizeCaps;
  layers: number;
  parameters: number;
}

/** Sizes a Sequential or functional model given its input shape (undefined: declared by its first layer). */
function sizeModel(model: LayerJson, input: Shape | undefined, state: WalkState): Shape {
  const className = String(model.class_name);
  const layers = model.config?.layers ?? (Array.isArray(model.config) ? model.config : undefined);
  if (!Array.isArray(layers)) throw refuse(`model "${String(model.config?.name ?? className)}"`, "has no layers list");
  if (className === "Sequential") {
    let shape = input;
    for (const layer of layers as LayerJson[]) shape = sizeLayer(layer, shape, state);
    if (shape === undefined) throw refuse(`model "${String(model.config?.name)}"`, "declares no input shape");
    return shape;
  }
  if (className !== "Model" && className !== "Functional") throw refuse(`model class "${className}"`, "is not a Sequential or functional Layers model");
  // Functional: layers in topological order (as Keras saves them), each fed by the layers its first inbound node names.
  const outputs = new Map<string, Shape>();
  let last: Shape | undefined;
  for (const layer of layers as LayerJson[]) {
    const inbound = firstInboundNames(layer);
    const inputs = inbound.map((name) => {
      const shape = outputs.get(name);
      if (!shape) throw refuse(`layer "${String(layer.name)}"`, `takes input from "${name}", which comes later or not at all`);
      return shape;
    });
    if (inputs.length > 1) throw refuse(`layer "${String(layer.name)}"`, "merges several inputs, which uploaded models may not do");
    last = sizeLayer(layer, inputs[0], state);
    outputs.set(String(layer.name ?? layer.config?.name), last);
  }
  if (!last) throw refuse(`model "${String(model.config?.name)}"`, "has no layers");
  return last;
}

function firstInboundNames(layer: LayerJson): string[] {
  const nodes = layer.inbound_nodes;
  if (!Array.isArray(nodes) || nodes.length === 0) return [];
  const first = nodes[0];
  // Keras 2: [[name, nodeIndex, tensorIndex, kwargs], …]; Keras 3 style: { args: [...] } is not accepted.
  if (!Array.isArray(first)) throw refuse(`layer "${String(layer.name)}"`, "has inbound nodes in an unknown format");
  return first.map((entry) => (Array.isArray(entry) ? String(entry[0]) : String(entry)));
}

function sizeLayer(layer: LayerJson, input: Shape | undefined, state: WalkState): Shape {
  const className = String(layer.class_name);
  const config = layer.config ?? {};
  const where = `layer "${String(config.name ?? layer.name ?? className)}" (${className})`;
  if (++state.layers > state.caps.maxLayers) throw refuse(where, `is one layer too many: at most ${state.caps.maxLayers}`);
  if (className === "Sequential" || className === "Model" || className === "Functional") return sizeModel(layer, input, state);
  // A layer's input comes from the one before it; only the first declares its own (batch_input_shape).
  const shape = input ?? declaredInput(config, where, state);
  if (shape === undefined) throw refuse(where, "has no input shape");
  let parameters = 0;
  let output: Shape;
  const last = shape[shape.length - 1] ?? 1;
  const bias = config.use_bias === false ? 0 : 1;
  switch (className) {
    case "InputLayer":
    case "Dropout":
    case "AlphaDropout":
    case "GaussianNoise":
    case "GaussianDropout":
    case "Activation":
    case "ReLU":
    case "LeakyReLU":
    case "Softmax":
      output = shape;
      break;
    case "Dense": {
      const units = dimension(config.units, "units", where, state);
      parameters = last * units + bias * units;
      output = [...shape.slice(0, -1), units];
      break;
    }
    case "Flatten":
      output = [shape.reduce((a, b) => a * b, 1)];
      break;
    case "Reshape": {
      const target = shapeOf(config.target_shape, "target_shape", where, state);
      output = target;
      break;
    }
    case "BatchNormalization":
    case "LayerNormalization":
      // gamma, beta (and a moving mean and variance for BatchNormalization) over the last axis.
      parameters = (className === "BatchNormalization" ? 4 : 2) * last;
      output = shape;
      break;
    case "Embedding": {
      const inputDim = dimension(config.input_dim, "input_dim", where, state);
      const outputDim = dimension(config.output_dim, "output_dim", where, state);
      parameters = inputDim * outputDim;
      output = [...shape, outputDim];
      break;
    }
    case "Conv2D": {
      if (config.data_format === "channels_first") throw refuse(where, "uses channels_first, which uploaded models may not");
      if (shape.length !== 3) throw refuse(where, `needs a 3-dimensional input per example, got [${shape.join(", ")}]`);
      const filters = dimension(config.filters, "filters", where, state);
      const [kh, kw] = pair(config.kernel_size, "kernel_size", where, state);
      const [sh, sw] = pair(config.strides ?? 1, "strides", where, state);
      parameters = kh * kw * shape[2]! * filters + bias * filters;
      output = [convLength(shape[0]!, kh, sh, config.padding), convLength(shape[1]!, kw, sw, config.padding), filters];
      break;
    }
    case "MaxPooling2D":
    case "AveragePooling2D": {
      if (shape.length !== 3) throw refuse(where, `needs a 3-dimensional input per example, got [${shape.join(", ")}]`);
      const [ph, pw] = pair(config.pool_size ?? 2, "pool_size", where, state);
      const [sh, sw] = pair(config.strides ?? [ph, pw], "strides", where, state);
      output = [convLength(shape[0]!, ph, sh, config.padding), convLength(shape[1]!, pw, sw, config.padding), shape[2]!];
      break;
    }
    default:
      throw refuse(where, "cannot be sized before loading: uploaded models may use Dense, Conv2D, pooling, Flatten, Reshape, Embedding, normalisation, dropout and activation layers");
  }
  if (parameters > state.caps.maxParameters) throw refuse(where, `declares ${parameters} parameters; the limit is ${state.caps.maxParameters}`);
  state.parameters += parameters;
  if (state.parameters > state.caps.maxParameters) throw refuse(where, `brings the model to ${state.parameters} parameters; the limit is ${state.caps.maxParameters}`);
  const values = output.reduce((a, b) => a * b, 1);
  if (values > state.caps.maxOutputValues) throw refuse(where, `outputs ${values} values per example; the limit is ${state.caps.maxOutputValues}`);
  return output;
}

/** The per-example input shape a layer declares (batch_input_shape without its batch, or input_dim). */
function declaredInput(config: Record<string, unknown>, where: string, state: WalkState): Shape | undefined {
  const batchShape = config.batch_input_shape ?? config.batch_shape;
  if (Array.isArray(batchShape)) return shapeOf(batchShape.slice(1), "batch_input_shape", where, state);
  if (config.input_dim !== undefined && config.output_dim === undefined) return [dimension(config.input_dim, "input_dim", where, state)];
  return undefined;
}

function shapeOf(value: unknown, field: string, where: string, state: WalkState): Shape {
  if (!Array.isArray(value) || value.length === 0) throw refuse(where, `${field} must be a list of sizes`);
  return value.map((v) => dimension(v, field, where, state));
}

function pair(value: unknown, field: string, where: string, state: WalkState): [number, number] {
  const values = Array.isArray(value) ? value : [value, value];
  if (values.length !== 2) throw refuse(where, `${field} must be one size or two`);
  return [dimension(values[0], field, where, state), dimension(values[1], field, where, state)];
}

/** A size: a positive integer, itself within the output cap (no single size can exceed what one example may hold). */
function dimension(value: unknown, field: string, where: string, state: WalkState): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) throw refuse(where, `${field} must be a positive integer, got ${JSON.stringify(value)}`);
  if (value > state.caps.maxOutputValues) throw refuse(where, `${field} is ${value}; the limit is ${state.caps.maxOutputValues}`);
  return value;
}

/** Output length along one axis: Keras' conv_utils.conv_output_length for "valid" and "same" padding. */
function convLength(length: number, window: number, stride: number, padding: unknown): number {
  const out = padding === "same" ? Math.ceil(length / stride) : Math.ceil((length - window + 1) / stride);
  return Math.max(out, 0);
}

function refuse(where: string, rule: string): AppError {
  return new AppError("unprocessable", `the model is refused before loading: ${where} ${rule}`);
}
