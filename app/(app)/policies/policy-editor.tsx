"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch, messageOf } from "../../_components/api-client";

/**
 * The policy as JSON in a textarea. The server validates (the same zod schema as `canary policy`)
 * and names the JSON path of the first problem; a JSON syntax error is caught here first.
 */
export function PolicyEditor({ initial, basedOnVersion }: { initial: string; basedOnVersion: number }) {
  const router = useRouter();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<{ message: string; path?: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(null);
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (e) {
      setError({ message: `not valid JSON: ${(e as Error).message}` });
      return;
    }
    setBusy(true);
    try {
      const result = await apiFetch<{ policy: { version: number }; recomputed: number }>("/api/v1/policies", { method: "POST", body: JSON.stringify({ document, basedOnVersion }) });
      setSaved(`Saved as version ${result.policy.version}; ${result.recomputed} scorecard(s) regraded.`);
      router.refresh();
    } catch (e) {
      const path = e instanceof ApiError ? (e.details as { path?: string } | undefined)?.path : undefined;
      setError({ message: messageOf(e), path });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={save} data-testid="policy-editor">
      {error ? (
        // The message starts with the JSON path of the first problem, e.g. `$.criteria[2].threshold: …`.
        <div className="alert alert-error" role="alert" data-testid="policy-error" data-path={error.path}>
          {error.message}
        </div>
      ) : null}
      {saved ? <div className="alert alert-success" role="status">{saved}</div> : null}
      <div className="field">
        <label htmlFor="policy-json">Policy document (JSON)</label>
        <textarea id="policy-json" className="textarea mono policy-json" rows={24} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
        <span className="hint">
          Schema: <a href="/api/v1/policies/schema">/api/v1/policies/schema</a>. Saving creates a new version (version {basedOnVersion} stays as it was) and regrades every scorecard.
        </span>
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => setText(initial)} disabled={busy}>Reset</button>
        <button type="submit" className="btn btn-primary" disabled={busy}>Save as new version</button>
      </div>
    </form>
  );
}
