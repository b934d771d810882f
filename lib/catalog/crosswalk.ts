import Decimal from "decimal.js";

/**
 * Year-to-year mapping of function codes (e.g. 2023 2010308 信访事务 → 2024 2014004 信访业务),
 * so last year's figures land on this year's rows. Codes not in the map keep their code:
 * most subjects do not change between years.
 */
export type Crosswalk = Readonly<Record<string, string>>;

/** One row of a crosswalk file: a code of the year before → one of its successors. */
export interface CrosswalkEntry {
  kind: "function" | "economic";
  fromCode: string;
  toCode: string;
}

/** Re-keys amounts by the new codes; several old codes mapping to one new code are summed. */
export function applyCrosswalk(amountsByCode: Readonly<Record<string, Decimal>>, crosswalk: Crosswalk): Record<string, Decimal> {
  const out: Record<string, Decimal> = {};
  for (const [code, amount] of Object.entries(amountsByCode)) {
    const target = crosswalk[code] ?? code;
    out[target] = (out[target] ?? new Decimal(0)).plus(amount);
  }
  return out;
}

/**
 * The function entries that move an amount: a code with exactly one successor. A code split in
 * several (2010308 → 2014001, 2014003, 2014004) cannot say which part last year's money was, so
 * it is shown under its own code, as published.
 */
export function oneToOne(entries: readonly CrosswalkEntry[]): Crosswalk {
  const targets = new Map<string, Set<string>>();
  for (const e of entries) {
    if (e.kind !== "function") continue;
    const set = targets.get(e.fromCode) ?? new Set<string>();
    set.add(e.toCode);
    targets.set(e.fromCode, set);
  }
  const out: Record<string, string> = {};
  for (const [from, set] of targets) if (set.size === 1) out[from] = [...set][0]!;
  return out;
}

/** Header names accepted for each column: the admin's camelCase and the shipped files' snake_case. */
const COLUMNS = { fromCode: ["fromCode", "from_code"], toCode: ["toCode", "to_code"], kind: ["kind"] } as const;

/**
 * Reads a crosswalk CSV (`fromCode,toCode[,kind]` or `kind,from_code,to_code[,source]`), every bad
 * row reported with its line. One code may have several successors (one row each).
 */
export function parseCrosswalkCsv(text: string): { rows: CrosswalkEntry[]; errors: string[] } {
  const what = "科目对照";
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const all = clean
    .split(/\r?\n/)
    .map((raw, i) => ({ line: i + 1, raw }))
    .filter((l) => l.raw.trim() !== "");
  const header = all[0]?.raw.split(",").map((c) => c.trim());
  if (!header) return { rows: [], errors: [`${what}：文件为空`] };
  const index = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const missing = (["fromCode", "toCode"] as const).filter((c) => index(COLUMNS[c]) < 0);
  if (missing.length > 0) return { rows: [], errors: missing.map((c) => `${what}：第 1 行（表头）缺少列“${c}”`) };
  const col = (cells: string[], name: keyof typeof COLUMNS) => {
    const i = index(COLUMNS[name]);
    return i < 0 ? "" : (cells[i] ?? "");
  };
  const rows: CrosswalkEntry[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const { line, raw } of all.slice(1)) {
    const cells = raw.split(",").map((c) => c.trim());
    const kind = col(cells, "kind") || "function";
    const fromCode = col(cells, "fromCode");
    const toCode = col(cells, "toCode");
    const problems: string[] = [];
    if (kind !== "function" && kind !== "economic") problems.push(`“kind”列应为 function 或 economic，实际为“${kind}”`);
    const lengths = kind === "economic" ? [3, 5] : [3, 5, 7];
    for (const [name, code] of [
      ["fromCode", fromCode],
      ["toCode", toCode],
    ] as const) {
      if (!/^\d+$/.test(code) || !lengths.includes(code.length)) problems.push(`“${name}”列应为 ${lengths.join("、")} 位数字，实际为“${code}”`);
    }
    if (problems.length === 0 && fromCode.length !== toCode.length) problems.push(`对照前后科目级次不同（${fromCode} → ${toCode}）`);
    const key = `${kind}:${fromCode}:${toCode}`;
    if (problems.length === 0 && seen.has(key)) problems.push(`对照 ${fromCode} → ${toCode} 重复（第 ${seen.get(key)} 行已有）`);
    if (problems.length > 0) {
      errors.push(`${what}：第 ${line} 行${problems.join("；")}`);
      continue;
    }
    seen.set(key, line);
    rows.push({ kind: kind as CrosswalkEntry["kind"], fromCode, toCode });
  }
  return { rows, errors };
}
