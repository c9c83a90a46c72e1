"use client";
// Table state (page, page size, sort, filters) lives in the URL so every view is shareable and
// survives reloads. Changing it replaces the URL inside a transition: server-rendered pages
// re-render with the new search params while `isPending` drives the table's loading state.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

export type UrlChanges = Record<string, string | number | null | undefined>;

export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  const get = useCallback((key: string): string | undefined => searchParams.get(key) ?? undefined, [searchParams]);

  /**
   * Applies `changes` (null/undefined/"" removes a key). Unless `page` is among the changes, the
   * page goes back to the first: new filters or sorting make the old page number meaningless.
   */
  const update = useCallback(
    (changes: UrlChanges) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, String(value));
      }
      if (!("page" in changes)) next.delete("page");
      const query = next.toString();
      startTransition(() => {
        router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
      });
    },
    [pathname, router, searchParams],
  );

  return { get, update, isPending, searchParams };
}

/** A positive integer from the URL, or the fallback. */
export function intParam(value: string | undefined, fallback: number): number {
  const n = value ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
