// The Content-Security-Policy proxy.ts sends with every page. Scripts need this request's nonce
// (Next.js reads it from the request's CSP header and puts it on its own script tags), and
// 'strict-dynamic' lets those load the chunks they import. Styles allow 'unsafe-inline': React
// renders `style` attributes, which a nonce cannot cover; injected CSS cannot run script.
// Kept apart from lib/auth's index so the proxy can import it without the database client.

export const CSP_HEADER = "Content-Security-Policy";

/** A fresh nonce per response: 128 random bits, base64. */
export function newCspNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** `next dev` evaluates modules with eval() for fast refresh; production builds never need it. */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
