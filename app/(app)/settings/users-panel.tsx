"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLE_LABELS, formatDate } from "@/lib/format";
import { apiFetch, messageOf } from "../../_components/api-client";
import type { UserView } from "../../_components/api-types";
import { DataTable } from "../../_components/data-table";
import { AlertIcon } from "../../_components/icons";
import { runApiAction } from "../../_components/use-api-action";

const ROLES = Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[];
const column = createColumnHelper<UserView>();

function sameRoles(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((role) => b.includes(role));
}

export function UsersPanel({ users, currentUserId }: { users: UserView[]; currentUserId: string }) {
  const router = useRouter();
  const [drafts, setDrafts] = useState<Record<string, string[]>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const rolesOf = (user: UserView) => drafts[user.id] ?? user.roles;

  function toggle(user: UserView, role: string, on: boolean) {
    const current = rolesOf(user);
    const next = on ? [...current, role] : current.filter((r) => r !== role);
    setDrafts((all) => ({ ...all, [user.id]: next }));
    setSaved(null);
  }

  async function save(user: UserView) {
    const roles = rolesOf(user);
    if (user.id === currentUserId && user.roles.includes("admin") && !roles.includes("admin")) {
      if (!window.confirm("Remove your own admin role? You will lose access to this panel.")) return;
    }
    // Busy is per row here: only the user being saved shows "Saving…".
    await runApiAction(
      async () => {
        await apiFetch(`/api/v1/users/${encodeURIComponent(user.id)}/roles`, { method: "PUT", body: JSON.stringify({ roles }) });
        setDrafts((all) => {
          const { [user.id]: _saved, ...rest } = all;
          return rest;
        });
        setSaved(user.email);
        router.refresh();
      },
      { setBusy: (busy) => setSaving(busy ? user.id : null), setError },
      { errorText: (cause) => `Roles of ${user.email} were not changed: ${messageOf(cause)}` },
    );
  }

  const columns = [
    column.accessor("email", {
      header: "User",
      cell: ({ row }) => (
        <div>
          <span className="cell-primary">{row.original.name || row.original.email}</span>
          <span className="cell-sub">
            {row.original.email}
            {row.original.isService ? " · service account" : ""}
            {row.original.disabledAt ? " · disabled" : ""}
          </span>
        </div>
      ),
    }),
    column.display({
      id: "roles",
      header: "Roles",
      cell: ({ row }) => (
        <div className="checkbox-list">
          {ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                checked={rolesOf(row.original).includes(role)}
                onChange={(event) => toggle(row.original, role, event.target.checked)}
                disabled={saving === row.original.id}
              />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
      ),
    }),
    column.accessor("createdAt", { header: "Since", cell: ({ getValue }) => formatDate(getValue()), meta: { className: "nowrap" } }),
    column.display({
      id: "actions",
      header: () => <span className="visually-hidden">Actions</span>,
      cell: ({ row }) => {
        const changed = !sameRoles(rolesOf(row.original), row.original.roles);
        return (
          <div className="row" style={{ justifyContent: "flex-end" }}>
            {changed ? (
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                onClick={() =>
                  setDrafts((all) => {
                    const { [row.original.id]: _discarded, ...rest } = all;
                    return rest;
                  })
                }
              >
                Undo
              </button>
            ) : null}
            <button
              type="button"
              className="btn btn-sm btn-primary"
              disabled={!changed || saving === row.original.id}
              onClick={() => save(row.original)}
            >
              {saving === row.original.id ? "Saving…" : "Save"}
            </button>
          </div>
        );
      },
      meta: { align: "right" },
    }),
  ];

  return (
    <div className="card-body form">
      {error ? (
        <div className="alert alert-error" role="alert">
          <AlertIcon size={18} />
          <span>{error}</span>
        </div>
      ) : null}
      {saved ? (
        <div className="alert alert-success" role="status">
          <span>Roles of {saved} saved.</span>
        </div>
      ) : null}
      <DataTable label="Users" noun="users" columns={columns} data={users} getRowId={(row) => row.id} />
    </div>
  );
}
