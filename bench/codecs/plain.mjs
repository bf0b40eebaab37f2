// The plain baselines bench/codecs.bench.mjs measures lockstep's codecs against, printed from the
// same IR module: what a developer writes by hand without lockstep's extras. Rust: structs with
// #[derive(Deserialize, Serialize)], Option + skip_serializing_if for optional properties,
// serde's internally tagged and untagged enums for unions, strings for enums; unknown properties
// dropped. Go: encoding/json structs with omitempty pointers, a tagged union as one flat struct
// holding every variant's properties. Types and fields are numbered (T3, f0) and every wire name
// is spelled in a rename or tag, so no schema name needs escaping here.

const rustStr = (s) => JSON.stringify(s);

/** Rust source of `mod plain { ... }` for a module: one type per declaration, `T<index>`. */
export function plainRust(module) {
  const index = new Map(module.decls.map((d, i) => [d.id, i]));
  const decls = new Map(module.decls.map((d) => [d.id, d]));
  const ty = (t) => {
    switch (t.kind) {
      case "string": return "String";
      // The string policy's decimal strings: a String (serde has no `,string`).
      case "integer": return t.policy === "string" ? "String" : t.bits === 32 ? "i32" : "i64";
      case "number": return "f64";
      case "boolean": return "bool";
      case "raw": return "serde_json::Value";
      case "array": return `Vec<${ty(t.items)}>`;
      case "map": return `BTreeMap<String, ${ty(t.values)}>`;
      case "tuple": return t.items.length === 0 ? "Vec<serde_json::Value>" : `(${t.items.map(ty).join(", ")},)`;
      case "nullable": return `Option<${ty(t.inner)}>`;
      case "ref": return t.indirect ? `Box<T${index.get(t.target)}>` : `T${index.get(t.target)}`;
    }
  };
  const out = ["#![allow(dead_code, clippy::all)]", "use serde::{Deserialize, Serialize};", "use std::collections::BTreeMap;", ""];
  module.decls.forEach((d, i) => {
    const derive = "#[derive(Debug, Deserialize, Serialize)]";
    switch (d.kind) {
      case "object": {
        out.push(derive, `pub struct T${i} {`);
        d.fields.forEach((f, j) => {
          // A required property with a default may be absent: Option, like an optional one.
          const optional = !f.required || f.default !== undefined;
          const attrs = [`rename = ${rustStr(f.wireName)}`, ...(optional ? ["default", 'skip_serializing_if = "Option::is_none"'] : [])];
          out.push(`    #[serde(${attrs.join(", ")})]`, `    pub f${j}: ${optional ? `Option<${ty(f.type)}>` : ty(f.type)},`);
        });
        out.push("}", "");
        break;
      }
      case "enum":
        out.push(`pub type T${i} = String;`, "");
        break;
      case "tagged-union":
        out.push(derive, `#[serde(tag = ${rustStr(d.tag)})]`, `pub enum T${i} {`);
        d.variants.forEach((v, j) => out.push(`    #[serde(rename = ${rustStr(v.tagValue)})]`, `    V${j}(T${index.get(v.target)}),`));
        out.push("}", "");
        break;
      case "kind-union":
        out.push(derive, "#[serde(untagged)]", `pub enum T${i} {`);
        d.variants.forEach((v, j) => out.push(`    V${j}(${ty(v.type)}),`));
        out.push("}", "");
        break;
      case "alias":
        out.push(derive, "#[serde(transparent)]", `pub struct T${i}(pub ${ty(d.type)});`, "");
        break;
    }
  });
  void decls;
  return out.join("\n");
}

const TAG_SAFE = /^[\p{L}\p{Nd}!#$%&()*+\-./:;<=>?@[\]^_{|}~]+$/u;

/** Go source of package main's plain types for a module: one type per declaration, `T<index>`. */
export function plainGo(module) {
  const index = new Map(module.decls.map((d, i) => [d.id, i]));
  const decls = new Map(module.decls.map((d) => [d.id, d]));
  const isValue = (t) => ["string", "integer", "number", "boolean"].includes(t.kind) ||
    (t.kind === "ref" && !t.indirect && ["object", "enum"].includes(decls.get(t.target).kind));
  const ty = (t) => {
    switch (t.kind) {
      case "string": return "string";
      // The string policy's decimal strings: int64 with `,string` as a field (see field), else a string.
      case "integer": return t.policy === "string" ? "string" : t.bits === 32 ? "int32" : "int64";
      case "number": return "float64";
      case "boolean": return "bool";
      case "raw": return "json.RawMessage";
      case "array": return `[]${ty(t.items)}`;
      case "map": return `map[string]${ty(t.values)}`;
      case "tuple": return "[]any";
      case "nullable": return isValue(t.inner) ? `*${ty(t.inner)}` : ty(t.inner);
      case "ref": return t.indirect ? `*T${index.get(t.target)}` : `T${index.get(t.target)}`;
    }
  };
  const tag = (wire, omit, str) => (TAG_SAFE.test(wire) ? `\`json:"${wire}${omit ? ",omitempty" : ""}${str ? ",string" : ""}"\`` : '`json:"-"`');
  const field = (name, f, optional) => {
    const str = f.type.kind === "integer" && f.type.policy === "string";
    const t = str ? "int64" : ty(f.type);
    // Optional: a pointer for plain values so that omitempty keeps 0, "" and false.
    return `\t${name} ${optional && isValue(f.type) ? `*${t}` : t} ${tag(f.wireName, optional, str)}`;
  };
  const out = [];
  module.decls.forEach((d, i) => {
    switch (d.kind) {
      case "object":
        out.push(`type T${i} struct {`, ...d.fields.map((f, j) => field(`F${j}`, f, !f.required || f.default !== undefined)), "}", "");
        break;
      case "enum":
        out.push(`type T${i} = string`, "");
        break;
      case "tagged-union": {
        // One flat struct: the tag, then every variant's properties once (a property two variants
        // type differently is raw JSON).
        const seen = new Map();
        for (const v of d.variants) {
          for (const f of decls.get(v.target).fields) {
            const t = ty(f.type);
            const prev = seen.get(f.wireName);
            seen.set(f.wireName, prev === undefined || prev.t === t ? { f, t } : { f: { ...f, type: { kind: "raw" } }, t: "json.RawMessage" });
          }
        }
        out.push(`type T${i} struct {`, `\tTag string ${tag(d.tag, false)}`);
        [...seen.values()].forEach(({ f }, j) => out.push(field(`F${j}`, f, true)));
        out.push("}", "");
        break;
      }
      case "kind-union":
        out.push(`type T${i} = any`, "");
        break;
      case "alias": {
        // A defined type (recursion through slices and maps is fine) unless it would drop the
        // methods of json.RawMessage.
        const t = ty(d.type);
        out.push(`type T${i}${t === "any" || t === "json.RawMessage" || t.startsWith("T") ? " = " : " "}${t}`, "");
        break;
      }
        break;
    }
  });
  return out.join("\n");
}
