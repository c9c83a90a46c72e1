// lib/training's worker-side surface: running a training job loads a TensorFlow.js backend (wasm) that
// Next.js cannot bundle. The train worker imports it; the web app never does.
export { readCheckpoint } from "./checkpoint-store.ts";
export { runTrainingJob } from "./run-training-job.ts";
