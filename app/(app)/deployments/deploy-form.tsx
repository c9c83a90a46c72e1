"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "../../_components/api-client";
import { useApiAction } from "../../_components/use-api-action";

interface DeployFormProps {
  action: "promote" | "rollback";
  environments: string[];
  initial?: { model?: string; version?: string; environment?: string };
}

/** Promote an approved version, or roll back to an earlier approved one; both need a reason. */
export function DeployForm({ action, environments, initial = {} }: DeployFormProps) {
  const router = useRouter();
  const [values, setValues] = useState({ model: initial.model ?? "", version: initial.version ?? "", environment: initial.environment ?? environments[0] ?? "", reason: "" });
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useApiAction();
  const id = (field: string) => `${action}-${field}`;
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    await run(async () => {
      const result = await apiFetch<{ model: string; version: number; environment: string; fromVersion: number | null }>(`/api/v1/deployments/${action}`, {
        method: "POST",
        body: JSON.stringify({ ...values, version: Number(values.version) }),
      });
      setDone(`${result.environment} now runs ${result.model} v${result.version}${result.fromVersion ? ` (was v${result.fromVersion})` : ""}.`);
      setValues({ ...values, reason: "" });
      router.refresh();
    });
  }

  return (
    <form className="form" onSubmit={submit} data-testid={`${action}-form`}>
      {error ? <div className="alert alert-error" role="alert">{error}</div> : null}
      {done ? <div className="alert alert-success" role="status">{done}</div> : null}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={id("model")}>Model</label>
          <input id={id("model")} className="input mono" value={values.model} onChange={set("model")} required />
        </div>
        <div className="field">
          <label htmlFor={id("version")}>{action === "promote" ? "Version" : "Roll back to version"}</label>
          <input id={id("version")} className="input input-narrow" type="number" min={1} value={values.version} onChange={set("version")} required />
        </div>
        <div className="field">
          <label htmlFor={id("environment")}>Environment</label>
          <select id={id("environment")} className="select" value={values.environment} onChange={set("environment")}>
            {environments.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </div>
        <div className="field span-2">
          <label htmlFor={id("reason")}>Reason</label>
          <input id={id("reason")} className="input" value={values.reason} onChange={set("reason")} required placeholder={action === "promote" ? "What this release brings" : "Why you roll back"} />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className={`btn ${action === "rollback" ? "btn-danger" : "btn-primary"}`} disabled={busy}>
          {action === "promote" ? "Promote" : "Roll back"}
        </button>
      </div>
    </form>
  );
}
