import type { FontName } from "./fonts";
import type { CharWidth } from "./wrap";

/**
 * The PDF is laid out first, as pages of drawing operations in points (y downwards from the
 * top of the page), and drawn afterwards (draw.ts). Laying out first gives every page its
 * number before anything is drawn, which the table of contents needs.
 */
export type Op =
  | { op: "text"; x: number; baseline: number; text: string; font: FontName; size: number; color?: string }
  | { op: "rect"; x: number; y: number; w: number; h: number; fill?: string; stroke?: string }
  /** A dotted leader from a table-of-contents entry to its page number. */
  | { op: "leader"; x1: number; x2: number; y: number };

export interface Page {
  ops: Op[];
  /** Whether the footer shows the page number (all pages but the cover). */
  numbered: boolean;
  /** Outline (bookmark) entries that point at this page. */
  bookmarks: string[];
}

export const newPage = (numbered = true): Page => ({ ops: [], numbered, bookmarks: [] });

const mm = (v: number) => (v * 72) / 25.4;

/** A4 landscape, with the margins the Chromium rendering had. */
export const PAGE = {
  width: mm(297),
  height: mm(210),
  top: mm(14),
  bottom: mm(210) - mm(16),
  left: mm(12),
  right: mm(297) - mm(12),
  footerBaseline: mm(210) - mm(8),
};
export const CONTENT_WIDTH = PAGE.right - PAGE.left;

export const COLORS = {
  text: "#1f2329",
  muted: "#646a73",
  border: "#8f959e",
  head: "#f2f3f5",
  label: "#f7f8fa",
};

/** Widths of characters, per font, at size 1 (from the embedded fonts, see draw.ts). */
export type Metrics = (font: FontName) => CharWidth;

export function textWidth(metrics: Metrics, font: FontName, size: number, text: string): number {
  const w = metrics(font);
  let sum = 0;
  for (const ch of text) sum += w(ch);
  return sum * size;
}

/**
 * Baseline of a line set in a box of height `lineHeight` whose top is `top`: CJK glyphs sit on
 * an em box from 0.88 em above the baseline to 0.12 em below, centred in the line.
 */
export function baselineIn(top: number, lineHeight: number, size: number): number {
  return top + lineHeight / 2 + 0.38 * size;
}

export interface TextStyle {
  font: FontName;
  size: number;
  lineHeight: number;
  color?: string;
}

/** Ops for lines of text at `top`, aligned within [x, x + width]. */
export function textLines(
  metrics: Metrics,
  lines: readonly string[],
  style: TextStyle,
  x: number,
  width: number,
  top: number,
  align: "left" | "center" | "right" = "left",
): Op[] {
  return lines.map((line, i) => {
    const w = align === "left" ? 0 : textWidth(metrics, style.font, style.size, line);
    const at = align === "left" ? x : align === "center" ? x + (width - w) / 2 : x + width - w;
    return {
      op: "text" as const,
      x: at,
      baseline: baselineIn(top + i * style.lineHeight, style.lineHeight, style.size),
      text: line,
      font: style.font,
      size: style.size,
      ...(style.color ? { color: style.color } : {}),
    };
  });
}
