// Folder boundaries, checked by `npm test` (scripts/test.sh, stage "boundaries").
//
// The rule: every lib/<folder> is one capability and its index.ts is its public surface. A folder split
// further (lib/scan/pii, lib/dp/accountant) may give a sub-folder its own index.ts, but that index is
// internal: lib/<folder>/index.ts re-exports what leaves the folder. So outside lib/<folder>/ the one
// module of it anyone may import is lib/<folder>/index.ts ("@/lib/<folder>"), with two exceptions.
// A folder whose worker side loads a TensorFlow.js backend, which Next.js cannot bundle (lib/dp,
// lib/training, lib/audit), exports that side from lib/<folder>/worker.ts, which workers, scripts and
// other lib/ folders may import and nothing in app/ may reach. A folder some of whose modules client
// components load (lib/datasets, lib/db, lib/governance) exports those from lib/<folder>/browser.ts, which
// reaches no server-side index (Prisma's pg client, BullMQ and node:fs would break the browser bundle).
// Tests (*.test.ts, *.test-support.ts, e2e/) follow the same rule: inside their own folder they may reach
// any internal; across folders they go through the index like everyone else, with two exceptions: the
// shared fixtures in another folder's *.test-support.ts, which no index exports (they are not product),
// and the `typeof import("…")` of a vi.mock factory replacing another folder's internal module.
// scripts/ and bench/ are tools over the product, not part of it: they are held to no import boundary,
// only to the no-cycle rule.

/** Anything under lib/<folder>/ except that folder's surfaces: index.ts, worker.ts and browser.ts. */
const libInternal = "^lib/[^/]+/(?!(index|worker|browser)\\.ts$)";
/** Tests and their support files, which may share another folder's test fixtures. */
const testFile = "(\\.test\\.ts|\\.test-support\\.ts)$|^e2e/";
const testSupport = "\\.test-support\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles make load order matter and hide which module depends on which.",
      from: {},
      to: { circular: true },
    },
    {
      name: "thin-shell-imports-lib-indexes",
      severity: "error",
      comment: "app/ and workers/ import lib/ only through folder indexes (\"@/lib/<folder>\").",
      from: { path: "^(app|workers)/", pathNot: testFile },
      to: { path: libInternal },
    },
    {
      name: "lib-folders-import-each-other-through-indexes",
      severity: "error",
      comment: "A lib/ folder reaches another lib/ folder only through that folder's index.ts.",
      from: { path: "^lib/([^/]+)/", pathNot: testFile },
      to: { path: libInternal, pathNot: "^lib/$1/" },
    },
    {
      name: "tests-import-lib-indexes",
      severity: "error",
      comment: "Tests outside lib/ (e2e/, app/, workers/) reach lib/ through indexes and *.test-support.ts fixtures.",
      from: { path: testFile, pathNot: "^lib/" },
      to: { path: libInternal, pathNot: testSupport },
    },
    {
      name: "lib-tests-import-other-folders-through-indexes",
      severity: "error",
      comment: "A test in lib/ reaches its own folder's internals, and another folder's index or *.test-support.ts.",
      from: { path: "^lib/([^/]+)/.+(\\.test\\.ts|\\.test-support\\.ts)$" },
      // `typeof import("…")` types the factory of a vi.mock, which must name the internal module it replaces.
      to: { path: libInternal, pathNot: "^lib/$1/|\\.test-support\\.ts$", dependencyTypesNot: ["type-import"] },
    },
    {
      name: "web-app-without-worker-side",
      severity: "error",
      comment: "Nothing app/ loads may reach a lib/<folder>/worker.ts: its TensorFlow.js backend breaks `next build`.",
      from: { path: "^app/" },
      to: { path: "^lib/[^/]+/worker\\.ts$", reachable: true },
    },
    {
      name: "browser-surface-without-server",
      severity: "error",
      comment: "A lib/<folder>/browser.ts reaches no index or worker side but the browser-safe lib/errors and lib/format.",
      from: { path: "^lib/[^/]+/browser\\.ts$" },
      to: { path: "^lib/[^/]+/(index|worker)\\.ts$", pathNot: "^lib/(errors|format)/index\\.ts$", reachable: true },
    },
    {
      name: "lib-without-next",
      severity: "error",
      comment: "lib/ is the product in plain TypeScript: no Next.js (route handlers in app/ adapt it).",
      from: { path: "^lib/" },
      to: { path: "^node_modules/next/" },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^lib/db/generated/"] },
    exclude: { path: "^(node_modules|\\.next[^/]*|\\.data)/" },
    // Type-only imports are imports too: they couple the folders just the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
