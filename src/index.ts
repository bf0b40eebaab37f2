/** lockstep as a library (what bench/ uses): the stages the commands compose. */
export { loadConfig, type Config } from "./config.js";
export { LockstepError } from "./errors.js";
export { generate, fingerprint, TARGETS, type GenerateOptions, type GenerateResult, type Target } from "./generate.js";
export { lint, diffVersions, type LintResult } from "./lint/engine.js";
export { format } from "./lint/format/index.js";
export { loadModules } from "./pipeline.js";
export { emitTypeScript } from "./emit/typescript/index.js";
export { emitRust } from "./emit/rust/index.js";
export { emitGo } from "./emit/go/index.js";
export { buildFixtures } from "./fixtures/index.js";
export { passed, formatJson, formatText } from "./testing/report.js";
export { cacheDir, runTests, type TestOptions, type TestResult } from "./testing/run.js";
export { entryPoints, type EntryPoint } from "./testing/entry-points.js";
export { writeOutputs } from "./write.js";
export { prng } from "./fixtures/values.js";
