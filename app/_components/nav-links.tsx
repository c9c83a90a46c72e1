"use client";
// Sidebar links; a client component only to mark the current section from the pathname.
import Link from "next/link";
import { usePathname } from "next/navigation";
import {
  ActivityIcon,
  CubeIcon,
  DatabaseIcon,
  FileIcon,
  LinkIcon,
  ScorecardIcon,
  ScrollIcon,
  SettingsIcon,
  ShieldIcon,
} from "./icons";

const ICONS = {
  datasets: DatabaseIcon,
  models: CubeIcon,
  scorecards: ScorecardIcon,
  audits: ShieldIcon,
  deployments: LinkIcon,
  policies: FileIcon,
  schedules: ActivityIcon,
  jobs: ActivityIcon,
  "audit-log": ScrollIcon,
  settings: SettingsIcon,
} as const;

export type NavIcon = keyof typeof ICONS;

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
}

export function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  return (
    <ul className="nav" aria-label={label}>
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={current ? "page" : undefined}>
              <Icon className="nav-icon" />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
