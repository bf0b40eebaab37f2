/**
 * The Go codecs' fast paths (templates/go/scan.go.hbs) against encoding/json itself, inside a
 * generated package (they are unexported): the object and array splitters and the validating
 * skipper over hand-picked and mutated inputs, string and integer reading, and string and float
 * writing, and the one-pass reader against decodeJSON on mutated documents. Whatever the fast
 * paths take must give what encoding/json gives; what they refuse goes to encoding/json.
 */
import { describe, expect } from "vitest";
import { emitGo } from "../src/emit/go/index.js";
import { loadModules } from "../src/pipeline.js";
import { goTest, writeModule } from "./support/go-harness.js";
import { REPO } from "./support/go-module.js";
import { itWithTool } from "./support/toolchains.js";
import { join } from "node:path";

const CHECK = String.raw`package schemas

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
)

var inputs = []string{
	"{}", " { } ", "{\"a\":1}", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{\"a\":tru}", "{\"a\":01}",
	"{\"a\":1.}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":1e+}", "{\"a\":\"\\u00e9\\n\\\"x\"}", "{\"\\u0061\":2,\"a\":3}",
	"{\"a\":\"\\ud800\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\x01\"}", "{\"a\":[1,{\"b\":[null,true,false,\"]\"]}]}",
	"{\"a\":[1,]}", "{\"a\":{\"b\":}}", "[1]", "null", "\"x\"", "{\"a\":1}x", "{\"a\":1}}", "{\"a\":\"é😀\"}",
	"{\"a\":\"\xff\"}", "{\"\xff\":1}", "{\"a\":1e400}", "{\"a\":-0.0e-0}", "{\"a\":[]}", "{\"a\":[ ]}", "{\"a\":{ }}",
	" {\"a\" : [ 1 , 2 ] , \"b\" : { \"c\" : null } } ", "{\"a\":9223372036854775808}", "{\"a\":\"\\u12\"}",
	"{\"a\":\"\\u12G4\"}", "{\"a\":nul}", "{\"a\":falsey}", "{\"a\":-01}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":1E5}",
	"{\"a\":\"x\\/y\\b\\f\\r\\t\"}", "{\"a\":{\"a\":{\"a\":{}}}}", "{\"a\":\"\\\\\"}", "{,}", "{\"a\":1,,\"b\":2}",
	"{\"a\"}", "{\"a\":}", "{\"a\":[1 2]}", "{\"a\":\"unterminated}", "{\"a\":1", "", "   ", "{\"a\":\u2028 1}",
	"{\"a\":\t\n\r1}", "{\"__proto__\":{\"b\":1}}", "{\"a\":1,\"a\":2}",
}

func TestScanObjectAgreesWithEncodingJSON(t *testing.T) {
	for _, in := range mutated(inputs) {
		data := []byte(in)
		props, ok := scanObject(data, nil, false)
		got := map[string]json.RawMessage{}
		for _, p := range props {
			got[p.name] = p.value
		}
		var want map[string]json.RawMessage
		err := json.Unmarshal(data, &want)
		valid := err == nil && want != nil
		if ok != valid {
			t.Errorf("scanObject(%q): ok %v, encoding/json: %v", in, ok, err)
			continue
		}
		if !ok {
			continue
		}
		if len(got) != len(want) {
			t.Errorf("scanObject(%q): %d properties, encoding/json %d", in, len(got), len(want))
		}
		for k, v := range want {
			if !bytes.Equal(got[k], v) {
				t.Errorf("scanObject(%q)[%q] = %q, encoding/json %q", in, k, got[k], v)
			}
		}
	}
}

func TestSkipValueValidatesAsEncodingJSON(t *testing.T) {
	for _, in := range mutated(inputs) {
		data := []byte(in)
		end, ok := skipValue(data, skipSpace(data, 0), 0)
		if ok && json.Valid(data) {
			// Known well-formed, a value is skipped to the same end without checks.
			if got := skipChecked(data, skipSpace(data, 0)); got != end {
				t.Errorf("skipChecked(%q) = %d, skipValue %d", in, got, end)
			}
			checked, _ := scanObject(data, nil, true)
			full, _ := scanObject(data, nil, false)
			if len(checked) != len(full) {
				t.Errorf("scanObject(%q, valid): %d properties, checking %d", in, len(checked), len(full))
			}
			for i := range full {
				if i < len(checked) && (checked[i].name != full[i].name || !bytes.Equal(checked[i].value, full[i].value)) {
					t.Errorf("scanObject(%q, valid)[%d] = %q: %q, checking %q: %q", in, i, checked[i].name, checked[i].value, full[i].name, full[i].value)
				}
			}
		}
		ok = ok && skipSpace(data, end) == len(data)
		if ok != json.Valid(data) {
			t.Errorf("skipValue(%q): valid %v, json.Valid %v", in, ok, !ok)
		}
		items, arrayOK := scanArray(data, false)
		if checked, ok := scanArray(data, true); arrayOK && (!ok || len(checked) != len(items)) {
			t.Errorf("scanArray(%q, valid) = %q, checking %q", in, checked, items)
		}
		var want []json.RawMessage
		err := json.Unmarshal(data, &want)
		if arrayOK != (err == nil && want != nil) {
			t.Errorf("scanArray(%q): ok %v, encoding/json: %v", in, arrayOK, err)
		} else if arrayOK {
			for i := range want {
				if !bytes.Equal(items[i], want[i]) {
					t.Errorf("scanArray(%q)[%d] = %q, encoding/json %q", in, i, items[i], want[i])
				}
			}
		}
	}
}

// mutated is every input, each with one byte deleted, and each with one byte replaced by a
// character that matters to JSON's grammar.
func mutated(seeds []string) []string {
	out := append([]string{}, seeds...)
	for _, s := range seeds {
		for i := 0; i < len(s); i++ {
			out = append(out, s[:i]+s[i+1:])
			for _, c := range "\"\\,:{}[] 1e.-u0n" {
				out = append(out, s[:i]+string(c)+s[i+1:])
			}
		}
	}
	return out
}

func TestScalarsReadAsEncodingJSON(t *testing.T) {
	for _, in := range mutated([]string{"\"abc\"", "\"é\"", "\"a\\\"b\"", "\"\\ud83d\\ude00\\ud800x\\udc00\\u00e9\\/\\b\\f\\n\\r\\t\"",
		"\"\\ud800\\ud800\\udc00\"", "\"\xed\xa0\x80\xe9\xc3\"", "\"\xff\"", "\"\x01\"", "\"\u2028\"", "12", "-9223372036854775808",
		"9223372036854775808", "2147483648", "-0", "1.0", "1e2", "007", "+1", "true", "false", "null"}) {
		raw := []byte(in)
		var s, ws string
		if done, _ := decodeFast(raw, &s); done && (json.Unmarshal(raw, &ws) != nil || s != ws) {
			t.Errorf("string %q: fast %q, encoding/json %q", in, s, ws)
		}
		var n, wn int64
		if done, _ := decodeFast(raw, &n); done && (json.Unmarshal(raw, &wn) != nil || n != wn) {
			t.Errorf("int64 %q: fast %d, encoding/json %d", in, n, wn)
		}
		var m, wm int32
		if done, _ := decodeFast(raw, &m); done && (json.Unmarshal(raw, &wm) != nil || m != wm) {
			t.Errorf("int32 %q: fast %d, encoding/json %d", in, m, wm)
		}
		var f, wf float64
		if done, _ := decodeFast(raw, &f); done && (json.Unmarshal(raw, &wf) != nil || f != wf) {
			t.Errorf("float64 %q: fast %v, encoding/json %v", in, f, wf)
		}
		var b, wb bool
		if done, _ := decodeFast(raw, &b); done && (json.Unmarshal(raw, &wb) != nil || b != wb) {
			t.Errorf("bool %q: fast %v, encoding/json %v", in, b, wb)
		}
		var p, wp *int64
		if done, err := decodeFast(raw, &p); done && err == nil && (json.Unmarshal(raw, &wp) != nil || wp == nil || *p != *wp) {
			t.Errorf("*int64 %q: fast %v, encoding/json %v", in, p, wp)
		}
	}
	for _, in := range mutated(inputs) {
		raw := []byte(in)
		var r, wr json.RawMessage
		if done, _ := decodeFast(raw, &r); done && (json.Unmarshal(raw, &wr) != nil || !bytes.Equal(r, wr)) {
			t.Errorf("json.RawMessage %q: fast %q, encoding/json %q", in, r, wr)
		}
	}
}

// Generated types write themselves into the buffer of the value holding them (appendJSON), by
// pointer, by value and as items; what they write is what MarshalJSON gives on its own.
func TestGeneratedTypesAppendAsMarshalJSON(t *testing.T) {
	var c Category
	doc := "{\"id\":1,\"name\":\"a\",\"children\":[{\"id\":2,\"name\":\"b\",\"featured\":{\"id\":3,\"name\":\"<c>\"}}]," +
		"\"parent_id\":null,\"attributes\":{\"b\":true,\"k\":1.5,\"s\":\"x\"},\"catalog_id\":\"-12\",\"x\":[1,{\"y\":null}]}"
	if err := json.Unmarshal([]byte(doc), &c); err != nil {
		t.Fatal(err)
	}
	one, err := c.MarshalJSON()
	if err != nil || string(one) != doc {
		t.Fatalf("MarshalJSON = %s (%v), want %s", one, err, doc)
	}
	// A repeated name counts once, with its last value, as encoding/json reads it into a map.
	var r Category
	if err := json.Unmarshal([]byte("{\"id\":1,\"x\":{},\"name\":\"a\",\"id\":2,\"x\":[3]}"), &r); err != nil {
		t.Fatal(err)
	}
	if out, err := r.MarshalJSON(); err != nil || string(out) != "{\"id\":2,\"name\":\"a\",\"x\":[3]}" {
		t.Errorf("repeated names: %s (%v)", out, err)
	}
	var none *Category
	for _, v := range []any{c, &c, none, []Category{c, c}, []*Category{&c, nil}, map[string]Category{"k": c}} {
		want, _ := marshal(v)
		got, err := appendValue([]byte("["), v)
		if err != nil || string(got) != "["+string(want) {
			t.Errorf("appendValue(%T) = %s (%v), encoding/json %s", v, got, err, want)
		}
	}
}

// The one-pass reader (read.go) takes a document only when it reads it as decodeJSON does.
func TestOnePassReadsAsDecodeJSON(t *testing.T) {
	docs := []string{
		"{\"id\":1,\"name\":\"a\\u00e9\\n\",\"children\":[{\"id\":2,\"name\":\"b\",\"featured\":{\"id\":3,\"name\":\"c\"}}],\"parent_id\":null," +
			"\"attributes\":{\"b\":true,\"k\":1.5,\"s\":\"x\"},\"catalog_id\":\"-12\",\"revenue_micros\":9007199254740993,\"page_views\":0,\"x\":[1,{\"y\":null}]}",
		"{\"id\":\"o\",\"user_id\":\"u\",\"items\":[{\"sku\":\"s\",\"quantity\":4294967295,\"unit_price\":{\"currency\":\"EUR\",\"amount_minor\":-9223372036854775808,\"x\":{}}}]," +
			"\"total\":{\"currency\":\"EUR\",\"amount_minor\":12},\"status\":\"weird\",\"placed_at\":\"t\",\"note\":null,\"metadata\":{\"k\":\"v\"},\"discount_rate\":0.25," +
			"\"shipping_address\":{\"line1\":\"l\",\"line2\":\"m\",\"city\":\"c\",\"country\":\"KR\"},\"gift\":false,\"\\u00e9\":1}",
		"{\"type\":\"order.placed\",\"id\":\"e\",\"occurred_at\":\"t\",\"order_id\":\"o\",\"total\":{\"currency\":\"EUR\",\"amount_minor\":5},\"sequence\":-1,\"x\":1.5}",
		" { \"id\" : \"e\" , \"occurred_at\":\"t\",\"user_id\":\"u\",\"reason\":null,\"type\":\"user.deleted\" } ",
		"{\"type\":\"user.gone\",\"id\":\"e\"}",
		"{\"id\":\"u\",\"email\":\"a@b\",\"display_name\":\"é\",\"created_at\":\"t\",\"nickname\":\"n\",\"status\":\"active\",\"login_count\":-0," +
			"\"age\":30,\"tags\":[\"a\",\"b\"],\"preferences\":{\"p\":true},\"legacy_id\":7,\"x\":\"raw\"}",
	}
	for _, c := range []string{"7", "-0", "\"0\"", "\"-0\"", "\"01\"", "\"\\u0031\"", "\"+1\"", "\"9223372036854775808\"", "1e2"} {
		docs = append(docs, "{\"id\":1,\"name\":\"a\",\"catalog_id\":"+c+",\"attributes\":{\"a\":"+c+"}}")
	}
	for _, n := range []string{"-0", "4294967296", "1.0", "-1", "00"} {
		docs = append(docs, "{\"id\":\"u\",\"email\":\"e\",\"created_at\":\"t\",\"login_count\":"+n+",\"age\":"+n+"}")
	}
	for _, in := range mutated(docs) {
		checkOnePass[Category](t, in)
		checkOnePass[Order](t, in)
		checkOnePass[Event](t, in)
		checkOnePass[User](t, in)
	}
}

func checkOnePass[T any, PT interface {
	*T
	jsonReader
	jsonDecoder
}](t *testing.T, in string) {
	r := reader{data: []byte(in)}
	var fast, slow T
	if !PT(&fast).readJSON(&r) || !r.end() {
		return
	}
	if err := PT(&slow).decodeJSON([]byte(in), false); err != nil {
		t.Errorf("%T %q: read in one pass, decodeJSON: %v", fast, in, err)
	} else if !reflect.DeepEqual(fast, slow) {
		t.Errorf("%T %q: one pass %+v, decodeJSON %+v", fast, in, fast, slow)
	}
}

func TestWritesAsEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "abc", "é 中文 😀", "\u2028\u2029", "<&>", "\x00\x1f", "\xff", "a\"b\\c", strings.Repeat("x", 100),
		"\b\f\n\r\t\x7f", "x\xe2\x80", "\xed\xa0\x80 \xf4\x90\x80\x80 é\x80", "\u2027\u202a"} {
		want, _ := marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, encoding/json %s", s, got, want)
		}
	}
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1.5, 0.1, 1e20, 1e21, 123456789.125, 1e-6, 1e-7, -1e-7, 5e-324,
		math.MaxFloat64, 1.7976931348623157e308, 100, 1e100, 2.5e-10} {
		want, _ := json.Marshal(f)
		if got := appendFloat(nil, f); !bytes.Equal(got, want) {
			t.Errorf("appendFloat(%v) = %s, encoding/json %s", f, got, want)
		}
	}
	for _, in := range mutated(inputs) {
		want, wantErr := marshal(json.RawMessage(in))
		got, err := appendValue(nil, json.RawMessage(in))
		if (err == nil) != (wantErr == nil) || !bytes.Equal(got, want) {
			t.Errorf("appendValue(json.RawMessage(%q)) = %q (%v), encoding/json %q (%v)", in, got, err, want, wantErr)
		}
	}
	values := []any{map[string][]int64{"b": {1, 2}, "a": nil, "": {}}, []*string{nil}, [2]bool{true, false}, map[string]float64{"x": 1e-7}, json.RawMessage(nil),
		&[]string{"q\u2028"}[0], &[]bool{true}[0], &[]float64{1e21}[0], (*float64)(nil), (*string)(nil), 1.5, -0.0}
	for _, v := range values {
		want, _ := marshal(v)
		got, err := appendValue(nil, v)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("appendValue(%#v) = %s (%v), encoding/json %s", v, got, err, want)
		}
	}
}
`;

describe("Go codec fast paths", () => {
  itWithTool("go")("read and write exactly what encoding/json reads and writes", async () => {
    const loaded = await loadModules(join(REPO, "schemas"), { cwd: REPO });
    const files = emitGo(loaded.modules, { header: { toolVersion: "test" }, module: "example.com/scancheck", package: "schemas" });
    const dir = writeModule("scan-check", [...files, { path: "scan_check_test.go", contents: CHECK }]);
    const run = goTest(dir);
    expect(run.output).toMatch(/^ok/m);
    expect(run.status).toBe(0);
  }, 300_000);
});
