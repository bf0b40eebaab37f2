/**
 * Templates (templates/<lang>/*.hbs) to JavaScript: Handlebars parses them (its whitespace rules
 * included), and each becomes one function that pushes the text into an array and joins it once,
 * printing what Handlebars' own compiled template prints with { strict: true, noEscape: true }.
 * The subset lockstep's templates use: `{{path}}`, `{{{path}}}`, `{{../path}}`, `{{@first}}`
 * (`@last`, `@index`, `@key`), `{{#each}}` over arrays, `{{#if}}`, `{{else}}`, comments. Anything
 * else is refused here rather than printed differently.
 */
import Handlebars from "handlebars";

/** Handlebars' AST, loosely typed. */
type Node = any;

/** Names Handlebars' runtime registers as helpers: `{{name}}` would call the helper, not print the view's value. */
const HELPERS = new Set(["each", "if", "unless", "with", "log", "lookup", "helperMissing", "blockHelperMissing"]);

interface Scope {
  /** The variable holding the current context. */
  context: string;
  /** The variable holding the context stack `../` reads (Handlebars' depths), when the template uses it. */
  depths?: string;
  /** The innermost #each: its index variable and array variable, for @first, @last, @index, @key. */
  each?: { index: string; array: string };
}

/**
 * The source of a JavaScript expression `(rt) => (view) => string` for a template's text; rt is
 * TEMPLATE_RUNTIME (./template-runtime.ts).
 */
