import { defineConfig } from "vitest/config";

/** `npm run corpus`: corpus-wide runs over ../shared/corpus (each skips without it). */
export default defineConfig({
  test: {
    include: ["test/corpus/**/*.test.ts"],
    exclude: ["**/node_modules/**", ".cache/**", "generated/**"],
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
  },
});
