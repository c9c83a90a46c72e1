"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, messageOf } from "../../_components/api-client";

export function MarkReadButton({ id, label = "Mark read" }: { id: string; label?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="btn btn-sm btn-ghost"
        onClick={async () => {
          try {
            await apiFetch(`/api/v1/notifications/${id}/read`, { method: "POST" });
            router.refresh();
          } catch (e) {
            setError(messageOf(e));
          }
        }}
      >
        {label}
      </button>
      {error ? <span className="field-error" role="alert">{error}</span> : null}
    </>
  );
}
