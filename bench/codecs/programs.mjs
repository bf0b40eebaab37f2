// The three measuring programs of bench/codecs.bench.mjs. Each is run as
// `<program> <entity> <dataset.jsonl> <reps>`, reads one JSON value per line, and then, `reps`
// times, decodes and re-encodes every value with lockstep's generated codec and with the plain
// baseline, alternating which goes first; it prints one JSON line with the wall time of each pass
// in ms. A value either codec cannot decode stops the program with its line number.

/** src/main.rs of the Rust bench crate (the generated crate is the dependency `lib`). */
export function rustMain(entries, plain) {
  const arms = entries.map((e) => `        ${JSON.stringify(e.entity)} => (recode::<lib::${e.rust}>, recode::<plain::T${e.index}>),`);
  return `mod plain {
${plain}
}

use std::time::Instant;

fn recode<T: serde::de::DeserializeOwned + serde::Serialize>(lines: &[&str]) -> usize {
    let mut written = 0;
    for (i, line) in lines.iter().enumerate() {
        let value: T = match serde_json::from_str(line) {
            Ok(value) => value,
            Err(e) => panic!("line {}: decode: {e}", i + 1),
        };
        written += serde_json::to_string(&value).expect("encode").len();
    }
    written
}

type Recode = fn(&[&str]) -> usize;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (entity, file, reps) = (&args[1], &args[2], args[3].parse::<usize>().expect("reps"));
    let text = std::fs::read_to_string(file).expect("dataset");
    let lines: Vec<&str> = text.lines().collect();
    let (lockstep, baseline): (Recode, Recode) = match entity.as_str() {
${arms.join("\n")}
        other => panic!("no entity {other}"),
    };
    let time = |f: Recode| {
        let start = Instant::now();
        std::hint::black_box(f(std::hint::black_box(&lines)));
        start.elapsed().as_secs_f64() * 1000.0
    };
    let (mut a, mut b) = (Vec::new(), Vec::new());
    time(lockstep);
    time(baseline);
    for rep in 0..reps {
        if rep % 2 == 0 {
            a.push(time(lockstep));
            b.push(time(baseline));
        } else {
            b.push(time(baseline));
            a.push(time(lockstep));
        }
    }
    println!("{{\\"lockstep\\":{a:?},\\"baseline\\":{b:?}}}");
}
`;
}

export const rustCargo = (crate) => `[package]
name = "lockstep_codec_bench"
version = "0.1.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
lib = { package = ${JSON.stringify(crate)}, path = "../lib" }
serde = { version = "1", features = ["derive"] }
serde_json = { version = "1", features = ["float_roundtrip"] }

[profile.release]
debug = false
`;

/** main.go of the Go bench module (the generated module is required as `lib`). */
export function goMain(entries, plain) {
  const cases = entries.map((e) => `\tcase ${JSON.stringify(e.entity)}:\n\t\tlockstep, baseline = recode[lib.${e.go}], recode[T${e.index}]`);
  return `package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	lib "example.com/lockstep/schemas"
)

${plain}

func recode[T any](lines [][]byte) int {
	written := 0
	for i, line := range lines {
		var value T
		if err := json.Unmarshal(line, &value); err != nil {
			panic(fmt.Sprintf("line %d: decode: %v", i+1, err))
		}
		out, err := json.Marshal(value)
		if err != nil {
			panic(fmt.Sprintf("line %d: encode: %v", i+1, err))
		}
		written += len(out)
	}
	return written
}

var sink int

func main() {
	entity, file := os.Args[1], os.Args[2]
	reps, _ := strconv.Atoi(os.Args[3])
	text, err := os.ReadFile(file)
	if err != nil {
		panic(err)
	}
	lines := bytes.Split(bytes.TrimRight(text, "\\n"), []byte("\\n"))
	var lockstep, baseline func([][]byte) int
	switch entity {
${cases.join("\n")}
	default:
		panic("no entity " + entity)
	}
	timed := func(f func([][]byte) int) float64 {
		start := time.Now()
		sink += f(lines)
		return float64(time.Since(start).Nanoseconds()) / 1e6
	}
	var a, b []float64
	timed(lockstep)
	timed(baseline)
	for rep := 0; rep < reps; rep++ {
		if rep%2 == 0 {
			a = append(a, timed(lockstep))
			b = append(b, timed(baseline))
		} else {
			b = append(b, timed(baseline))
			a = append(a, timed(lockstep))
		}
	}
	out, _ := json.Marshal(map[string][]float64{"lockstep": a, "baseline": b})
	fmt.Println(string(out))
}
`;
}

export const goMod = (modulePath) => `module lockstep.bench/codecs

go 1.22

require ${modulePath} v0.0.0

replace ${modulePath} => ../lib
`;

/** bench.mjs beside the transpiled TypeScript (index.js). */
export function tsMain(entries) {
  const table = entries.map((e) => `  ${JSON.stringify(e.entity)}: (text) => m.${e.typescript.encode}(m.${e.typescript.decode}(text)),`);
  return `import { readFileSync } from "node:fs";
import * as m from "./index.js";

const CODECS = {
${table.join("\n")}
};
const [entity, file, reps] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const lines = readFileSync(file, "utf8").split("\\n").filter((l) => l !== "");
const plain = (text) => JSON.stringify(JSON.parse(text));
const recode = (codec) => () => {
  let written = 0;
  for (let i = 0; i < lines.length; i++) {
    try {
      written += codec(lines[i]).length;
    } catch (e) {
      throw new Error("line " + (i + 1) + ": " + e.message);
    }
  }
  return written;
};
const lockstep = recode(CODECS[entity]);
const baseline = recode(plain);
let sink = 0;
const timed = (f) => {
  const start = performance.now();
  sink += f();
  return performance.now() - start;
};
const a = [], b = [];
timed(lockstep);
timed(baseline);
for (let rep = 0; rep < reps; rep++) {
  if (rep % 2 === 0) { a.push(timed(lockstep)); b.push(timed(baseline)); }
  else { b.push(timed(baseline)); a.push(timed(lockstep)); }
}
console.log(JSON.stringify({ lockstep: a, baseline: b, sink }));
`;
}
