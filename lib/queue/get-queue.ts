import { closeQueueObject, createQueue, type AnyQueue } from "./connection.ts";
import { QUEUE_NAMES, type QueueName } from "./payloads.ts";

const globalForQueues = globalThis as unknown as { canaryQueues?: Map<string, AnyQueue> };

/** The process's producer for one queue, created on first use. */
export function getQueue(name: QueueName): AnyQueue {
  if (!Object.values(QUEUE_NAMES).includes(name)) throw new Error(`getQueue: unknown queue ${JSON.stringify(name)}`);
  globalForQueues.canaryQueues ??= new Map();
  let queue = globalForQueues.canaryQueues.get(name);
  if (!queue) {
    queue = createQueue(name);
    globalForQueues.canaryQueues.set(name, queue);
  }
  return queue;
}

/** Closes every producer this process opened (scripts and tests call it before exiting). */
export async function closeQueues(): Promise<void> {
  const queues = [...(globalForQueues.canaryQueues?.values() ?? [])];
  globalForQueues.canaryQueues?.clear();
  await Promise.all(queues.map((queue) => closeQueueObject(queue)));
}
