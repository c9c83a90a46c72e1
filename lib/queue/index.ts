export {
  QUEUE_NAMES,
  PAYLOAD_SCHEMAS,
  evidenceSourceSchema,
  ingestPayloadSchema,
  regradePayloadSchema,
  scanPayloadSchema,
  type EvidenceSource,
  type QueueName,
  type IngestPayload,
  type RegradePayload,
  type ScanPayload,
} from "./payloads.ts";
export { enqueueRegrade } from "./enqueue-regrade.ts";
export { enqueue, DEFAULT_JOB_OPTIONS, type EnqueueOptions, type PayloadOf } from "./enqueue.ts";
export { createWorker, stalledSettings, jsonLog, type CreateWorkerOptions, type JobContext, type JobHandler, type WorkerLog } from "./create-worker.ts";
export { reportProgress, type ProgressTarget } from "./report-progress.ts";
export { markJobActive, markJobCompleted, markJobFailed, jobErrorMessage, type MarkJobFailedOptions } from "./job-status.ts";
export { listJobs, type JobPage } from "./list-jobs.ts";
export { getJob } from "./get-job.ts";
export { listJobsQuerySchema, type ListJobsQuery } from "./schemas.ts";
export { JOB_VIEW_SELECT, type JobView } from "./job-view.ts";
export { getQueue, closeQueues } from "./get-queue.ts";
export { closeQueueObject, queuePrefix, type AnyQueue, type AnyWorker } from "./connection.ts";
export { cancelJob, cancellable, listenForCancellations, type CancelJobOptions, type CancelSubject } from "./cancel-job.ts";
