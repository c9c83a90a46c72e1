import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests sit beside the code; integration tests (*.int.test.ts) use the real PostgreSQL and
// Redis that scripts/test.sh starts, on their own database and Redis index.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) },
      // Vite would pick TensorFlow.js's ES build while the backends, loaded by Node, use the
      // CommonJS one: tensors of one build then lack the other's chained ops. Pin what Node loads.
      { find: /^@tensorflow\/tfjs$/, replacement: fileURLToPath(new URL("./node_modules/@tensorflow/tfjs/dist/tf.node.js", import.meta.url)) },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "workers/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["node_modules/**", ".data/**", ".next/**"],
    environment: "node",
    // Migrates the test database and keeps a template beside it for scratch databases.
    globalSetup: ["lib/db/test-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    // A focused test left in would silently drop every other test, on a laptop as on CI.
    allowOnly: false,
  },
});
