// The browser's way to call /api/v1: same-origin, the session cookie authenticates, and every
// non-2xx answer becomes an ApiError carrying the API's `{ error: { code, message, details } }`.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

interface ErrorEnvelope {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: "Your session has ended. Sign in again to continue.",
  403: "You do not have permission to do this.",
  404: "Not found.",
  413: "The file is larger than the server accepts.",
  500: "The server could not complete the request. Try again, and tell an administrator if it keeps failing.",
};

/** Builds an ApiError from a status and the (possibly non-JSON) response text. */
export function apiErrorFrom(status: number, bodyText: string): ApiError {
  let envelope: ErrorEnvelope | null = null;
  try {
    envelope = JSON.parse(bodyText) as ErrorEnvelope;
  } catch {
    envelope = null;
  }
  const error = envelope?.error;
  const code = typeof error?.code === "string" ? error.code : `http_${status}`;
  const message =
    typeof error?.message === "string" && error.message
      ? error.message
      : (FALLBACK_MESSAGES[status] ?? `Request failed (HTTP ${status}).`);
  const details = error?.details && typeof error.details === "object" ? (error.details as Record<string, unknown>) : undefined;
  return new ApiError(status, code, message, details);
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has("Accept")) headers.set("Accept", "application/json");
  if (init.body !== undefined && typeof init.body === "string" && !headers.has("Content-Type")) {
    headers.set("Content-Type", "application/json");
  }
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", cache: "no-store", ...init, headers });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network", "Could not reach the server. Check your connection and try again.");
  }
  if (!response.ok) throw apiErrorFrom(response.status, await response.text());
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A zod issue as the API returns it under `details.issues` on a 422. */
export interface ApiIssue {
  path: (string | number)[];
  message: string;
}

/** Field name → first message, from a 422's `details.issues`; issues without a path go under "". */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return {};
  const byField: Record<string, string> = {};
  for (const issue of issues as Partial<ApiIssue>[]) {
    const field = Array.isArray(issue.path) && issue.path.length > 0 ? String(issue.path[0]) : "";
    if (typeof issue.message === "string" && !(field in byField)) byField[field] = issue.message;
  }
  return byField;
}

export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong.";
}
