import Decimal from "decimal.js";
import type { PathSegment } from "@/lib/budget/package/labels";
import { formatPath } from "@/lib/budget/package/labels";
import { describeFinalField } from "./labels";

export interface FinalChange {
  /** "basicExpenditure[3].actual" */
  path: string;
  /** The field in Chinese, with the line's own description where there is one. */
  label: string;
  before: string | null;
  after: string | null;
}

const AMOUNT = /^-?\d+(\.\d+)?$/;
/** One amount written two ways ("2510000" and "2510000.00", as a workbook and a draft give it) is no change. */
const sameAmount = (a: unknown, b: unknown) => typeof a === "string" && typeof b === "string" && AMOUNT.test(a) && AMOUNT.test(b) && new Decimal(a).equals(b);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const shown = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === "string" ? v : JSON.stringify(v));

/** What names a line of a list for the reader: its codes or its name. */
function lineName(item: unknown): string {
  if (!isObject(item)) return "";
  if (typeof item.name === "string") return item.name;
  return [item.function, item.economic].filter((x) => typeof x === "string").join(" ");
}

/**
 * Every field that differs between two submissions of a 决算 package (as submitted), leaf by
 * leaf, so the reviewer sees what changed after a 退回. Lines are compared by position: a 决算
 * started from a budget keeps its lines; an added or removed line shows as its fields appearing
 * or disappearing.
 */
export function diffFinalPackages(before: unknown, after: unknown): FinalChange[] {
  const out: FinalChange[] = [];
  const walk = (a: unknown, b: unknown, path: PathSegment[], context: string) => {
    if (Array.isArray(a) || Array.isArray(b)) {
      const xs = Array.isArray(a) ? a : [];
      const ys = Array.isArray(b) ? b : [];
      for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
        const name = lineName(ys[i] ?? xs[i]);
        walk(xs[i], ys[i], [...path, i], name ? `${context}${name} ` : context);
      }
      return;
    }
    if (isObject(a) || isObject(b)) {
      const x = isObject(a) ? a : {};
      const y = isObject(b) ? b : {};
      for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) walk(x[key], y[key], [...path, key], context);
      return;
    }
    if (shown(a) === shown(b) || sameAmount(a, b)) return;
    out.push({ path: formatPath(path), label: `${context}${describeFinalField(path)}`, before: shown(a), after: shown(b) });
  };
  walk(before, after, [], "");
  return out;
}
