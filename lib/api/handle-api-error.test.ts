import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { Prisma } from "../db/index.ts";
import { AppError, ERROR_STATUS, type ErrorCode } from "../errors/index.ts";
import { handleApiError } from "./handle-api-error.ts";
import { serializeJson } from "./serialize-json.ts";

afterEach(() => vi.restoreAllMocks());

describe("handleApiError", () => {
  it.each(Object.entries(ERROR_STATUS) as [ErrorCode, number][])("answers AppError %s with %i", (code, status) => {
    expect(handleApiError(new AppError(code, "said on purpose"))).toEqual({ status, body: { error: { code, message: "said on purpose" } } });
  });

  it("passes an AppError's details through", () => {
    const error = new AppError("conflict", "identical content is already version 2", { existingVersion: 2 });
    expect(handleApiError(error)).toEqual({
      status: 409,
      body: { error: { code: "conflict", message: "identical content is already version 2", details: { existingVersion: 2 } } },
    });
  });

  it("answers a zod error with 422 and every issue's path and message", () => {
    const schema = z.object({ name: z.string().min(2), tags: z.array(z.string()) });
    const result = schema.safeParse({ name: "x", tags: ["ok", 3] });
    const answer = handleApiError(result.error);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("unprocessable");
    expect(answer.body.error.message).toMatch(/^invalid input: name: .+ \(and 1 more\)$/);
    expect(answer.body.error.details).toEqual({
      issues: [
        { path: ["name"], message: expect.stringContaining("2") },
        { path: ["tags", 1], message: expect.stringContaining("string") },
      ],
    });
  });

  it("answers Prisma's record-not-found (P2025) with 404 and a unique clash (P2002) with 409", () => {
    const notFound = new Prisma.PrismaClientKnownRequestError("No record was found for an update.", { code: "P2025", clientVersion: "7" });
    expect(handleApiError(notFound)).toEqual({ status: 404, body: { error: { code: "not_found", message: "record not found" } } });
    const clash = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "7" });
    expect(handleApiError(clash).status).toBe(409);
  });

  it("answers anything else with a bare 500 and logs it without the message's later lines", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = new Error("Invalid `tx.user.create()` invocation:\n{ data: { email: \"alice@example.com\" } }");
    expect(handleApiError(error)).toEqual({ status: 500, body: { error: { code: "internal", message: "internal error" } } });
    expect(log).toHaveBeenCalledTimes(1);
    const logged = String(log.mock.calls[0]![0]);
    expect(logged).toContain("Invalid `tx.user.create()` invocation:");
    expect(logged).not.toContain("alice@example.com");
  });

  it("answers a thrown non-Error with 500 too", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(handleApiError("boom").status).toBe(500);
    expect(handleApiError(undefined).body).toEqual({ error: { code: "internal", message: "internal error" } });
  });
});

describe("serializeJson", () => {
  it("writes BigInt as a decimal string, beyond 2^53 exactly", () => {
    expect(serializeJson({ seq: 9007199254740993n, sizeBytes: 12n, at: new Date(0) })).toBe(
      '{"seq":"9007199254740993","sizeBytes":"12","at":"1970-01-01T00:00:00.000Z"}',
    );
  });
});
