import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One migrated and seeded template database per run; each test file clones it (test/helpers/test-db.ts).
    globalSetup: ["test/helpers/global-setup.ts"],
    // A process warning (e.g. pg's "client is already executing a query") fails the test file.
    setupFiles: ["test/helpers/no-warnings.ts"],
    pool: "forks",
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { LOG_LEVEL: "silent", TZ: "Asia/Shanghai" },
  },
});
