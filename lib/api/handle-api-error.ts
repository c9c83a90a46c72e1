// Every error an API route can meet becomes one JSON shape, `{ error: { code, message, details? } }`,
// with the status of its code. Only errors raised on purpose say what went wrong; anything else is
// a 500 "internal error", logged here without the request's body or headers.
import { z } from "zod";
import { AppError, ERROR_STATUS, type ErrorCode } from "../errors/index.ts";

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export interface ApiErrorResponse {
  status: number;
  body: ApiErrorBody;
}

function answer(code: ErrorCode, message: string, details?: Record<string, unknown>): ApiErrorResponse {
  return { status: ERROR_STATUS[code], body: { error: details ? { code, message, details } : { code, message } } };
}

function issuePath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((key) => (typeof key === "number" ? key : String(key)));
}

/** Prisma's known request errors carry a `code` such as P2025; matched by shape, so this module needs no client. */
function prismaCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !error.name.startsWith("PrismaClient")) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

export function handleApiError(error: unknown): ApiErrorResponse {
  if (error instanceof AppError) return answer(error.code, error.message, error.details);

  if (error instanceof z.core.$ZodError) {
    const issues = error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
    const first = issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    return answer("unprocessable", `invalid input: ${where}${first?.message ?? "rejected"}${more}`, { issues });
  }

  const code = prismaCode(error);
  if (code === "P2025") return answer("not_found", "record not found");
  if (code === "P2002") return answer("conflict", "a record with the same unique values already exists");

  logUnexpected(error);
  return answer("internal", "internal error");
}

// The first line of a message and the stack frames: Prisma puts the query's arguments (possibly
// personal data) on later lines of its messages, so those are left out.
function logUnexpected(error: unknown): void {
  if (error instanceof Error) {
    const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
    const code = prismaCode(error);
    console.error(`[api] unexpected ${error.name}${code ? ` ${code}` : ""}: ${error.message.split("\n")[0]}\n${frames.join("\n")}`);
  } else {
    console.error(`[api] unexpected non-Error thrown: ${typeof error}`);
  }
}
