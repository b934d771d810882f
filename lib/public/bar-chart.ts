import { formatWanDisplay } from "@/lib/format";
import Decimal from "decimal.js";

export interface BarInput {
  label: string;
  /** One or more values in 万元 (machine form), drawn side by side (e.g. last year, this year). */
  values: string[];
}

export interface Bar {
  label: string;
  segments: { value: string; display: string; width: number }[];
}

/**
 * Geometry of a horizontal bar chart: each value's bar width as a share of the largest value
 * (0–1, rounded to 4 places: pixels, not money). Amounts stay decimal strings until here.
 */
export function barChart(items: BarInput[]): Bar[] {
  const max = items.reduce((m, i) => i.values.reduce((mm, v) => Decimal.max(mm, new Decimal(v)), m), new Decimal(0));
  return items.map((i) => ({
    label: i.label,
    segments: i.values.map((v) => {
      const d = new Decimal(v);
      return {
        value: v,
        display: formatWanDisplay(d),
        width: max.isZero() || d.isNegative() ? 0 : d.dividedBy(max).toDecimalPlaces(4).toNumber(),
      };
    }),
  }));
}

/** Shares of a whole (basic vs project), as fractions that add up to 1 (pixels, not money). */
export function shares(parts: { label: string; value: string }[]): { label: string; value: string; share: number }[] {
  const total = parts.reduce((s, p) => s.plus(p.value), new Decimal(0));
  return parts.map((p) => ({ ...p, share: total.isZero() ? 0 : new Decimal(p.value).dividedBy(total).toDecimalPlaces(4).toNumber() }));
}
