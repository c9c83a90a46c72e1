"use client";
// Shows a PII finding's value, read from the file on demand (GET /api/v1/findings/{id}/value); only
// rendered for roles with pii.unmasked. The value lives in this component's state, never in a URL.
import { useState } from "react";
import { apiFetch } from "../../../_components/api-client";
import { useApiAction } from "../../../_components/use-api-action";

export function UnmaskButton({ findingId }: { findingId: string }) {
  const [value, setValue] = useState<string | null>(null);
  const { error, run } = useApiAction();
  if (value !== null) {
    return (
      <button type="button" className="btn btn-sm btn-ghost mono" onClick={() => setValue(null)} title="Hide again">
        {value}
      </button>
    );
  }
  return (
    <>
      <button
        type="button"
        className="btn btn-sm btn-ghost"
        onClick={() =>
          run(async () => {
            setValue((await apiFetch<{ value: string }>(`/api/v1/findings/${findingId}/value`)).value);
          })
        }
      >
        Unmask
      </button>
      {error ? <span className="field-error">{error}</span> : null}
    </>
  );
}
