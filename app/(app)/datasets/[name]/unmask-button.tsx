"use client";
// Shows a PII finding's value, read from the file on demand (GET /api/v1/findings/{id}/value); only
// rendered for roles with pii.unmasked. The value lives in this component's state, never in a URL.
import { useState } from "react";
import { apiFetch, messageOf } from "../../../_components/api-client";

export function UnmaskButton({ findingId }: { findingId: string }) {
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
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
        onClick={async () => {
          try {
            setValue((await apiFetch<{ value: string }>(`/api/v1/findings/${findingId}/value`)).value);
          } catch (cause) {
            setError(messageOf(cause));
          }
        }}
      >
        Unmask
      </button>
      {error ? <span className="field-error">{error}</span> : null}
    </>
  );
}
