import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { exportScorecard, getScorecard, PRINT_STYLE, renderPrintBody } from "@/lib/scorecard";
import { requirePagePermission } from "@/app/_server/require-page-permission";

export const metadata: Metadata = { title: "Scorecard (print)" };

// The print view: the same HTML the PDF export renders in headless Chromium, escaped in lib/scorecard.
export default async function ScorecardPrintPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("scorecards.read");
  const { id } = await params;
  try {
    const doc = exportScorecard(await getScorecard(getDb(), id));
    return (
      <div className="print-view">
        <style>{PRINT_STYLE}</style>
        <div dangerouslySetInnerHTML={{ __html: renderPrintBody(doc) }} />
      </div>
    );
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
