// Next.js configuration. ESM because package.json has "type": "module".

// Builds and dev servers run offline and must not phone home; scripts/env.sh sets this too, this
// covers a bare `npx next build`. The config is read before Next.js creates its telemetry client.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm test` builds into its own folder (scripts/test.sh sets CANARY_NEXT_DIST_DIR), so a running
  // demo keeps serving its own build.
  distDir: process.env.CANARY_NEXT_DIST_DIR || ".next",
  // Node-only packages (native sockets, worker threads, dynamic requires) are loaded with Node's
  // own `require` at run time instead of being bundled into server chunks.
  // TensorFlow.js picks its backend at run time (tfjs-node where installed, else wasm files read from
  // node_modules), which bundling would break.
  serverExternalPackages: [
    "bullmq",
    "ioredis",
    "pg",
    "@prisma/adapter-pg",
    "bcryptjs",
    "canonicalize",
    "playwright-core",
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-node",
    "@tensorflow/tfjs-backend-wasm",
  ],
  typedRoutes: false,
  poweredByHeader: false,
  reactStrictMode: true,
  // The dev-only indicator would cover the sidebar's footer link.
  devIndicators: { position: "bottom-right" },
  // `next dev` would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  experimental: {
    // Pages call `forbidden()` (app/(app)/forbidden.tsx renders the designed 403).
    authInterrupts: true,
    // No upgrade prompts or advisory look-ups during builds: there is no network at run time.
    agentUpgrade: false,
  },
};

export default nextConfig;
