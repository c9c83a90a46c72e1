"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { AlertIcon } from "../_components/icons";

// next-auth v4 reports failures as codes (in the `error` query parameter or signIn's result).
const ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect, or the account is disabled.",
  AccessDenied: "Your organisation account is not linked to an active Canary user. Ask an administrator for access.",
  OAuthSignin: "Could not start single sign-on. Try again, or sign in with email and password.",
  OAuthCallback: "Single sign-on did not complete. Try again.",
  OAuthAccountNotLinked: "This organisation account is not linked to a Canary user.",
  SessionRequired: "Sign in to continue.",
  Callback: "Sign-in did not complete. Try again.",
};
const GENERIC_ERROR = "Sign-in failed. Try again, and contact an administrator if it keeps failing.";
// lib/auth's SignInThrottledError: `TooManySignInAttempts:<seconds to wait>`.
const THROTTLED = /^TooManySignInAttempts:(\d+)$/;

function messageOf(code: string | undefined, status?: number): string {
  const throttled = THROTTLED.exec(code ?? "");
  if (throttled) {
    const minutes = Math.max(1, Math.ceil(Number(throttled[1]) / 60));
    return `Too many failed sign-ins for this account or from this address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  return ERROR_MESSAGES[code ?? ""] ?? (status === 401 ? ERROR_MESSAGES.CredentialsSignin! : GENERIC_ERROR);
}

interface SignInFormProps {
  callbackUrl: string;
  oidcEnabled: boolean;
  initialError: string | null;
  demoLogins: { email: string; role: string }[] | null;
  demoPassword: string | null;
}

export function SignInForm({ callbackUrl, oidcEnabled, initialError, demoLogins, demoPassword }: SignInFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(initialError ? messageOf(initialError) : null);
  const [pending, setPending] = useState<"credentials" | "oidc" | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setPending("credentials");
    try {
      const result = await signIn("credentials", { email: email.trim(), password, redirect: false, callbackUrl });
      if (!result || result.error || !result.ok) {
        setError(messageOf(result?.error ?? undefined, result?.status));
        setPending(null);
        return;
      }
      // A full navigation, so every server component renders with the new session cookie.
      window.location.assign(callbackUrl);
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
      setPending(null);
    }
  }

  async function onOidc() {
    setError(null);
    setPending("oidc");
    await signIn("oidc", { callbackUrl });
  }

  return (
    <>
      {error ? (
        <div className="alert alert-error" role="alert" style={{ marginBottom: 16 }} data-testid="signin-error">
          <AlertIcon size={18} />
          <span>{error}</span>
        </div>
      ) : null}
      {oidcEnabled ? (
        <>
          <button type="button" className="btn btn-block" onClick={onOidc} disabled={pending !== null}>
            {pending === "oidc" ? "Redirecting…" : "Sign in with your organisation"}
          </button>
          <div className="divider">or with email</div>
        </>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            className="input"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            className="input"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={pending !== null || !email || !password}>
          {pending === "credentials" ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {demoLogins && demoPassword ? (
        <div className="demo-hint" data-testid="demo-hint">
          <strong>Demo accounts</strong> <span className="muted">· password</span> <code>{demoPassword}</code>
          <table>
            <tbody>
              {demoLogins.map((login) => (
                <tr key={login.email}>
                  <td>
                    <button
                      type="button"
                      onClick={() => {
                        setEmail(login.email);
                        setPassword(demoPassword);
                      }}
                      title="Fill in this account"
                    >
                      {login.email}
                    </button>
                  </td>
                  <td className="muted" style={{ textAlign: "right" }}>
                    {login.role}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
