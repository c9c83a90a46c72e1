"use client";
// Live progress of one queue job: polls GET /api/v1/jobs/{id} every second until the job is
// completed, failed or cancelled, then calls onSettled once (e.g. to router.refresh()).
import { useEffect, useRef, useState } from "react";
import { apiFetch, messageOf } from "./api-client";
import type { JobView } from "./api-types";

const SETTLED = new Set(["completed", "failed", "cancelled"]);

export function isSettledJob(job: Pick<JobView, "status"> | null | undefined): boolean {
  return !!job && SETTLED.has(job.status);
}

interface UseJobProgressOptions {
  intervalMs?: number;
  /** Called once when the job reaches a final status. */
  onSettled?: (job: JobView) => void;
  /** A snapshot already known (e.g. from the server render) to show before the first poll. */
  initial?: JobView | null;
}

export function useJobProgress(jobId: string | null | undefined, options: UseJobProgressOptions = {}) {
  const { intervalMs = 1000, initial = null } = options;
  const [job, setJob] = useState<JobView | null>(initial);
  const [error, setError] = useState<string | null>(null);
  // Keep the latest callback without restarting the polling loop when the parent re-renders.
  const onSettledRef = useRef(options.onSettled);
  useEffect(() => {
    onSettledRef.current = options.onSettled;
  });

  useEffect(() => {
    if (!jobId) return;
    if (initial && initial.id === jobId && isSettledJob(initial)) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    async function poll() {
      try {
        const next = await apiFetch<JobView>(`/api/v1/jobs/${encodeURIComponent(jobId!)}`, { signal: controller.signal });
        if (controller.signal.aborted) return;
        failures = 0;
        setError(null);
        setJob(next);
        if (isSettledJob(next)) {
          onSettledRef.current?.(next);
          return;
        }
      } catch (cause) {
        if (controller.signal.aborted) return;
        failures += 1;
        // A transient error (server restart, network blip) should not end live progress at once.
        if (failures >= 5) {
          setError(messageOf(cause));
          return;
        }
      }
      timer = setTimeout(poll, intervalMs);
    }

    void poll();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    // `initial` only seeds the first render; it must not restart polling.
  }, [jobId, intervalMs]);

  return { job, error };
}
