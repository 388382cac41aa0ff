import type { NextConfig } from "next";

/**
 * Security headers on every response (docs/security.md). The CSP allows inline scripts and
 * styles because Next's App Router bootstraps with inline <script> tags (nonces would force
 * every page to render dynamically); everything else is same-origin only. connect-src
 * includes ws:/wss: for Socket.IO; frame-ancestors/X-Frame-Options stop clickjacking.
 */
const CSP = [
  "default-src 'self'",
  // Dev only: React's dev build and fast refresh evaluate code strings.
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CSP },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  // Parsers and worker pools run outside Turbopack's bundles (worker and wasm paths break when bundled).
  serverExternalPackages: ["piscina", "pdfjs-dist", "tesseract.js", "@napi-rs/canvas", "socket.io", "better-sqlite3", "exceljs", "xlsx", "busboy", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
