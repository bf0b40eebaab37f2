/**
 * The validators' messages, one spelling for every target (each runtime fills `{}` with the
 * limit as the schema wrote it, or a name). They follow ajv's wording.
 */
export const MESSAGES = {
  type: "must be {}",
  minLength: "must NOT have fewer than {} characters",
  maxLength: "must NOT have more than {} characters",
  minItems: "must NOT have fewer than {} items",
  maxItems: "must NOT have more than {} items",
  minProperties: "must NOT have fewer than {} properties",
  maxProperties: "must NOT have more than {} properties",
  minimum: "must be >= {}",
  maximum: "must be <= {}",
  exclusiveMinimum: "must be > {}",
  exclusiveMaximum: "must be < {}",
  multipleOf: "must be multiple of {}",
  uniqueItems: "must NOT have duplicate items (items {} are identical)",
  pattern: "must match pattern {}",
  patternUnsupported: "pattern {} cannot be checked in this language: ",
  format: "must match format \"{}\"",
  const: "must be equal to constant",
  enum: "must be equal to one of the allowed values",
  required: "must have required property '{}'",
  additionalProperties: "must NOT have additional properties",
  oneOf: "must match exactly one variant: no variant has {}",
} as const;
