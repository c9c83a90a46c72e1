// The CLI's way to the REST API: CANARY_URL (default http://localhost:3000) and CANARY_TOKEN.
// Every failure becomes a CliError with one line saying why, taken from the API's error body.
import { CliError } from "./output.ts";

export const DEFAULT_CANARY_URL = "http://localhost:3000";

export interface ApiClientOptions {
  baseUrl?: string;
  token?: string;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  /** A streamed body (sent with duplex: "half", so nothing is buffered). */
  stream?: ReadableStream<Uint8Array>;
  contentType?: string;
}

/** One line from an error answer: the API's `error.message`, else the HTTP status. */
export function describeHttpError(status: number, bodyText: string): string {
  let message: string | undefined;
  try {
    const parsed = JSON.parse(bodyText) as { error?: { message?: unknown; code?: unknown } };
    if (typeof parsed.error?.message === "string") message = parsed.error.message;
  } catch {
    // Not JSON (a proxy's HTML page, say): fall back to the status.
  }
  const reason = message ?? (status === 401 ? "not signed in: set CANARY_TOKEN to an API token" : "request failed");
  return `${reason.split("\n")[0]} (HTTP ${status})`;
}

export class ApiClient {
  readonly baseUrl: string;
  private readonly token: string | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? process.env.CANARY_URL ?? DEFAULT_CANARY_URL).replace(/\/+$/, "");
    this.token = options.token ?? process.env.CANARY_TOKEN;
    this.fetchImpl = options.fetch ?? fetch;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    if (!this.token) throw new CliError("CANARY_TOKEN is not set: create an API token in Settings and export CANARY_TOKEN=cnry_…");
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== "") url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { Accept: "application/json", Authorization: `Bearer ${this.token}` };
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.stream) {
      headers["Content-Type"] = options.contentType ?? "application/octet-stream";
      body = options.stream;
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method, headers, body, ...(options.stream ? { duplex: "half" } : {}) } as RequestInit);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`cannot reach ${this.baseUrl} (${cause?.code ?? cause?.message ?? (error as Error).message}); is Canary running, and is CANARY_URL right?`);
    }
    const text = await response.text();
    if (!response.ok) throw new CliError(describeHttpError(response.status, text));
    try {
      return (text === "" ? undefined : JSON.parse(text)) as T;
    } catch {
      throw new CliError(`the server at ${this.baseUrl} answered ${path} with something other than JSON`);
    }
  }

  get<T>(path: string, query?: RequestOptions["query"]): Promise<T> {
    return this.request<T>("GET", path, { query });
  }
}
