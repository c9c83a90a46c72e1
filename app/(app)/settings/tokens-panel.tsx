"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatDate, formatDateTime } from "@/lib/format";
import { apiFetch, fieldErrorsOf, messageOf } from "../../_components/api-client";
import type { ApiTokenView } from "../../_components/api-types";
import { CopyButton } from "../../_components/copy-button";
import { DataTable } from "../../_components/data-table";
import { AlertIcon, PlusIcon } from "../../_components/icons";
import { runApiAction, useApiAction } from "../../_components/use-api-action";

const EXPIRY_OPTIONS = [7, 30, 90, 180, 365];

function tokenState(token: ApiTokenView, now: number): { label: string; tone: string } {
  if (token.revokedAt) return { label: "Revoked", tone: "badge" };
  if (new Date(token.expiresAt).getTime() <= now) return { label: "Expired", tone: "badge badge-warn" };
  return { label: "Active", tone: "badge badge-ok" };
}

const column = createColumnHelper<ApiTokenView>();

export function TokensPanel({ tokens, grantable }: { tokens: ApiTokenView[]; grantable: string[] }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [expiresInDays, setExpiresInDays] = useState(90);
  const [allScopes, setAllScopes] = useState(true);
  const [scopes, setScopes] = useState<string[]>([]);
  // A rejected field (422) shows its own message, e.g. on the name or the expiry.
  const { busy: submitting, error, setError, run } = useApiAction({ errorText: (cause) => Object.values(fieldErrorsOf(cause))[0] ?? messageOf(cause) });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [now] = useState(() => Date.now());

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!name.trim()) {
      setError("Give the token a name, e.g. the machine or script that will use it.");
      return;
    }
    if (!allScopes && scopes.length === 0) {
      setError("Choose at least one scope, or allow all your permissions.");
      return;
    }
    await run(async () => {
      const result = await apiFetch<{ token: string }>("/api/v1/tokens", {
        method: "POST",
        body: JSON.stringify({ name: name.trim(), expiresInDays, ...(allScopes ? {} : { scopes }) }),
      });
      setCreated({ name: name.trim(), token: result.token });
      setName("");
      setScopes([]);
      setAllScopes(true);
      setCreating(false);
      router.refresh();
    });
  }

  async function revoke(token: ApiTokenView) {
    if (!window.confirm(`Revoke "${token.name}"? Anything using it stops working at once.`)) return;
    // Busy is per row here: only the token being revoked shows "Revoking…".
    await runApiAction(
      async () => {
        await apiFetch(`/api/v1/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE" });
        router.refresh();
      },
      { setBusy: (busy) => setRevoking(busy ? token.id : null), setError },
    );
  }

  const columns = [
    column.accessor("name", {
      header: "Name",
      cell: ({ row }) => (
        <div>
          <span className="cell-primary">{row.original.name}</span>
          <span className="cell-sub mono">{row.original.prefix}…</span>
        </div>
      ),
    }),
    column.accessor("scopes", {
      header: "Scopes",
      cell: ({ getValue }) => {
        const values = getValue();
        const all = grantable.every((scope) => values.includes(scope));
        return all ? (
          <span className="muted">All your permissions</span>
        ) : (
          <div className="kbd-list">
            {values.map((scope) => (
              <code key={scope} className="chip">
                {scope}
              </code>
            ))}
          </div>
        );
      },
    }),
    column.accessor("createdAt", { header: "Created", cell: ({ getValue }) => formatDate(getValue()), meta: { className: "nowrap" } }),
    column.accessor("lastUsedAt", {
      header: "Last used",
      cell: ({ getValue }) => (getValue() ? formatDateTime(getValue()) : <span className="faint">Never</span>),
      meta: { className: "nowrap" },
    }),
    column.accessor("expiresAt", { header: "Expires", cell: ({ getValue }) => formatDate(getValue()), meta: { className: "nowrap" } }),
    column.display({
      id: "state",
      header: "Status",
      cell: ({ row }) => {
        const state = tokenState(row.original, now);
        return <span className={state.tone}>{state.label}</span>;
      },
    }),
    column.display({
      id: "actions",
      header: () => <span className="visually-hidden">Actions</span>,
      cell: ({ row }) =>
        row.original.revokedAt ? null : (
          <button
            type="button"
            className="btn btn-sm btn-danger"
            onClick={() => revoke(row.original)}
            disabled={revoking === row.original.id}
          >
            {revoking === row.original.id ? "Revoking…" : "Revoke"}
          </button>
        ),
      meta: { align: "right" },
    }),
  ];

  return (
    <div className="card-body form">
      {created ? (
        <div className="alert alert-success" role="status" style={{ flexDirection: "column" }} data-testid="new-token">
          <div className="alert-title">Token “{created.name}” created. Copy it now: it is shown only once.</div>
          <div className="token-reveal">
            <code>{created.token}</code>
            <CopyButton value={created.token} label="Copy token" />
          </div>
          <div>
            Store it in a secret manager. Use it with <code>CANARY_TOKEN={created.token.slice(0, 10)}… canary …</code>
          </div>
          <div>
            <button type="button" className="btn btn-sm" onClick={() => setCreated(null)}>
              I have stored it
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <div className="alert alert-error" role="alert">
          <AlertIcon size={18} />
          <span>{error}</span>
        </div>
      ) : null}

      {creating ? (
        <form className="form card" style={{ padding: 16, boxShadow: "none", background: "var(--surface-muted)" }} onSubmit={onCreate}>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="token-name">Name</label>
              <input
                id="token-name"
                className="input"
                placeholder="e.g. ci-pipeline"
                value={name}
                maxLength={100}
                onChange={(event) => setName(event.target.value)}
                autoFocus
              />
            </div>
            <div className="field">
              <label htmlFor="token-expiry">Expires after</label>
              <select
                id="token-expiry"
                className="select"
                value={expiresInDays}
                onChange={(event) => setExpiresInDays(Number(event.target.value))}
              >
                {EXPIRY_OPTIONS.map((days) => (
                  <option key={days} value={days}>
                    {days} days
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="field span-2" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="label" style={{ marginBottom: 6 }}>
                Scopes
              </legend>
              <label className="checkbox">
                <input type="radio" name="scope-mode" checked={allScopes} onChange={() => setAllScopes(true)} /> All my permissions
              </label>
              <label className="checkbox">
                <input type="radio" name="scope-mode" checked={!allScopes} onChange={() => setAllScopes(false)} /> Only these:
              </label>
              {!allScopes ? (
                <div className="checkbox-list" style={{ marginTop: 6 }}>
                  {grantable.map((scope) => (
                    <label key={scope} className="checkbox">
                      <input
                        type="checkbox"
                        checked={scopes.includes(scope)}
                        onChange={(event) =>
                          setScopes((current) => (event.target.checked ? [...current, scope] : current.filter((s) => s !== scope)))
                        }
                      />
                      <code>{scope}</code>
                    </label>
                  ))}
                </div>
              ) : null}
              <span className="hint">Grant the least a script needs: a read-only scope set cannot change anything.</span>
            </fieldset>
          </div>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setCreating(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={submitting}>
              {submitting ? "Creating…" : "Create token"}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button type="button" className="btn" onClick={() => setCreating(true)}>
            <PlusIcon size={16} /> New token
          </button>
        </div>
      )}

      <DataTable
        label="API tokens"
        noun="tokens"
        columns={columns}
        data={tokens}
        getRowId={(row) => row.id}
        empty={<span className="muted">You have no API tokens.</span>}
      />
    </div>
  );
}
