"use client";
import { useRouter } from "next/navigation";
import { apiFetch } from "../../../_components/api-client";
import { useApiAction } from "../../../_components/use-api-action";

/** Cancels a queued or running audit; it stops between units of work (e.g. shadow models). */
export function CancelAuditButton({ auditId }: { auditId: string }) {
  const router = useRouter();
  const { busy, error, run } = useApiAction({ busyAfterSuccess: true });
  return (
    <span>
      <button
        className="btn"
        type="button"
        disabled={busy}
        onClick={() =>
          run(async () => {
            await apiFetch(`/api/v1/audits/${auditId}/cancel`, { method: "POST" });
            router.refresh();
          })
        }
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
