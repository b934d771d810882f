import { FUNDS, type Fund } from "@/lib/budget/model";
import type { Fen } from "./fen";
import type { ShownAmounts } from "./shown-amounts";

/**
 * The 类/款/项 tree of printed leaf amounts in `Fen`, built once and read by every table that
 * groups the same leaves (subject-tree.ts is the decimal.js form, still used by 决算 tables).
 * Each leaf and node holds a row of slots; a table picks its columns from the slots and its rows
 * by `rowsShowing`. Parents are sums of their leaves, rows are in code order with parents first
 * (string order of the codes gives exactly that: "201" < "20103" < "2010301" < "20140" < "208").
 */
export interface FenNode {
  code: string;
  level: number;
  sums: Fen[];
}

export interface FenLeaf {
  code: string;
  sums: Fen[];
  /** Proper ancestors, outermost first. */
  ancestors: string[];
}

export interface FenTree {
  /** Every leaf and ancestor, in code order. */
  nodes: FenNode[];
  leaves: FenLeaf[];
  total: Fen[];
}

function zeros(width: number): Fen[] {
  return new Array<Fen>(width).fill(0n);
}

function prefixAncestors(lengths: readonly number[]) {
  return (code: string) => {
    const out: string[] = [];
    for (const n of lengths) if (n < code.length) out.push(code.slice(0, n));
    return out;
  };
}

export const functionAncestors = prefixAncestors([3, 5]);
export const functionLevel = (code: string) => (code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3);
export const economicAncestors = prefixAncestors([3]);
export const economicLevel = (code: string) => (code.length <= 3 ? 1 : 2);

/** `leaves`: code → its slot sums (the caller adds the atoms). */
export function fenTree(leaves: Map<string, Fen[]>, width: number, ancestors: (code: string) => string[], level: (code: string) => number): FenTree {
  const nodes = new Map<string, Fen[]>();
  const total = zeros(width);
  const out: FenLeaf[] = [];
  for (const [code, sums] of leaves) {
    const up = ancestors(code);
    out.push({ code, sums, ancestors: up });
    for (const c of [...up, code]) {
      let node = nodes.get(c);
      if (!node) nodes.set(c, (node = zeros(width)));
      for (let i = 0; i < width; i++) if (sums[i] !== 0n) node[i] = node[i]! + sums[i]!;
    }
    for (let i = 0; i < width; i++) total[i] = total[i]! + sums[i]!;
  }
  const sorted = [...nodes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, sums]) => ({ code, level: level(code), sums }));
  return { nodes: sorted, leaves: out, total };
}

/**
 * The rows a table shows: a leaf whose every column of that table is zero is not shown, as in the
 * published tables, nor is a parent with no shown leaf.
 */
export function rowsShowing(tree: FenTree, shows: (sums: readonly Fen[]) => boolean): FenNode[] {
  const keep = new Set<string>();
  for (const leaf of tree.leaves) {
    if (!shows(leaf.sums)) continue;
    keep.add(leaf.code);
    for (const a of leaf.ancestors) keep.add(a);
  }
  return keep.size === tree.nodes.length ? tree.nodes : tree.nodes.filter((n) => keep.has(n.code));
}

/** Adds `amount` to slot `slot` of the leaf `code`. */
export function addToFenLeaf(leaves: Map<string, Fen[]>, code: string, width: number, slot: number, amount: Fen): void {
  let leaf = leaves.get(code);
  if (!leaf) leaves.set(code, (leaf = zeros(width)));
  leaf[slot] = leaf[slot]! + amount;
}

/**
 * Slots of the budget's function tree: per fund its basic and its project money, then last year's
 * general-budget figure (T2's 上年 column, only when T2 shows it).
 */
export const FUND_COUNT = FUNDS.length;
const FUND_INDEX = new Map<Fund, number>(FUNDS.map((f, i) => [f, i]));
export const fundIndex = (fund: Fund) => FUND_INDEX.get(fund)!;
export const basicSlot = (fund: Fund) => fundIndex(fund);
export const projectSlot = (fund: Fund) => FUND_COUNT + fundIndex(fund);
export const PRIOR_SLOT = 2 * FUND_COUNT;
export const FUNCTION_SLOTS = 2 * FUND_COUNT + 1;

/** Every expenditure atom of the budget (and last year's by function, for T2) on its function 项. */
export function budgetFunctionTree(shown: ShownAmounts, prior: ReadonlyMap<string, Fen> | undefined): FenTree {
  const leaves = new Map<string, Fen[]>();
  for (const l of shown.basic) addToFenLeaf(leaves, l.function, FUNCTION_SLOTS, basicSlot(l.fund), l.amount);
  for (const p of shown.projects) addToFenLeaf(leaves, p.function, FUNCTION_SLOTS, projectSlot(p.fund), p.amount);
  for (const [code, amount] of prior ?? []) addToFenLeaf(leaves, code, FUNCTION_SLOTS, PRIOR_SLOT, amount);
  return fenTree(leaves, FUNCTION_SLOTS, functionAncestors, functionLevel);
}
