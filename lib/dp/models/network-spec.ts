import { z } from "zod";

export const activationSchema = z.enum(["linear", "relu", "tanh"]);
export type Activation = z.infer<typeof activationSchema>;

export const layerSpecSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("dense"), units: z.number().int().positive(), activation: activationSchema.default("tanh") }),
  z.object({
    kind: z.literal("conv2d"),
    filters: z.number().int().positive(),
    kernelSize: z.number().int().positive(),
    strides: z.number().int().positive().default(1),
    padding: z.enum(["valid", "same"]).default("valid"),
    activation: activationSchema.default("tanh"),
  }),
  z.object({ kind: z.literal("maxPool2d"), poolSize: z.number().int().positive(), strides: z.number().int().positive().default(1) }),
  z.object({ kind: z.literal("flatten") }),
]);
export type LayerSpec = z.infer<typeof layerSpecSchema>;

/** Hidden layers only: the classifier head (dense, `numClasses` logits) is always appended. */
export const networkSpecSchema = z.object({
  inputShape: z.array(z.number().int().positive()).min(1).max(3),
  layers: z.array(layerSpecSchema),
  numClasses: z.number().int().min(2),
});
export type NetworkSpec = z.infer<typeof networkSpecSchema>;

/** Logistic regression: no hidden layer. */
export function logisticRegressionSpec(inputSize: number, numClasses: number): NetworkSpec {
  return { inputShape: [inputSize], layers: [], numClasses };
}

/** An MLP with tanh units, which Papernot et al. 2021 (arXiv:2007.14191, sec. 4) found train better under DP. */
export function mlpSpec(inputSize: number, hiddenSizes: number[], numClasses: number, activation: Activation = "tanh"): NetworkSpec {
  return { inputShape: [inputSize], layers: hiddenSizes.map((units) => ({ kind: "dense", units, activation })), numClasses };
}

/** The small CNN of Papernot et al. 2021 for 28×28 images (the Opacus / TF Privacy MNIST model), tanh units. */
export function smallCnnSpec(numClasses = 10, activation: Activation = "tanh"): NetworkSpec {
  return {
    inputShape: [28, 28, 1],
    layers: [
      { kind: "conv2d", filters: 16, kernelSize: 8, strides: 2, padding: "same", activation },
      { kind: "maxPool2d", poolSize: 2, strides: 1 },
      { kind: "conv2d", filters: 32, kernelSize: 4, strides: 2, padding: "valid", activation },
      { kind: "maxPool2d", poolSize: 2, strides: 1 },
      { kind: "flatten" },
      { kind: "dense", units: 32, activation },
    ],
    numClasses,
  };
}
