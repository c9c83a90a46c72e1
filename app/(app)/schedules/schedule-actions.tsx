"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "../../_components/api-client";
import { useApiAction } from "../../_components/use-api-action";
import { useJobProgress } from "../../_components/use-job-progress";

/** "Run now" (follows the job until it settles) and enable/disable, for one schedule. */
export function ScheduleActions({ id, enabled }: { id: string; enabled: boolean }) {
  const router = useRouter();
  const [jobId, setJobId] = useState<string | null>(null);
  const { error, run } = useApiAction();
  const { job } = useJobProgress(jobId, { onSettled: () => router.refresh() });

  // A failed start also stops following the previous run.
  async function runNow() {
    let started: string | null = null;
    await run(async () => {
      started = (await apiFetch<{ id: string }>(`/api/v1/schedules/${id}/run`, { method: "POST" })).id;
    });
    setJobId(started);
  }

  return (
    <div className="row">
      <button type="button" className="btn btn-sm" data-testid="run-now" onClick={runNow}>
        Run now
      </button>
      <button type="button" className="btn btn-sm btn-ghost" onClick={() => run(async () => { await apiFetch(`/api/v1/schedules/${id}`, { method: "PATCH", body: JSON.stringify({ enabled: !enabled }) }); router.refresh(); })}>
        {enabled ? "Disable" : "Enable"}
      </button>
      {job ? <span className="muted" data-testid="run-status">{job.status}{job.progressMessage ? `: ${job.progressMessage}` : ""}</span> : null}
      {error ? <span className="field-error" role="alert">{error}</span> : null}
    </div>
  );
}

/** New schedule: kind, the deployment it watches, a cron expression, an optional webhook. */
export function CreateScheduleForm({ environments }: { environments: string[] }) {
  const router = useRouter();
  const [values, setValues] = useState({ kind: "reaudit", model: "", environment: environments.at(-1) ?? "", cron: "0 3 * * *", webhookUrl: "" });
  const { error, run } = useApiAction();
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      await apiFetch("/api/v1/schedules", { method: "POST", body: JSON.stringify(values) });
      router.refresh();
    });
  }

  return (
    <form className="form" onSubmit={submit} data-testid="create-schedule">
      {error ? <div className="alert alert-error" role="alert">{error}</div> : null}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="schedule-kind">Kind</label>
          <select id="schedule-kind" className="select" value={values.kind} onChange={set("kind")}>
            <option value="reaudit">Re-audit the deployed version</option>
            <option value="rescan">Re-scan its datasets</option>
            <option value="regrade">Regrade against the current policy</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="schedule-model">Model</label>
          <input id="schedule-model" className="input mono" value={values.model} onChange={set("model")} required />
        </div>
        <div className="field">
          <label htmlFor="schedule-environment">Environment</label>
          <select id="schedule-environment" className="select" value={values.environment} onChange={set("environment")}>
            {environments.map((name) => <option key={name}>{name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="schedule-cron">Cron (UTC)</label>
          <input id="schedule-cron" className="input mono" value={values.cron} onChange={set("cron")} required />
          <span className="hint">minute hour day-of-month month day-of-week, e.g. 0 3 * * * = daily at 03:00</span>
        </div>
        <div className="field span-2">
          <label htmlFor="schedule-webhook">Webhook URL <span className="optional">(optional)</span></label>
          <input id="schedule-webhook" className="input" type="url" value={values.webhookUrl} onChange={set("webhookUrl")} placeholder="https://…" />
          <span className="hint">Alerts are POSTed as JSON, signed: X-Canary-Signature: sha256=HMAC(secret, timestamp + "." + body).</span>
        </div>
      </div>
      <div className="form-actions"><button type="submit" className="btn btn-primary">Create schedule</button></div>
    </form>
  );
}
