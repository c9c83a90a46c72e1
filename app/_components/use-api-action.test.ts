import { describe, expect, it } from "vitest";
import { ApiError } from "./api-client";
import { runApiAction } from "./use-api-action";

function recorder() {
  const calls: string[] = [];
  return {
    calls,
    state: {
      setBusy: (busy: boolean) => calls.push(`busy=${busy}`),
      setError: (error: string | null) => calls.push(`error=${error}`),
    },
  };
}

describe("runApiAction", () => {
  it("clears the error and is busy only while the action runs", async () => {
    const { calls, state } = recorder();
    await runApiAction(async () => void calls.push("action"), state);
    expect(calls).toEqual(["busy=true", "error=null", "action", "busy=false"]);
  });

  it("shows the API's message when the action fails", async () => {
    const { calls, state } = recorder();
    await runApiAction(async () => {
      throw new ApiError(409, "conflict", "this version is already deployed");
    }, state);
    expect(calls).toEqual(["busy=true", "error=null", "error=this version is already deployed", "busy=false"]);
  });

  it("words the error with errorText when given", async () => {
    const { calls, state } = recorder();
    await runApiAction(
      async () => {
        throw new ApiError(403, "forbidden", "You do not have permission to do this.");
      },
      state,
      { errorText: (cause) => `Roles were not changed: ${(cause as Error).message}` },
    );
    expect(calls.at(-2)).toBe("error=Roles were not changed: You do not have permission to do this.");
  });

  it("stays busy after success with busyAfterSuccess, not after a failure", async () => {
    const ok = recorder();
    await runApiAction(async () => {}, ok.state, { busyAfterSuccess: true });
    expect(ok.calls).toEqual(["busy=true", "error=null"]);
    const failed = recorder();
    await runApiAction(async () => Promise.reject(new Error("boom")), failed.state, { busyAfterSuccess: true });
    expect(failed.calls).toEqual(["busy=true", "error=null", "error=boom", "busy=false"]);
  });
});
