import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { SessionGuard } from "@/components/session-guard";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Switchyard", template: "%s · Switchyard" },
  description: "Load carrier call-detail records into one clean, deduplicated table.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { themeColor: "#ffffff" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Providers>
          <AppHeader />
          <main id="main" className="app-main" tabIndex={-1}>
            <SessionGuard>{children}</SessionGuard>
          </main>
        </Providers>
      </body>
    </html>
  );
}
