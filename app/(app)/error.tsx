"use client";

import { useEffect } from "react";
import { EmptyState } from "../_components/empty-state";
import { AlertIcon } from "../_components/icons";

// Unexpected server errors: a calm explanation, a retry, and the digest to quote to an administrator
// (the server log holds the details; the message itself may be internal and is not shown).
export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="status-page">
      <EmptyState
        icon={<AlertIcon size={24} />}
        tone="danger"
        title="Something went wrong"
        actions={
          <button type="button" className="btn btn-primary" onClick={reset}>
            Try again
          </button>
        }
      >
        <p>The page could not be loaded. Try again; if it keeps failing, tell an administrator.</p>
        {error.digest ? (
          <p className="faint">
            Reference <code>{error.digest}</code>
          </p>
        ) : null}
      </EmptyState>
    </div>
  );
}
