import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Canary", template: "%s · Canary" },
  description: "Data governance and privacy risk for machine learning",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  themeColor: "#11151f",
};

// Every page renders per request: a page prerendered at build time would carry no script nonce,
// and proxy.ts's Content-Security-Policy would block its scripts.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
