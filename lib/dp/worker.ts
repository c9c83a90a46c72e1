// lib/dp's worker-side surface: what loads a TensorFlow.js backend (tfjs-node or wasm), which Next.js
// cannot bundle. Workers, scripts and the CLI import it; the web app never does (.dependency-cruiser.cjs).
export { selectBackend } from "./backend/select-backend.ts";
export { runLocalTraining, type LocalTrainingResult, type RunLocalTrainingOptions } from "./run/run-local-training.ts";
