// The one place that knows how BullMQ reaches Redis (REDIS_URL). BullMQ 6 treats ioredis as an
// optional peer and does not build clients from a URL itself, so we build them here.
import { Queue, Worker, type Processor, type WorkerOptions } from "bullmq";
import { Redis } from "ioredis";

/* eslint-disable @typescript-eslint/no-explicit-any -- BullMQ's generic parameters; callers see these. */
export type AnyQueue = Queue<any, any, string, any, any, string, any, any>;
export type AnyWorker = Worker<any, any, string, any, any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

export type QueueWorkerOptions = Omit<WorkerOptions, "connection" | "prefix">;

/** CANARY_QUEUE_PREFIX keeps queues apart (each test file uses its own Redis key prefix). */
export function queuePrefix(): string {
  const prefix = process.env.CANARY_QUEUE_PREFIX ?? "bull";
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`CANARY_QUEUE_PREFIX must match [a-z][a-z0-9_]*, got ${JSON.stringify(prefix)}`);
  return prefix;
}

function redisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error("lib/queue: REDIS_URL is not set");
  return url;
}

// Clients we built for BullMQ: it never closes a connection it was handed, so we do.
const ownedClients = new WeakMap<object, Redis>();

/** Closes a queue or worker and the Redis client we made for it. `worker.close()` waits for active jobs. */
export async function closeQueueObject(object: AnyQueue | AnyWorker): Promise<void> {
  await object.close();
  const client = ownedClients.get(object);
  ownedClients.delete(object);
  await client?.quit().catch(() => {});
}

/** A producer: fails fast when Redis is down, so a request answers instead of hanging. */
export function createQueue(name: string): AnyQueue {
  const connection = new Redis(redisUrl(), { maxRetriesPerRequest: 3, enableOfflineQueue: false });
  const queue = new Queue(name, { connection, prefix: queuePrefix() });
  ownedClients.set(queue, connection);
  return queue;
}

/** A consumer: retries Redis commands forever (`maxRetriesPerRequest: null`), as BullMQ workers require. */
export function createBullWorker(name: string, processor: Processor, options: QueueWorkerOptions): AnyWorker {
  const connection = new Redis(redisUrl(), { maxRetriesPerRequest: null });
  const worker = new Worker(name, processor, { ...options, connection, prefix: queuePrefix() });
  ownedClients.set(worker, connection);
  return worker;
}
