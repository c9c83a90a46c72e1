"use client";
// GET a JSON resource from /api/v1 and keep it fresh: refetches when the URL changes (keeping the
// previous data on screen meanwhile, so tables do not flash empty), and optionally polls.
import { useCallback, useEffect, useRef, useState } from "react";
import { apiFetch, ApiError } from "./api-client";

interface UseApiQueryOptions<T> {
  /** Poll every this many milliseconds while `shouldPoll(data)` holds (default: always). */
  refreshMs?: number;
  shouldPoll?: (data: T) => boolean;
}

export interface ApiQuery<T> {
  data: T | null;
  error: ApiError | Error | null;
  /** True while a request for the current URL is in flight (not for silent polls). */
  loading: boolean;
  reload: () => void;
}

export function useApiQuery<T>(url: string | null, options: UseApiQueryOptions<T> = {}): ApiQuery<T> {
  const { refreshMs, shouldPoll } = options;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [loading, setLoading] = useState(url !== null);
  const [nonce, setNonce] = useState(0);
  const shouldPollRef = useRef(shouldPoll);
  useEffect(() => {
    shouldPollRef.current = shouldPoll;
  });

  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function load(silent: boolean) {
      if (!silent) setLoading(true);
      try {
        const next = await apiFetch<T>(url!, { signal: controller.signal });
        if (controller.signal.aborted) return;
        setData(next);
        setError(null);
        if (refreshMs && (shouldPollRef.current?.(next) ?? true)) timer = setTimeout(() => load(true), refreshMs);
      } catch (cause) {
        if (controller.signal.aborted) return;
        // A failed silent poll keeps the last good data; a failed load shows the error.
        if (!silent) setError(cause instanceof Error ? cause : new Error(String(cause)));
        else if (refreshMs) timer = setTimeout(() => load(true), refreshMs * 2);
      } finally {
        if (!controller.signal.aborted && !silent) setLoading(false);
      }
    }

    void load(false);
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [url, nonce, refreshMs]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}

/** The list envelope every paginated /api/v1 collection answers with. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
