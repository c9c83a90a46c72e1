import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getPagePrincipal } from "@/app/_server/require-page-permission";
import { CanaryMark, CheckIcon } from "../_components/icons";
import { safeCallbackUrl } from "./safe-callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const DEMO_LOGINS = [
  { email: "admin@canary.local", role: "Admin" },
  { email: "engineer@canary.local", role: "ML engineer" },
  { email: "compliance@canary.local", role: "Compliance officer" },
  { email: "auditor@canary.local", role: "Auditor" },
];
const DEMO_PASSWORD = "canary-demo";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  // Already signed in (e.g. a bookmarked sign-in page): go straight on.
  if (await getPagePrincipal()) redirect(callbackUrl);
  // Same rule as lib/auth's provider list: OIDC is offered only when fully configured.
  const oidcEnabled = Boolean(process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID && process.env.OIDC_CLIENT_SECRET);
  const demo = process.env.CANARY_DEMO === "1";
  const error = Array.isArray(params.error) ? params.error[0] : params.error;

  return (
    <div className="auth-page">
      <aside className="auth-aside">
        <div className="brand">
          <span className="brand-mark">
            <CanaryMark size={18} />
          </span>
          <span>
            Canary
            <span className="brand-sub">Data &amp; privacy governance</span>
          </span>
        </div>
        <div>
          <h2>Know what your models were trained on, and what they could leak.</h2>
          <ul>
            <li>
              <CheckIcon size={16} /> Provenance, consent basis and licence for every dataset version
            </li>
            <li>
              <CheckIcon size={16} /> Immutable, content-addressed versions with lineage
            </li>
            <li>
              <CheckIcon size={16} /> Privacy scans, leakage audits and scorecards for approval
            </li>
            <li>
              <CheckIcon size={16} /> A tamper-evident audit log of every change
            </li>
          </ul>
        </div>
        <p style={{ fontSize: 12, color: "#7d8699" }}>Access is logged. Use your own account.</p>
      </aside>
      <main className="auth-main">
        <div className="auth-card">
          <h1>Sign in</h1>
          <p>Use your Canary account{oidcEnabled ? " or your organisation's single sign-on" : ""}.</p>
          <SignInForm
            callbackUrl={callbackUrl}
            oidcEnabled={oidcEnabled}
            initialError={error ?? null}
            demoLogins={demo ? DEMO_LOGINS : null}
            demoPassword={demo ? DEMO_PASSWORD : null}
          />
        </div>
      </main>
    </div>
  );
}
