import type { Metadata } from "next";
import { toSerialized } from "@/lib/api";
import { listApiTokens, PERMISSIONS, permissionsOf, principalCan } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { ROLE_LABELS, labelOf } from "@/lib/format";
import { listUsers } from "@/lib/users";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { KeyIcon, UsersIcon } from "../../_components/icons";
import { PageHeader } from "../../_components/page-header";
import { TokensPanel } from "./tokens-panel";
import { UsersPanel } from "./users-panel";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const principal = await requirePagePermission("settings.read");
  const db = getDb();
  const canManageTokens = principalCan(principal, "tokens.manage");
  const isAdmin = principalCan(principal, "users.manage");
  const [tokens, users] = await Promise.all([
    canManageTokens ? listApiTokens(db, principal) : Promise.resolve([]),
    isAdmin ? listUsers(db) : Promise.resolve([]),
  ]);
  const granted = permissionsOf(principal.roles);
  const descriptions = new Map<string, string>(PERMISSIONS.map((p) => [p.name, p.description]));

  return (
    <>
      <PageHeader title="Settings" description="Your profile and API tokens; for administrators, users and their roles." />
      <div className="stack">
        <section className="card" aria-labelledby="profile-title">
          <div className="card-header">
            <div>
              <h2 id="profile-title">Profile</h2>
              <p>Roles are granted by an administrator; every change is recorded in the audit log.</p>
            </div>
          </div>
          <div className="card-body">
            <dl className="facts">
              <div>
                <dt>Email</dt>
                <dd data-testid="profile-email">{principal.email}</dd>
              </div>
              <div>
                <dt>Roles</dt>
                <dd className="roles">
                  {principal.roles.length > 0 ? (
                    principal.roles.map((role) => (
                      <span key={role} className="badge badge-accent">
                        {labelOf(ROLE_LABELS, role)}
                      </span>
                    ))
                  ) : (
                    <span className="faint">None</span>
                  )}
                </dd>
              </div>
            </dl>
            <details className="inline" style={{ marginTop: 16 }}>
              <summary>What these roles allow ({granted.length} permissions)</summary>
              <ul style={{ margin: "8px 0 0", paddingLeft: 18 }}>
                {granted.map((permission) => (
                  <li key={permission}>
                    <code>{permission}</code> <span className="muted">— {descriptions.get(permission)}</span>
                  </li>
                ))}
              </ul>
            </details>
          </div>
        </section>

        {canManageTokens ? (
          <section className="card" aria-labelledby="tokens-title">
            <div className="card-header">
              <div className="row" style={{ alignItems: "flex-start" }}>
                <KeyIcon size={18} style={{ marginTop: 2 }} />
                <div>
                  <h2 id="tokens-title">API tokens</h2>
                  <p>
                    For the <code>canary</code> CLI and scripts: send as <code>Authorization: Bearer cnry_…</code>. A token acts
                    as you, within its scopes, and never beyond your current roles.
                  </p>
                </div>
              </div>
            </div>
            <TokensPanel tokens={toSerialized(tokens)} grantable={granted} />
          </section>
        ) : null}

        {isAdmin ? (
          <section className="card" aria-labelledby="users-title">
            <div className="card-header">
              <div className="row" style={{ alignItems: "flex-start" }}>
                <UsersIcon size={18} style={{ marginTop: 2 }} />
                <div>
                  <h2 id="users-title">Users and roles</h2>
                  <p>Role changes apply within a minute, including to the user's API tokens.</p>
                </div>
              </div>
            </div>
            <UsersPanel users={toSerialized(users)} currentUserId={principal.userId} />
          </section>
        ) : null}
      </div>
    </>
  );
}
