"use client";
// A scores-only audit of an external model: its scores.json ({"members": [...], "nonMembers": [...]},
// higher = more likely member) is uploaded and audited like any other.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "../../../_components/api-client";
import { useApiAction } from "../../../_components/use-api-action";

export function ScoresUploadForm() {
  const router = useRouter();
  const [subject, setSubject] = useState("");
  const [claimed, setClaimed] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const { busy: submitting, error, run } = useApiAction({ busyAfterSuccess: true });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    await run(async () => {
      const params = new URLSearchParams({ subject: subject.trim() });
      if (claimed.trim()) params.set("claimedEpsilon", claimed.trim());
      const started = await apiFetch<{ id: string }>(`/api/v1/audits/scores?${params}`, { method: "POST", body: await file.text(), headers: { "Content-Type": "application/json" } });
      router.push(`/audits/${started.id}`);
    });
  }

  return (
    <form className="card" onSubmit={submit} aria-label="Audit a scores file">
      <div className="card-header">
        <h2>Audit a scores file</h2>
        <p>For a model Canary does not hold: upload its attack scores on known members and non-members.</p>
      </div>
      <div className="card-body stack">
        <div className="field">
          <label htmlFor="scores-subject">External model</label>
          <input id="scores-subject" className="input" required value={subject} onChange={(e) => setSubject(e.target.value)} placeholder="vendor-model-2025-11" />
        </div>
        <div className="field">
          <label htmlFor="scores-claimed">
            Claimed ε <span className="optional">(optional)</span>
          </label>
          <input id="scores-claimed" className="input" type="number" min={0} step="any" value={claimed} onChange={(e) => setClaimed(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="scores-file">scores.json</label>
          <input id="scores-file" className="input" type="file" accept="application/json,.json" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <span className="hint">{'{"members": [...], "nonMembers": [...]}'}, higher = more likely a member</span>
        </div>
        {error ? (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        ) : null}
        <div>
          <button className="btn" type="submit" disabled={submitting || !file}>
            {submitting ? "Uploading…" : "Upload and audit"}
          </button>
        </div>
      </div>
    </form>
  );
}
