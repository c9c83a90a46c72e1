import type { ReactNode } from "react";

interface EmptyStateProps {
  icon?: ReactNode;
  tone?: "accent" | "danger" | "warn";
  title: string;
  /** A small line above the title, e.g. "404 · Not found". */
  eyebrow?: string;
  children?: ReactNode;
  actions?: ReactNode;
}

/** The designed "nothing here (yet)" or "this went wrong" block used by tables and pages. */
export function EmptyState({ icon, tone = "accent", title, eyebrow, children, actions }: EmptyStateProps) {
  return (
    <div className="empty">
      {icon ? <div className={`empty-icon${tone === "accent" ? "" : ` ${tone}`}`}>{icon}</div> : null}
      {eyebrow ? <div className="status-code">{eyebrow}</div> : null}
      <h2>{title}</h2>
      {children}
      {actions ? <div className="actions">{actions}</div> : null}
    </div>
  );
}
