import Link from "next/link";
import { EmptyState } from "./empty-state";
import { LockIcon } from "./icons";

/** The designed 403: says what happened and what to do, without revealing what is behind it. */
export function ForbiddenView() {
  return (
    <div className="status-page" data-testid="forbidden">
      <EmptyState
        icon={<LockIcon size={24} />}
        tone="warn"
        eyebrow="403 · Forbidden"
        title="You don't have access to this page"
        actions={
          <Link href="/datasets" className="btn btn-primary">
            Back to datasets
          </Link>
        }
      >
        <p>
          Your roles do not include the permission this page needs. If you need it for your work, ask an administrator for
          the right role; role changes are recorded in the audit log.
        </p>
      </EmptyState>
    </div>
  );
}
