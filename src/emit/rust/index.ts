/** The Rust target: one crate of serde types, see emit.ts. */
import type { Emitter, RustOptions } from "../types.js";
import { emitCrate } from "./emit.js";

export const emitRust: Emitter<RustOptions> = (modules, options) => emitCrate(modules, options);
