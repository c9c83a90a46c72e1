// One zod schema per job payload. Producers parse before enqueueing, consumers parse again on
// receipt: a payload that fails is a programming error and fails the job without retries.
import { z } from "zod";

export const QUEUE_NAMES = { ingest: "ingest" } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export const ingestPayloadSchema = z.object({
  datasetVersionId: z.string().min(1),
});
export type IngestPayload = z.infer<typeof ingestPayloadSchema>;

export const PAYLOAD_SCHEMAS = {
  ingest: ingestPayloadSchema,
} as const satisfies Record<QueueName, z.ZodType>;
