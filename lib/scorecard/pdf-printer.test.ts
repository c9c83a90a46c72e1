// PdfPrinter with the real headless Chromium (CANARY_CHROMIUM_PATH, default /usr/bin/chromium).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PdfPrinter } from "./pdf-printer.ts";

const launchChromium = () => chromium.launch({ executablePath: process.env.CANARY_CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });

let server: Server;
let origin: string;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url!);
    res.writeHead(200, { "content-type": "text/plain" }).end("x");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Chromium writes one `/Type /Page` dictionary per page (the tree root is `/Type /Pages`). */
const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;

describe("PdfPrinter", () => {
  it("prints concurrent exports in one browser, at most `concurrency` at a time", async () => {
    let launches = 0;
    let open = 0;
    let mostOpen = 0;
    const printer = new PdfPrinter({
      concurrency: 2,
      launch: async () => {
        launches += 1;
        const browser = await launchChromium();
        const newContext = browser.newContext.bind(browser);
        // Counts contexts alive at once: one per print in progress.
        browser.newContext = async (options) => {
          const context = await newContext(options);
          mostOpen = Math.max(mostOpen, ++open);
          context.on("close", () => (open -= 1));
          return context;
        };
        return browser as Browser;
      },
    });
    try {
      const pdfs = await Promise.all(Array.from({ length: 5 }, (_, i) => printer.print(`<h1>Scorecard ${i}</h1>`)));
      for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(launches).toBe(1);
      expect(mostOpen).toBe(2);
      await printer.print("<p>again</p>");
      expect(launches).toBe(1);
    } finally {
      await printer.close();
    }
  });

  it("makes no request for anything the page links to, and runs none of its scripts", async () => {
    const printer = new PdfPrinter({ launch: launchChromium });
    try {
      hits.length = 0;
      const html = `<!doctype html><html><head><link rel="stylesheet" href="${origin}/style.css"><script src="${origin}/script.js"></script></head>
        <body><img src="${origin}/image.png"><iframe src="${origin}/frame"></iframe><p>one page</p>
        <script>fetch("${origin}/fetch"); document.body.innerHTML = '<div style="height:20000px">long</div>';</script></body></html>`;
      const pdf = await printer.print(html);
      expect(hits).toEqual([]);
      // With JavaScript on, the inline script would make the page ~20 000 px tall: many pages.
      expect(pageCount(pdf)).toBe(1);
      // The same count sees the long page when it is in the HTML itself.
      expect(pageCount(await printer.print('<div style="height:20000px">long</div>'))).toBeGreaterThan(10);
    } finally {
      await printer.close();
    }
  });
});
