import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Parsers and worker pools run outside Turbopack's bundles (worker and wasm paths break when bundled).
  serverExternalPackages: ["piscina", "pdfjs-dist", "tesseract.js", "@napi-rs/canvas", "socket.io", "better-sqlite3", "exceljs", "xlsx", "busboy", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
