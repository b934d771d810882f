import Decimal from "decimal.js";
import { ZERO } from "@/lib/budget/money";
import { economicName, functionName, type Catalog } from "@/lib/catalog/catalog";

/**
 * Turns printed leaf amounts (功能分类 项 or 经济分类 款) into the 类/款/项 rows of a table:
 * parents are sums of their shown leaves, rows are in code order with parents first (string
 * order of the codes gives exactly that: "201" < "20103" < "2010301" < "20140" < "208").
 * A leaf whose every column is zero is not shown, as in the published tables.
 */

export interface TreeRow<K extends string> {
  code: string;
  name: string;
  level: number;
  values: Record<K, Decimal>;
}

export interface Tree<K extends string> {
  rows: TreeRow<K>[];
  total: Record<K, Decimal>;
}

interface Hierarchy {
  /** Proper ancestors, outermost first. */
  ancestors: (code: string) => string[];
  level: (code: string) => number;
  name: (code: string) => string;
}

export interface Leaf<K extends string> {
  code: string;
  values: Partial<Record<K, Decimal>>;
}

function zeros<K extends string>(columns: readonly K[]): Record<K, Decimal> {
  return Object.fromEntries(columns.map((c) => [c, ZERO])) as Record<K, Decimal>;
}

function buildTree<K extends string>(leaves: Iterable<Leaf<K>>, columns: readonly K[], h: Hierarchy): Tree<K> {
  const nodes = new Map<string, Record<K, Decimal>>();
  const total = zeros(columns);
  for (const leaf of leaves) {
    // Only the columns a leaf has and that are not zero are added: adding zero to a Decimal
    // still makes a new one, and a T7 row has nine columns, mostly empty.
    const present = columns.filter((c) => leaf.values[c] !== undefined && !leaf.values[c]!.isZero());
    if (present.length === 0) continue;
    for (const code of [...h.ancestors(leaf.code), leaf.code]) {
      let node = nodes.get(code);
      if (!node) nodes.set(code, (node = zeros(columns)));
      for (const c of present) node[c] = node[c].isZero() ? leaf.values[c]! : node[c].plus(leaf.values[c]!);
    }
    for (const c of present) total[c] = total[c].isZero() ? leaf.values[c]! : total[c].plus(leaf.values[c]!);
  }
  const rows = [...nodes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, values]) => ({ code, name: h.name(code), level: h.level(code), values }));
  return { rows, total };
}

function prefixAncestors(lengths: number[]) {
  return (code: string) => lengths.filter((n) => n < code.length).map((n) => code.slice(0, n));
}

export function functionTree<K extends string>(leaves: Iterable<Leaf<K>>, columns: readonly K[], catalog: Catalog): Tree<K> {
  return buildTree(leaves, columns, {
    ancestors: prefixAncestors([3, 5]),
    level: (code) => (code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3),
    name: (code) => functionName(catalog, code),
  });
}

export function economicTree<K extends string>(leaves: Iterable<Leaf<K>>, columns: readonly K[], catalog: Catalog): Tree<K> {
  return buildTree(leaves, columns, {
    ancestors: prefixAncestors([3]),
    level: (code) => (code.length <= 3 ? 1 : 2),
    name: (code) => economicName(catalog, code),
  });
}

/** Adds `amount` to `map[code][column]`, creating the leaf as needed. */
export function addToLeaf<K extends string>(map: Map<string, Partial<Record<K, Decimal>>>, code: string, column: K, amount: Decimal): void {
  const leaf = map.get(code);
  if (!leaf) map.set(code, { [column]: amount } as Partial<Record<K, Decimal>>);
  else leaf[column] = leaf[column] === undefined ? amount : leaf[column].plus(amount);
}

export function leavesOf<K extends string>(map: Map<string, Partial<Record<K, Decimal>>>): Leaf<K>[] {
  return [...map.entries()].map(([code, values]) => ({ code, values }));
}
