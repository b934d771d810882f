import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Reads the hostile-input corpus (test/security/corpus): each case is data, so adding a case
 * needs no code. Paths are "a.b[0].c" or "a.0.c"; `REPEAT:<text>:<n>` stands for a long string.
 */
const CORPUS = path.join(__dirname, "..", "corpus");

interface Mutation {
  set?: string;
  json?: unknown;
  raw?: string;
  generateValue?: "deep-nesting";
  delete?: string;
  duplicate?: string;
}

interface PackageCaseData extends Mutation {
  name: string;
  expect: string;
  expectInto?: string;
  text?: string;
  file?: string;
  generate?: "deep-nesting" | "ten-megabytes" | "ten-megabytes-garbage";
  prefix?: string;
  suffix?: string;
  truncate?: number;
  encoding?: "utf16le";
}

interface FormCaseData extends Mutation {
  name: string;
  section: string;
  values?: unknown;
  expect: string;
}

export interface PackageCase {
  name: string;
  /** The message expected from the command-line import (a new budget). */
  expect: RegExp;
  /** The message expected when importing into an existing draft of the same department. */
  expectInto: RegExp;
  /** The file's text, decoded as UTF-8 as the command line and the browser decode it. */
  text(base: Record<string, unknown>): string;
}

export interface FormCase {
  name: string;
  section: string;
  expect: RegExp;
  values(current: unknown): unknown;
}

export const DEEP = 100_000;
const TEN_MB = 10 * 1024 * 1024;

function segments(p: string): (string | number)[] {
  return p
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function expand(value: unknown): unknown {
  if (typeof value === "string") {
    const m = /^REPEAT:(.+):(\d+)$/s.exec(value);
    if (m) return m[1]!.repeat(Number(m[2]));
  }
  return value;
}

/** Nested arrays `DEEP` levels deep, built without recursion. */
export function deepArray(depth = DEEP): unknown[] {
  let v: unknown[] = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function parentOf(root: unknown, p: string): { parent: Record<string | number, unknown>; key: string | number } {
  const segs = segments(p);
  let node = root as Record<string | number, unknown>;
  for (const s of segs.slice(0, -1)) node = node[s] as Record<string | number, unknown>;
  return { parent: node, key: segs[segs.length - 1]! };
}

const RAW = "\u0001RAW\u0001";

/** Applies a mutation to a copy of `base`, returning the JSON text (raw text spliced in). */
function mutate(base: unknown, m: Mutation, asText: boolean): { value: unknown; raw?: string } {
  const copy = structuredClone(base);
  if (m.set !== undefined) {
    const { parent, key } = parentOf(copy, m.set);
    // A deep value is spliced in as text: JSON.stringify itself would overflow the stack on it.
    const raw = m.raw ?? (m.generateValue === "deep-nesting" && asText ? "[".repeat(DEEP) + "]".repeat(DEEP) : undefined);
    const value = raw !== undefined ? RAW : m.generateValue === "deep-nesting" ? deepArray() : expand(m.json);
    // defineProperty: "__proto__" must become an own key, as JSON.parse would make it.
    Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
    return raw !== undefined ? { value: copy, raw } : { value: copy };
  }
  if (m.delete !== undefined) {
    const { parent, key } = parentOf(copy, m.delete);
    delete parent[key];
    return { value: copy };
  }
  if (m.duplicate !== undefined) {
    const { parent, key } = parentOf(copy, m.duplicate);
    (parent as unknown as unknown[]).push(structuredClone(parent[key]));
    return { value: copy };
  }
  return { value: copy };
}

function stringify(value: unknown, raw?: string): string {
  const text = JSON.stringify(value, null, 2);
  return raw === undefined ? text : text.replace(JSON.stringify(RAW), raw);
}

export function packageCases(): PackageCase[] {
  const data = JSON.parse(readFileSync(path.join(CORPUS, "packages.json"), "utf8")) as { cases: PackageCaseData[] };
  return data.cases.map((c) => ({
    name: c.name,
    expect: new RegExp(c.expect),
    expectInto: new RegExp(c.expectInto ?? c.expect),
    text(base) {
      if (c.text !== undefined) return c.text;
      if (c.file !== undefined) return readFileSync(path.join(CORPUS, c.file)).toString("utf8");
      if (c.generate === "deep-nesting") return "[".repeat(DEEP) + "]".repeat(DEEP);
      if (c.generate === "ten-megabytes") return JSON.stringify({ ...base, unit: { ...(base.unit as object), structure: "x".repeat(TEN_MB) } });
      if (c.generate === "ten-megabytes-garbage") return " ".repeat(TEN_MB) + "garbage";
      const { value, raw } = mutate(base, c, true);
      let text = stringify(value, raw);
      if (c.truncate !== undefined) text = text.slice(0, Math.floor(text.length * c.truncate));
      if (c.encoding === "utf16le") text = Buffer.from(`\ufeff${text}`, "utf16le").toString("utf8");
      return `${c.prefix ?? ""}${text}${c.suffix ?? ""}`;
    },
  }));
}

export function formCases(): FormCase[] {
  const data = JSON.parse(readFileSync(path.join(CORPUS, "forms.json"), "utf8")) as { cases: FormCaseData[] };
  return data.cases.map((c) => ({
    name: c.name,
    section: c.section,
    expect: new RegExp(c.expect),
    values(current) {
      if ("values" in c) return c.values;
      return mutate(current, c, false).value;
    },
  }));
}
