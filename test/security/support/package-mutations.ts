import fc from "fast-check";

/**
 * fast-check arbitraries of damaged Budget Packages: up to three edits of a valid package, each
 * one replacing a value anywhere in it (by hostile strings, numbers, JSON of any type), deleting
 * a key, duplicating a list element or adding an unknown key, then maybe damaging the text
 * itself (truncation, a stray character, a BOM, trailing garbage).
 */

type Path = (string | number)[];

function allPaths(value: unknown, at: Path = [], into: Path[] = []): Path[] {
  into.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...at, i], into));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) allPaths(v, [...at, k], into);
  return into;
}

const hostileString = fc.oneof(
  fc.stringMatching(/^-?\d{0,22}(\.\d{0,4})?$/),
  // Around the database's limits: Decimal(18,2) holds 16 integer digits, in 元 (a 万元 figure × 10,000).
  fc.stringMatching(/^[1-9]\d{10,17}(\.\d{1,2})?$/),
  // Text PostgreSQL cannot store as given.
  fc.constantFrom("名称\u0000", "\u0000", "\ud800", "说明\udfff", "\udbff\udbff"),
  fc.stringMatching(/^\d{1,16}(\.\d{1,2})?$/),
  fc.constantFrom(
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "0x10",
    " 1",
    "1 ",
    "",
    "０",
    "<script>alert(1)</script>",
    '\'; drop table "Budget"; --',
    '=HYPERLINK("http://x")',
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.stringMatching(/^\d{1,30}$/),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(1e309, -1e309, 2 ** 53 + 1, 1e21, -1, 0.1 + 0.2) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
);

type Edit =
  | { kind: "replace"; pick: number; value: unknown }
  | { kind: "delete"; pick: number }
  | { kind: "duplicate"; pick: number }
  | { kind: "unknown-key"; pick: number; key: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("unknown-key" as const), pick: fc.nat(), key: fc.string({ maxLength: 12 }) }) },
);

type TextDamage =
  { kind: "none" } | { kind: "truncate"; at: number } | { kind: "insert"; at: number; text: string } | { kind: "bom" } | { kind: "suffix"; text: string };

const textDamage: fc.Arbitrary<TextDamage> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.string({ unit: "binary", minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "bom" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("suffix" as const), text: fc.string({ minLength: 1, maxLength: 5 }) }) },
);

function applyEdit(root: unknown, e: Edit) {
  const paths = allPaths(root).filter((p) => p.length > 0);
  const path = paths[e.pick % paths.length]!;
  let parent = root as Record<string | number, unknown>;
  for (const s of path.slice(0, -1)) parent = parent[s] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  const target = parent[key];
  if (e.kind === "replace") parent[key] = structuredClone(e.value);
  else if (e.kind === "delete") {
    if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
    else delete parent[key];
  } else if (e.kind === "duplicate") {
    if (Array.isArray(parent)) parent.push(structuredClone(target));
  } else if (target && typeof target === "object" && !Array.isArray(target)) {
    Object.defineProperty(target, e.key, { value: "1.00", enumerable: true, writable: true, configurable: true });
  }
}

function damage(text: string, d: TextDamage): string {
  switch (d.kind) {
    case "none":
      return text;
    case "truncate":
      return text.slice(0, Math.floor(text.length * d.at));
    case "insert": {
      const at = Math.floor(text.length * d.at);
      return text.slice(0, at) + d.text + text.slice(at);
    }
    case "bom":
      return `\ufeff${text}`;
    case "suffix":
      return text + d.text;
  }
}

/** Package texts derived from `base` by one to three edits and maybe a damaged text. */
export function damagedPackageText(base: Record<string, unknown>): fc.Arbitrary<string> {
  return fc.tuple(fc.array(edit, { minLength: 1, maxLength: 3 }), textDamage).map(([edits, d]) => {
    const copy = structuredClone(base);
    for (const e of edits) applyEdit(copy, e);
    return damage(JSON.stringify(copy), d);
  });
}
