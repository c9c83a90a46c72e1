import { messageOf } from "./api-client";
import { EmptyState } from "./empty-state";
import { AlertIcon } from "./icons";

/** What a table shows when its data could not be loaded: the reason, and a way to try again. */
export function LoadFailed({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
  return (
    <EmptyState
      icon={<AlertIcon size={24} />}
      tone="danger"
      title={title}
      actions={
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      }
    >
      <p>{messageOf(error)}</p>
    </EmptyState>
  );
}
