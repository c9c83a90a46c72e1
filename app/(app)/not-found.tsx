import Link from "next/link";
import { EmptyState } from "../_components/empty-state";
import { SearchIcon } from "../_components/icons";

// `notFound()` from a signed-in page: inside the shell, so navigation stays at hand.
export default function NotFound() {
  return (
    <div className="status-page">
      <EmptyState
        icon={<SearchIcon size={24} />}
        eyebrow="404 · Not found"
        title="Not found"
        actions={
          <Link href="/datasets" className="btn btn-primary">
            Go to datasets
          </Link>
        }
      >
        <p>There is nothing at this address. It may have been mistyped, or you followed an outdated link.</p>
      </EmptyState>
    </div>
  );
}
