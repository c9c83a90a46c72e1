import Link from "next/link";
import { CanaryMark } from "./_components/icons";

// Unmatched URLs: no shell here (the visitor may not be signed in), just a clear way back.
export default function NotFound() {
  return (
    <main className="status-page" style={{ minHeight: "100vh" }}>
      <div className="empty">
        <div className="empty-icon">
          <CanaryMark size={24} />
        </div>
        <div className="status-code">404 · Not found</div>
        <h2>This page does not exist</h2>
        <p>The address may be mistyped, or the page has moved.</p>
        <div className="actions">
          <Link href="/datasets" className="btn btn-primary">
            Go to datasets
          </Link>
        </div>
      </div>
    </main>
  );
}
