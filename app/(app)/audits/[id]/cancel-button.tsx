"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, messageOf } from "../../../_components/api-client";

/** Cancels a queued or running audit; it stops between units of work (e.g. shadow models). */
export function CancelAuditButton({ auditId }: { auditId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <button
        className="btn"
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await apiFetch(`/api/v1/audits/${auditId}/cancel`, { method: "POST" });
            router.refresh();
          } catch (cause) {
            setError(messageOf(cause));
            setBusy(false);
          }
        }}
      >
        {busy ? "Cancelling…" : "Cancel audit"}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {" "}
          {error}
        </span>
      ) : null}
    </span>
  );
}
