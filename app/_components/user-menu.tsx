"use client";
// The signed-in person, their roles and sign-out, in the top bar.
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useEffect, useId, useRef, useState } from "react";
import { ChevronDownIcon, SettingsIcon, SignOutIcon } from "./icons";

interface UserMenuProps {
  email: string;
  name?: string;
  roles: { role: string; label: string }[];
  showSettings: boolean;
}

function initialsOf(nameOrEmail: string): string {
  const base = nameOrEmail.split("@")[0] ?? nameOrEmail;
  const parts = base.split(/[\s._-]+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]![0]! + parts[1]![0]! : base.slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu({ email, name, roles, showSettings }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    function onPointer(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKey(event: KeyboardEvent) {
      if (event.key === "Escape") setOpen(false);
    }
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  async function handleSignOut() {
    setSigningOut(true);
    await signOut({ callbackUrl: "/signin" });
  }

  const display = name || email;

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        type="button"
        className="user-menu-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        data-testid="user-menu"
      >
        <span className="avatar" aria-hidden="true">
          {initialsOf(display)}
        </span>
        <span className="user-menu-name">{display}</span>
        <ChevronDownIcon size={14} />
      </button>
      {open ? (
        <div className="user-menu-panel" id={panelId}>
          <div className="user-menu-head">
            {name ? <div style={{ fontWeight: 600 }}>{name}</div> : null}
            <div className="muted" style={{ fontSize: 13 }}>
              {email}
            </div>
            <div className="roles" aria-label="Roles">
              {roles.length > 0 ? (
                roles.map((role) => (
                  <span key={role.role} className="badge badge-accent" data-role={role.role}>
                    {role.label}
                  </span>
                ))
              ) : (
                <span className="badge">No roles</span>
              )}
            </div>
          </div>
          {showSettings ? (
            <Link href="/settings" className="menu-item" onClick={() => setOpen(false)}>
              <SettingsIcon size={16} /> Settings and API tokens
            </Link>
          ) : null}
          <button type="button" className="menu-item" onClick={handleSignOut} disabled={signingOut}>
            <SignOutIcon size={16} /> {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
