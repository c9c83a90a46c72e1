"use client";
// Re-renders the server component tree while `active`, e.g. while a dataset version is still
// ingesting, so statuses and progress move without a manual reload. The next refresh is scheduled
// only after the previous one has rendered, so slow renders never pile up.
import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

export function AutoRefresh({ active, intervalMs = 1000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  useEffect(() => {
    if (!active || refreshing) return;
    const timer = setTimeout(() => startTransition(() => router.refresh()), intervalMs);
    return () => clearTimeout(timer);
  }, [active, refreshing, intervalMs, router]);
  return null;
}
