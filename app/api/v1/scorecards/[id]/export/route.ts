import { getDb } from "@/lib/db";
import { exportQuerySchema, exportScorecard, getScorecard, renderScorecardPdf } from "@/lib/scorecard";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/scorecards/{id}/export?format=json|pdf — canary.scorecard/v1 JSON, or the print view as PDF.
export const GET = withPermission<{ id: string }>("scorecards.read", async ({ request, params }) => {
  const { format } = exportQuerySchema.parse(queryOf(request));
  const doc = exportScorecard(await getScorecard(getDb(), params.id));
  const filename = `scorecard-${doc.model.name}-v${doc.model.version}-${doc.scorecard.snapshotHash.slice(0, 12)}`;
  if (format === "json") return jsonResponse(doc, { headers: { "Content-Disposition": `attachment; filename="${filename}.json"` } });
  const pdf = await renderScorecardPdf(doc);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}.pdf"`, "Cache-Control": "no-store" },
  });
});
