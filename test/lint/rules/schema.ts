/** Small builders for rule tables. */
export const S = "https://json-schema.org/draft/2020-12/schema";

export function obj(properties: Record<string, unknown>, required: string[] = [], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { $schema: S, type: "object", properties, ...(required.length > 0 ? { required } : {}), ...extra };
}

export const str = { type: "string" };
export const int = { type: "integer" };

/** A variant of a union discriminated by `tag`. */
export function variant(tag: string, value: string, properties: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: "object", properties: { [tag]: { const: value }, ...properties }, required: [tag] };
}

export function tagged(tag: string, values: string[]): Record<string, unknown> {
  return { $schema: S, oneOf: values.map((v) => variant(tag, v)) };
}
