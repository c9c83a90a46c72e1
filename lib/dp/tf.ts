// All of lib/dp imports TensorFlow.js from here: the union package's Node build, which registers
// every gradient and chained op (tfjs-core alone does not). vitest.config.ts pins that same build.
export * from "@tensorflow/tfjs";
