/**
 * Names made from other names while a module is built: a field's type is named from its object
 * (`User` + `address`), array items from the array (`orders` → `order`), variants from their
 * union. Each such name remembers the name it was made from and how, so that when the module's
 * type names are decided and a type is renamed, the names made from it are remade from its final
 * name exactly as a new build would make them (src/ir/settle.ts), without building again.
 */
import { singular } from "./naming.js";
import type { Words } from "./types.js";

/** One step from a name to a name made from it. */
export type Step = { append: Words } | { singular: true };

/** How a name was made: `steps` applied, in order, to the name `owner` had then (`base`). */
export interface Derivation<Owner> {
  base: Words;
  /** Whose name `base` was when the name was made (undefined: a name no type owned). */
  owner: Owner | undefined;
  steps: readonly Step[];
}

export function applySteps(base: Words, steps: readonly Step[]): Words {
  let words = base;
  for (const step of steps) words = "append" in step ? [...words, ...step.append] : singular(words);
  return words;
}

export class Derivations<Owner extends object> {
  /** Keyed by the array itself: names are compared by value elsewhere, made here by identity. */
  private readonly made = new WeakMap<Words, Derivation<Owner>>();
  private readonly owners = new WeakMap<Words, Owner>();

  /** `words` is the name `owner` got: names made from it from now on follow it. */
  own(words: Words, owner: Owner): void {
    this.owners.set(words, owner);
  }

  /** `base` followed by `more`. */
  extend(base: Words, more: Words): Words {
    return this.link([...base, ...more], base, { append: more });
  }

  /** `base` with its last word made singular (array items, map values). */
  singular(base: Words): Words {
    return this.link(singular(base), base, { singular: true });
  }

  /** How `words` was made, as of now: from a name made here, or a type's own name (no steps). */
  of(words: Words): Derivation<Owner> | undefined {
    const made = this.made.get(words);
    if (made) return made;
    const owner = this.owners.get(words);
    return owner && { base: words, owner, steps: [] };
  }

  private link(out: Words, base: Words, step: Step): Words {
    if (out === base) return out;
    const up = this.made.get(base);
    this.made.set(out, up ? { ...up, steps: [...up.steps, step] } : { base, owner: this.owners.get(base), steps: [step] });
    return out;
  }
}
