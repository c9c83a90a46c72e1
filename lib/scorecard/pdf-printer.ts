import { chromium, type Browser, type BrowserContext } from "playwright-core";

export interface PdfPrinterOptions {
  /** Starts the browser. @defaultValue headless Chromium at CANARY_CHROMIUM_PATH (default /usr/bin/chromium) */
  launch?: () => Promise<Browser>;
  /** Pages printed at once; more wait their turn. @defaultValue 2 */
  concurrency?: number;
  /** The browser is closed after this long without work, and started again on the next print. @defaultValue 60 000 */
  idleCloseMs?: number;
}

const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CANARY_CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking"],
  });

/**
 * Prints HTML to A4 PDF in one shared headless browser: a new browser per export would cost a
 * process start each and let a burst of exports start as many browsers. Every print gets its own
 * context with JavaScript off and every network request aborted, so the printed page can neither
 * run a script nor reach any URL (the HTML is ours, escaped; this holds even if escaping slipped).
 */
export class PdfPrinter {
  private readonly launch: () => Promise<Browser>;
  private readonly concurrency: number;
  private readonly idleCloseMs: number;
  private browser: Promise<Browser> | null = null;
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(options: PdfPrinterOptions = {}) {
    this.launch = options.launch ?? launchChromium;
    this.concurrency = options.concurrency ?? 2;
    this.idleCloseMs = options.idleCloseMs ?? 60_000;
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1) throw new Error(`PdfPrinter: concurrency must be a positive integer, got ${this.concurrency}`);
  }

  async print(html: string): Promise<Buffer> {
    await this.acquire();
    let context: BrowserContext | null = null;
    try {
      context = await (await this.sharedBrowser()).newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: "block" });
      await context.route("**/*", (route) => route.abort("blockedbyclient"));
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: "load" });
      return await page.pdf({ format: "A4", printBackground: true, margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" } });
    } finally {
      await context?.close().catch(() => {});
      this.release();
    }
  }

  /** Closes the browser now (tests, shutdown); the next print starts another. */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const browser = this.browser;
    this.browser = null;
    await (await browser?.catch(() => null))?.close();
  }

  private sharedBrowser(): Promise<Browser> {
    if (!this.browser) {
      const started = this.launch();
      this.browser = started;
      // A crashed or failed browser is forgotten, so the next print starts a fresh one.
      started.then(
        (browser) => browser.on("disconnected", () => this.forget(started)),
        () => this.forget(started),
      );
    }
    return this.browser;
  }

  private forget(browser: Promise<Browser>): void {
    if (this.browser === browser) this.browser = null;
  }

  private async acquire(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.active < this.concurrency) {
      this.active += 1;
      return;
    }
    // The releasing print hands its slot over, so `active` stays counted.
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) return next();
    this.active -= 1;
    if (this.active === 0) {
      this.idleTimer = setTimeout(() => void this.close(), this.idleCloseMs);
      this.idleTimer.unref();
    }
  }
}
