// The frame of every signed-in page: sidebar navigation (only the sections the person may open)
// and a top bar with the user menu. A server component: permissions are decided here, once.
import Link from "next/link";
import type { ReactNode } from "react";
import { can, type Permission } from "@/lib/auth";
import type { Role } from "@/lib/db";
import { ROLE_LABELS, labelOf } from "@/lib/format";
import { CanaryMark } from "./icons";
import { NavLinks, type NavItem } from "./nav-links";
import { NotificationBell } from "../(app)/notifications/notification-bell";
import { UserMenu } from "./user-menu";

interface Section {
  title: string;
  items: (NavItem & { permission: Permission })[];
}

const SECTIONS: Section[] = [
  {
    title: "Governance",
    items: [
      { href: "/datasets", label: "Datasets", icon: "datasets", permission: "datasets.read" },
      { href: "/models", label: "Models", icon: "models", permission: "models.read" },
      { href: "/scorecards", label: "Scorecards", icon: "scorecards", permission: "scorecards.read" },
      { href: "/audits", label: "Audits", icon: "audits", permission: "audits.read" },
      { href: "/policies", label: "Policies", icon: "policies", permission: "policies.read" },
      { href: "/deployments", label: "Deployments", icon: "deployments", permission: "deployments.read" },
    ],
  },
  {
    title: "Operations",
    items: [
      { href: "/jobs", label: "Jobs", icon: "jobs", permission: "jobs.read" },
      { href: "/schedules", label: "Schedules", icon: "schedules", permission: "deployments.read" },
      { href: "/audit-log", label: "Audit log", icon: "audit-log", permission: "auditlog.read" },
      { href: "/settings", label: "Settings", icon: "settings", permission: "settings.read" },
    ],
  },
];

export interface ShellUser {
  email: string;
  name?: string;
  roles: Role[];
}

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const sections = SECTIONS.map((section) => ({
    title: section.title,
    items: section.items
      .filter((item) => can(user.roles, item.permission))
      .map(({ href, label, icon }) => ({ href, label, icon })),
  })).filter((section) => section.items.length > 0);

  return (
    <div className="shell">
      <aside className="sidebar">
        <Link href="/datasets" className="brand">
          <span className="brand-mark">
            <CanaryMark size={18} />
          </span>
          <span>
            Canary
            <span className="brand-sub">Data &amp; privacy governance</span>
          </span>
        </Link>
        <nav aria-label="Main">
          {sections.map((section) => (
            <div key={section.title}>
              <div className="nav-section">{section.title}</div>
              <NavLinks items={section.items} label={section.title} />
            </div>
          ))}
        </nav>
        <div className="sidebar-foot">
          <a href="/api/v1/openapi.json">API reference (OpenAPI)</a>
        </div>
      </aside>
      <div className="main">
        <header className="topbar">
          <span className="topbar-context">
            {process.env.CANARY_DEMO === "1" ? (
              <span className="badge badge-warn" title="This instance runs with demo accounts and generated data">
                Demo environment
              </span>
            ) : null}
          </span>
          <NotificationBell />
          <UserMenu
            email={user.email}
            name={user.name}
            roles={user.roles.map((role) => ({ role, label: labelOf(ROLE_LABELS, role) }))}
            showSettings={can(user.roles, "settings.read")}
          />
        </header>
        <main className="content" id="main">
          {children}
        </main>
      </div>
    </div>
  );
}
