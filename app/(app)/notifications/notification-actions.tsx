"use client";

import { useRouter } from "next/navigation";
import { apiFetch } from "../../_components/api-client";
import { useApiAction } from "../../_components/use-api-action";

export function MarkReadButton({ id, label = "Mark read" }: { id: string; label?: string }) {
  const router = useRouter();
  const { error, run } = useApiAction();
  return (
    <>
      <button
        type="button"
        className="btn btn-sm btn-ghost"
        onClick={() =>
          run(async () => {
            await apiFetch(`/api/v1/notifications/${id}/read`, { method: "POST" });
            router.refresh();
          })
        }
      >
        {label}
      </button>
      {error ? <span className="field-error" role="alert">{error}</span> : null}
    </>
  );
}
