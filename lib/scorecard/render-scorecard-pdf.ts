import { chromium } from "playwright-core";
import { renderPrintHtml } from "./render-print-html.ts";
import type { ScorecardExport } from "./export-scorecard.ts";

/**
 * The print view as PDF, rendered by headless Chromium (CANARY_CHROMIUM_PATH, default
 * /usr/bin/chromium). The page is set from HTML, so Chromium makes no request at all.
 */
export async function renderScorecardPdf(doc: ScorecardExport): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: process.env.CANARY_CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(renderPrintHtml(doc), { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: true, margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" } });
  } finally {
    await browser.close();
  }
}
