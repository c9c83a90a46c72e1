import type { Metadata, Viewport } from "next";
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
