import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // test/corpus/: corpus-wide runs, `npm run corpus` (vitest.corpus.config.ts).
    exclude: ["**/node_modules/**", ".cache/**", "generated/**", "test/cases/**/expected/**", "test/corpus/**"],
    // Compile tests run cargo, go and tsc for real: a cold cargo build takes a minute on 2 cores.
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
