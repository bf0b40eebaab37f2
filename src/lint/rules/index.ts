/**
 * The registry: every rule lint runs, in a stable order (the order of this list is the order of
 * SARIF rule indexes). Adding a rule: a file here, a line below, a docs/rules/<id>.md page and a
 * table under test/lint/rules/ (the meta-test checks all three).
 */
import type { RuleModule } from "../rule.js";
import additionalPropertiesClosed from "./additional-properties-closed.js";
import additionalPropertiesOpened from "./additional-properties-opened.js";
import ambiguousUnion from "./ambiguous-union.js";
import annotationChanged from "./annotation-changed.js";
import combinatorChanged from "./combinator-changed.js";
import conditionalChanged from "./conditional-changed.js";
import constraintRelaxed from "./constraint-relaxed.js";
import constraintTightened from "./constraint-tightened.js";
import containsChanged from "./contains-changed.js";
import defaultChanged from "./default-changed.js";
import definitionAdded from "./definition-added.js";
import definitionRemoved from "./definition-removed.js";
import dependenciesChanged from "./dependencies-changed.js";
import discriminatorChanged from "./discriminator-changed.js";
import entityAdded from "./entity-added.js";
import entityRemoved from "./entity-removed.js";
import enumValueAdded from "./enum-value-added.js";
import enumValueRemoved from "./enum-value-removed.js";
import int64Policy from "./int64-policy.js";
import integerPolicyChanged from "./integer-policy-changed.js";
import integerNarrowed from "./integer-narrowed.js";
import nameCollision from "./name-collision.js";
import notChanged from "./not-changed.js";
import notComparable from "./not-comparable.js";
import nullableAdded from "./nullable-added.js";
import nullableRemoved from "./nullable-removed.js";
import patternPortability from "./pattern-portability.js";
import patternPropertiesChanged from "./pattern-properties-changed.js";
import propertyAdded from "./property-added.js";
import propertyBecameRequired from "./property-became-required.js";
import propertyNamesChanged from "./property-names-changed.js";
import propertyRemoved from "./property-removed.js";
import propertyRenamed from "./property-renamed.js";
import rawJsonFallback from "./raw-json-fallback.js";
import requiredPropertyAdded from "./required-property-added.js";
import requiredRemoved from "./required-removed.js";
import suppressionInvalid from "./suppression-invalid.js";
import suppressionUnused from "./suppression-unused.js";
import tupleChanged from "./tuple-changed.js";
import typeChanged from "./type-changed.js";
import typeNarrowed from "./type-narrowed.js";
import typeRenamed from "./type-renamed.js";
import typeWidened from "./type-widened.js";
import unevaluatedChanged from "./unevaluated-changed.js";
import unionVariantAdded from "./union-variant-added.js";
import unionVariantRemoved from "./union-variant-removed.js";
import unresolvedRef from "./unresolved-ref.js";
import versionGap from "./version-gap.js";
import versionMutated from "./version-mutated.js";

export const RULES: readonly RuleModule[] = [
  additionalPropertiesClosed,
  additionalPropertiesOpened,
  ambiguousUnion,
  annotationChanged,
  combinatorChanged,
  conditionalChanged,
  constraintRelaxed,
  constraintTightened,
  containsChanged,
  defaultChanged,
  definitionAdded,
  definitionRemoved,
  dependenciesChanged,
  discriminatorChanged,
  entityAdded,
  entityRemoved,
  enumValueAdded,
  enumValueRemoved,
  int64Policy,
  integerPolicyChanged,
  integerNarrowed,
  nameCollision,
  notChanged,
  notComparable,
  nullableAdded,
  nullableRemoved,
  patternPortability,
  patternPropertiesChanged,
  propertyAdded,
  propertyBecameRequired,
  propertyNamesChanged,
  propertyRemoved,
  propertyRenamed,
  rawJsonFallback,
  requiredPropertyAdded,
  requiredRemoved,
  suppressionInvalid,
  suppressionUnused,
  tupleChanged,
  typeChanged,
  typeNarrowed,
  typeRenamed,
  typeWidened,
  unevaluatedChanged,
  unionVariantAdded,
  unionVariantRemoved,
  unresolvedRef,
  versionGap,
  versionMutated,
];

export const RULES_BY_ID: ReadonlyMap<string, RuleModule> = new Map(RULES.map((r) => [r.meta.id, r]));