export function templateCode(source: string, name = "template"): string {
  const ast = Handlebars.parse(source);
  const useDepths = usesDepths(ast);
  let counter = 0;
  const fresh = (prefix: string): string => `${prefix}${++counter}`;
  const out: string[] = [];
  const fail = (node: Node, what: string): never => {
    const at = node.loc ? `:${node.loc.start.line}:${node.loc.start.column + 1}` : "";
    throw new Error(`${name}${at}: ${what} is not supported by the template compiler (src/emit/template-compile.ts)`);
  };

  const program = (prog: Node | undefined, scope: Scope): void => {
    for (const s of prog?.body ?? []) statement(s, scope);
  };

  const statement = (s: Node, scope: Scope): void => {
    switch (s.type) {
      case "ContentStatement":
        if (s.value !== "") out.push(`o.push(${JSON.stringify(s.value)});`);
        return;
      case "CommentStatement":
        return;
      case "MustacheStatement":
        if (s.params.length > 0 || s.hash) fail(s, "a helper call");
        out.push(`o.push(rt.text(${printed(s.path, scope, s)}, ${scope.context}));`);
        return;
      case "BlockStatement":
        block(s, scope);
        return;
      default:
        fail(s, s.type);
    }
  };

  /** The value `{{path}}` prints: strict lookup of the last part. */
  const printed = (path: Node, scope: Scope, node: Node): string => {
    if (path.type !== "PathExpression") fail(node, `a ${path.type}`);
    if (path.data) return data(path, scope, node);
    const parts: string[] = path.parts;
    if (parts.length === 0) return base(path, scope, node);
    if (parts.length === 1 && path.depth === 0 && !/^this\b|^\./.test(path.original) && HELPERS.has(parts[0]!)) fail(node, `{{${parts[0]}}} (a helper's name)`);
    let expr = base(path, scope, node);
    for (const part of parts.slice(0, -1)) expr = `rt.lookup(${expr}, ${JSON.stringify(part)})`;
    return `rt.strict(${expr}, ${JSON.stringify(parts[parts.length - 1])})`;
  };

  /** The value a block helper's parameter names: plain lookups, as Handlebars passes it. */
  const param = (path: Node, scope: Scope, node: Node): string => {
    if (path.type !== "PathExpression") fail(node, `a ${path.type} parameter`);
    if (path.data) return data(path, scope, node);
    let expr = base(path, scope, node);
    for (const part of path.parts as string[]) expr = `rt.lookup(${expr}, ${JSON.stringify(part)})`;
    return expr;
  };

  const base = (path: Node, scope: Scope, node: Node): string => {
    if (path.depth === 0) return scope.context;
    if (scope.depths === undefined) fail(node, "../ outside a block");
    return `${scope.depths}[${path.depth}]`;
  };

  const data = (path: Node, scope: Scope, node: Node): string => {
    const each = scope.each;
    if (each === undefined || path.depth !== 0 || path.parts.length !== 1) fail(node, `@${path.parts.join(".")} here`);
    switch (path.parts[0]) {
      case "first":
        return `(${each!.index} === 0)`;
      case "last":
        return `(${each!.index} === ${each!.array}.length - 1)`;
      case "index":
      case "key":
        return each!.index;
      default:
        return fail(node, `@${path.parts[0]}`);
    }
  };

  const block = (s: Node, scope: Scope): void => {
    const helper = s.path.type === "PathExpression" && !s.path.data && s.path.depth === 0 && s.path.parts.length === 1 ? s.path.parts[0] : "";
    if ((helper !== "if" && helper !== "each") || s.params.length !== 1 || s.hash || s.program?.blockParams) fail(s, "this block");
    const value = param(s.params[0], scope, s);
    if (helper === "if") {
      out.push(`if (rt.truthy(${value}, ${scope.context})) {`);
      program(s.program, scope);
      if (s.inverse) {
        out.push("} else {");
        program(s.inverse, scope);
      }
      out.push("}");
      return;
    }
    const array = fresh("a");
    out.push(`const ${array} = rt.items(${value}, ${scope.context});`);
    const lines = linesOf(s.program);
    if (lines !== undefined) {
      out.push(`rt.lines(o, ${array}, ${JSON.stringify(lines.before)}, ${JSON.stringify(lines.after)});`);
    } else each(s, scope, array);
    if (s.inverse) {
      out.push(`if (${array}.length === 0) {`);
      program(s.inverse, scope);
      out.push("}");
    }
  };

  /** The loop of an #each over `array`. */
  const each = (s: Node, scope: Scope, array: string): void => {
    const index = fresh("i");
    const context = fresh("c");
    out.push(`for (let ${index} = 0; ${index} < ${array}.length; ${index}++) {`);
    out.push(`if (!(${index} in ${array})) continue;`, `const ${context} = ${array}[${index}];`);
    const inner: Scope = { context, each: { index, array } };
    if (scope.depths !== undefined) {
      // Handlebars adds a context to the stack only when it differs (loosely) from the current one.
      inner.depths = fresh("d");
      out.push(`const ${inner.depths} = ${context} != ${scope.depths}[0] ? [${context}, ...${scope.depths}] : ${scope.depths};`);
    }
    program(s.program, inner);
    out.push("}");
  };

  const root: Scope = { context: "view", ...(useDepths ? { depths: "d0" } : {}) };
  program(ast, root);
  const prologue = useDepths ? "const d0 = [view];\n" : "";
  return `(rt) => function (view) {\nconst o = [];\n${prologue}${out.join("\n")}\nreturn o.join("");\n}`;
}

/** An #each body that prints each item between two fixed texts (`\t{{this}}\n`): the text around it. */
function linesOf(prog: Node): { before: string; after: string } | undefined {
  const body: Node[] = (prog?.body ?? []).filter((s: Node) => s.type !== "CommentStatement" && !(s.type === "ContentStatement" && s.value === ""));
  const at = body.findIndex((s) => s.type === "MustacheStatement");
  const item = body[at];
  if (item === undefined || item.params.length > 0 || item.hash || item.path.type !== "PathExpression" || item.path.data || item.path.parts.length > 0 || item.path.depth > 0) return undefined;
  const before = body.slice(0, at);
  const after = body.slice(at + 1);
  if (before.length > 1 || after.length > 1 || ![...before, ...after].every((s) => s.type === "ContentStatement")) return undefined;
  return { before: before[0]?.value ?? "", after: after[0]?.value ?? "" };
}

/** True when some path climbs out of its block (`../`). */
function usesDepths(node: Node): boolean {
  if (node === null || typeof node !== "object") return false;
  if (node.type === "PathExpression" && node.depth > 0) return true;
  return Object.entries(node).some(([key, value]) => key !== "loc" && (Array.isArray(value) ? value.some(usesDepths) : usesDepths(value)));
}
