"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "../../../_components/api-client";
import { useApiAction } from "../../../_components/use-api-action";

/** Approve or reject this snapshot with a comment; the server checks separation of duties again. */
export function DecisionForm({ scorecardId, canApprove }: { scorecardId: string; canApprove: boolean }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const { busy, error, run } = useApiAction();

  async function decide(decision: "approved" | "rejected", event?: FormEvent) {
    event?.preventDefault();
    await run(async () => {
      await apiFetch(`/api/v1/scorecards/${scorecardId}/decision`, { method: "POST", body: JSON.stringify({ decision, comment }) });
      setComment("");
      router.refresh();
    });
  }

  return (
    <form className="form" onSubmit={(event) => decide("approved", event)} data-testid="decision-form">
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="decision-comment">Comment</label>
        <textarea id="decision-comment" className="textarea" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="What you checked, and why you decide so" />
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-danger" disabled={busy || comment.trim() === ""} onClick={() => decide("rejected")}>
          Reject
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || comment.trim() === "" || !canApprove} title={canApprove ? undefined : "A scorecard graded F cannot be approved"}>
          Approve
        </button>
      </div>
    </form>
  );
}
