// Every signed-in page sits in the app shell. The shell only decides what to *show* (navigation
// for the sections the person may open); each page enforces its own permission with
// requirePagePermission, which also sends visitors without a session to /signin.
import type { ReactNode } from "react";
import { getPagePrincipal } from "@/app/_server/require-page-permission";
import { AppShell } from "../_components/app-shell";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  // Cached per request: the page's own requirePagePermission reuses this look-up.
  const principal = await getPagePrincipal();
  // No session: render the page bare; its permission check redirects to the sign-in page.
  if (!principal) return <>{children}</>;
  return <AppShell user={{ email: principal.email, roles: principal.roles }}>{children}</AppShell>;
}
