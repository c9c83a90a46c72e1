import Link from "next/link";
import { EmptyState } from "../../../_components/empty-state";
import { DatabaseIcon } from "../../../_components/icons";

// No dataset by this name (or it was never registered): point back to the register.
export default function DatasetNotFound() {
  return (
    <div className="status-page">
      <EmptyState
        icon={<DatabaseIcon size={24} />}
        eyebrow="404 · Not found"
        title="No such dataset"
        actions={
          <Link href="/datasets" className="btn btn-primary">
            Browse datasets
          </Link>
        }
      >
        <p>No dataset is registered under this name. Dataset names are exact and lowercase; search the register instead.</p>
      </EmptyState>
    </div>
  );
}
