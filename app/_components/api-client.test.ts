import { describe, expect, it } from "vitest";
import { ApiError, apiErrorFrom, fieldErrorsOf } from "./api-client";

describe("apiErrorFrom", () => {
  it("keeps the API's code, message and details", () => {
    const body = JSON.stringify({
      error: { code: "conflict", message: "identical content is already version 2", details: { existingVersion: 2 } },
    });
    const error = apiErrorFrom(409, body);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.code).toBe("conflict");
    expect(error.message).toBe("identical content is already version 2");
    expect(error.details).toEqual({ existingVersion: 2 });
  });

  it("explains answers that are not the API's JSON (proxies, crashes)", () => {
    const tooLarge = apiErrorFrom(413, "<html>Request Entity Too Large</html>");
    expect(tooLarge.code).toBe("http_413");
    expect(tooLarge.message).toBe("The file is larger than the server accepts.");
    expect(apiErrorFrom(502, "").message).toBe("Request failed (HTTP 502).");
  });
});

describe("fieldErrorsOf", () => {
  it("maps a 422's zod issues to the first message per field", () => {
    const error = apiErrorFrom(
      422,
      JSON.stringify({
        error: {
          code: "unprocessable",
          message: "invalid input",
          details: {
            issues: [
              { path: ["name"], message: "use lowercase letters" },
              { path: ["name"], message: "too short" },
              { path: ["consentBasis"], message: "invalid option" },
              { path: [], message: "the body must be JSON" },
            ],
          },
        },
      }),
    );
    expect(fieldErrorsOf(error)).toEqual({
      name: "use lowercase letters",
      consentBasis: "invalid option",
      "": "the body must be JSON",
    });
  });

  it("is empty for errors without issues", () => {
    expect(fieldErrorsOf(apiErrorFrom(500, "{}"))).toEqual({});
    expect(fieldErrorsOf(new Error("x"))).toEqual({});
  });
});
