import { PdfPrinter } from "./pdf-printer.ts";
import { renderPrintHtml } from "./render-print-html.ts";
import type { ScorecardExport } from "./export-scorecard.ts";

// One printer per process: exports share its browser and its concurrency limit.
let printer: PdfPrinter | undefined;

/** The print view as PDF, printed by the process's shared headless Chromium (see PdfPrinter). */
export async function renderScorecardPdf(doc: ScorecardExport): Promise<Buffer> {
  printer ??= new PdfPrinter();
  return printer.print(renderPrintHtml(doc));
}
