// Consumer of the `train` queue: one DP training run per job (lib/training runTrainingJob).
// Concurrency 1: training is CPU-bound, and each step yields to the event loop.
import { getDb, type Db } from "../lib/db/index.ts";
import { isAppError } from "../lib/errors/index.ts";
import { cancellable, createWorker, enqueueRegrade, jobErrorMessage, listenForCancellations, type AnyWorker, type CreateWorkerOptions } from "../lib/queue/index.ts";
import { failTrainingRun } from "../lib/training/index.ts";
import { runTrainingJob } from "../lib/training/worker.ts";

/** CANARY_TRAIN_STEP_DELAY_MS slows every step so tests can catch a run in flight. */
function stepDelayMs(): number {
  const value = Number(process.env.CANARY_TRAIN_STEP_DELAY_MS ?? 0);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export function startTrainWorker(options: CreateWorkerOptions = {}): AnyWorker {
  const db: Db = options.db ?? getDb();
  const worker = createWorker(
    "train",
    cancellable(async ({ payload, reportProgress, signal, finalAttempt }) => {
      try {
        const result = await runTrainingJob(db, payload.trainingRunId, { signal, reportProgress, stepDelayMs: stepDelayMs() });
        await enqueueRegrade(db, { trainingRunId: payload.trainingRunId }, "model version trained");
        return result;
      } catch (error) {
        // Refused input fails at once; anything else only after the last attempt (it resumes until then).
        if (finalAttempt || (isAppError(error) && error.code !== "internal")) await failTrainingRun(db, payload.trainingRunId, jobErrorMessage(error));
        throw error;
      }
    }),
    { concurrency: 1, ...options, db },
  );
  void listenForCancellations(worker, "train").then((stop) => worker.on("closing", () => void stop()));
  return worker;
}
