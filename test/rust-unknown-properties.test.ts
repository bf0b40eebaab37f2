/**
 * The Rust runtime's `UnknownProperties` and `UnknownValue` (templates/rust/runtime.rs.hbs) as a
 * user of a generated crate sees them: read and written back as compact text with every digit,
 * built and changed as a map, compared as JSON values, and decoded the same whichever way serde
 * gets to the struct (from text, from a `serde_json::Value`, buffered by an untagged enum).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect } from "vitest";
import { emitRust } from "../src/emit/rust/index.js";
import { REPO } from "./support/rust-workspace.js";
import { field, module, object, t } from "./support/ts-ir.js";
import { itWithTool, run } from "./support/toolchains.js";

const DIR = join(REPO, ".cache/rust-unknown");

const API_TEST = String.raw`use serde::Deserialize;
use unknown_api::runtime::{UnknownProperties, UnknownValue};
use unknown_api::Thing;

fn raw(text: &str) -> UnknownValue {
    UnknownValue::from(serde_json::value::RawValue::from_string(text.to_owned()).unwrap())
}

#[test]
fn keeps_the_text_compact_and_exact() {
    let text = r#"{"z": [1, 123456789012345678901, "a  b\" \\"], "a": "x", "m": {"k" : null}}"#;
    let thing: Thing = serde_json::from_str(text).unwrap();
    assert_eq!(thing.a.as_deref(), Some("x"));
    assert_eq!(thing.extra.len(), 2);
    let z = thing.extra.get("z").unwrap();
    assert_eq!(z.get(), r#"[1,123456789012345678901,"a  b\" \\"]"#);
    let written = serde_json::to_string(&thing).unwrap();
    assert_eq!(written, r#"{"a":"x","m":{"k":null},"z":[1,123456789012345678901,"a  b\" \\"]}"#);
}

#[test]
fn is_a_map_by_name() {
    let mut extra = UnknownProperties::new();
    assert!(extra.is_empty());
    assert!(extra.insert("b".to_owned(), raw("1")).is_none());
    assert!(extra.insert("a".to_owned(), raw("[1]")).is_none());
    let old = extra.insert("b".to_owned(), raw("2"));
    assert_eq!(old.unwrap().get(), "1");
    let names: Vec<&str> = extra.iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["a", "b"]);
    assert_eq!(format!("{extra:?}"), r#"{"a": UnknownValue(RawValue([1])), "b": UnknownValue(RawValue(2))}"#);
    assert_eq!(extra.remove("a").unwrap().get(), "[1]");
    assert!(extra.remove("a").is_none());
    assert_eq!(extra.len(), 1);
    let again: UnknownProperties = extra.clone().into_iter().collect();
    assert_eq!(again, extra);
}

#[test]
fn values_compare_as_json() {
    assert_eq!(raw("[1, 2]"), raw("[1,2]"));
    assert_eq!(raw(r#"{"a":1,"b":2}"#), raw(r#"{"b":2,"a":1}"#));
    assert_ne!(raw("1"), raw("1.0"));
    assert_ne!(raw("[1]"), raw("[2]"));
    assert_eq!(UnknownValue::from(serde_json::json!({"a": [true]})).get(), r#"{"a":[true]}"#);
    assert_eq!(raw("2").to_value().unwrap(), serde_json::json!(2));
    assert!(raw("1e400").to_value().is_err());
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Either {
    Number(#[allow(dead_code)] u8),
    Thing(Thing),
}

#[test]
fn decodes_the_same_through_every_path() {
    let text = r#"{"a":"x","n":[1, {"b": null}]}"#;
    let direct: Thing = serde_json::from_str(text).unwrap();
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    let from_value: Thing = serde_json::from_value(value.clone()).unwrap();
    let from_ref = Thing::deserialize(&value).unwrap();
    let Either::Thing(buffered) = serde_json::from_str::<Either>(text).unwrap() else {
        panic!("not decoded as a Thing");
    };
    for thing in [&direct, &from_value, &from_ref, &buffered] {
        assert_eq!(thing, &direct);
        let written = serde_json::to_string(thing).unwrap();
        assert_eq!(written, r#"{"a":"x","n":[1,{"b":null}]}"#);
    }
}
`;

describe("Rust UnknownProperties and UnknownValue", () => {
  itWithTool("cargo")("keep text exactly, act as a map, compare as JSON, and decode from any deserializer", () => {
    const thing = object("thing", [field("a", "a", t.string, { required: false })], { kind: "preserve", name: ["extra"] });
    const files = emitRust([module([], [["thing", 1, "thing"]], [thing])], { header: { toolVersion: "0.0.0-test" }, crate: "unknown_api" });
    for (const f of [...files, { path: "tests/api.rs", contents: API_TEST }]) {
      mkdirSync(dirname(join(DIR, f.path)), { recursive: true });
      // Its own workspace: not a member of any other under the repository.
      writeFileSync(join(DIR, f.path), f.path === "Cargo.toml" ? `${f.contents}\n[workspace]\n` : f.contents);
    }
    const out = run("cargo", ["test", "--quiet", "--test", "api"], DIR, { CARGO_TARGET_DIR: join(DIR, "target"), CARGO_TERM_COLOR: "never" });
    expect(out).toMatch(/test result: ok\. 4 passed/);
  }, 600_000);
});
