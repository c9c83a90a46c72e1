"use client";

import { useState } from "react";
import { formatCount } from "@/lib/format";
import { apiFetch, messageOf } from "../../_components/api-client";
import type { AuditLogVerificationView } from "../../_components/api-types";
import { AlertIcon, CheckIcon, ShieldIcon } from "../../_components/icons";

export function VerifyChainButton() {
  const [state, setState] = useState<
    { kind: "idle" } | { kind: "running" } | { kind: "done"; result: AuditLogVerificationView } | { kind: "error"; message: string }
  >({ kind: "idle" });

  async function verify() {
    setState({ kind: "running" });
    try {
      setState({ kind: "done", result: await apiFetch<AuditLogVerificationView>("/api/v1/audit-log/verify") });
    } catch (error) {
      setState({ kind: "error", message: messageOf(error) });
    }
  }

  return (
    <div style={{ display: "flex", flexDirection: "column", alignItems: "flex-end", gap: 8, maxWidth: 460 }}>
      <button type="button" className="btn" onClick={verify} disabled={state.kind === "running"} data-testid="verify-chain">
        <ShieldIcon size={16} /> {state.kind === "running" ? "Verifying…" : "Verify chain"}
      </button>
      {state.kind === "done" && state.result.ok ? (
        <div className="alert alert-success" role="status" data-testid="verify-result">
          <CheckIcon size={18} />
          <span>
            Chain intact: {formatCount(state.result.entriesChecked)} {state.result.entriesChecked === 1 ? "entry" : "entries"} checked,
            every hash and link holds.
          </span>
        </div>
      ) : null}
      {state.kind === "done" && !state.result.ok ? (
        <div className="alert alert-error" role="alert" data-testid="verify-result">
          <AlertIcon size={18} />
          <div>
            <div className="alert-title">Chain broken at entry #{state.result.firstBroken?.seq ?? "?"}</div>
            <div>
              {state.result.firstBroken?.reason ?? "An entry does not match its hash."} {formatCount(state.result.entriesChecked)}{" "}
              earlier entries verified. Treat entries from #{state.result.firstBroken?.seq ?? "?"} on as untrusted and report
              this to your security team.
            </div>
          </div>
        </div>
      ) : null}
      {state.kind === "error" ? (
        <div className="alert alert-error" role="alert">
          <AlertIcon size={18} />
          <span>Verification could not run: {state.message}</span>
        </div>
      ) : null}
    </div>
  );
}
