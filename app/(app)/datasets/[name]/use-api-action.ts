"use client";
// One mutating call to /api/v1 at a time, with its pending state and error, then a page refresh.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, messageOf } from "../../../_components/api-client";

export function useApiAction() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run<T>(path: string, init: RequestInit): Promise<T | null> {
    setPending(true);
    setError(null);
    try {
      const result = await apiFetch<T>(path, init);
      router.refresh();
      return result;
    } catch (cause) {
      setError(messageOf(cause));
      return null;
    } finally {
      setPending(false);
    }
  }
  return { run, pending, error };
}
