import { readFileSync } from "node:fs";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { buildNarrative } from "@/lib/budget/narrative";
import { buildTables } from "@/lib/budget/tables";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { budgetPdfDocument, pdfDocumentPages } from "./document-pages";
import { foldRadicals } from "./fold-radicals";
import { fontFile, pdfFonts, UNSHAPED, type FontName } from "./fonts";

/** What a run draws: each glyph and where (the positions pdfkit turns into the PDF's text). */
const drawn = (run: fontkit.GlyphRun) =>
  run.glyphs.map((g, i) => [g.id, g.codePoints.join("+"), run.positions[i]!.xAdvance, run.positions[i]!.xOffset, run.positions[i]!.yOffset]);

/** Every string the fixtures' PDFs draw, per font, as pdfkit lays it out: word by word, split after spaces. */
function fixtureWords(): Record<FontName, Set<string>> {
  const words: Record<FontName, Set<string>> = { regular: new Set(), bold: new Set() };
  const fonts = pdfFonts();
  const metrics = (font: FontName) => (ch: string) => fonts[font].glyphsForString(ch)[0]!.advanceWidth / fonts[font].unitsPerEm;
  for (const f of loadFixtures()) {
    const doc = budgetPdfDocument({
      tables: buildTables(f.budget, f.catalog),
      narrative: buildNarrative(f.budget, f.catalog).markdown,
      publishedAt: new Date("2024-03-05T02:00:00Z"),
      sequence: 1,
    });
    const pages = pdfDocumentPages(metrics, doc);
    pages.forEach((page, i) => {
      words.regular.add(`${i + 1} / ${pages.length}`);
      for (const op of page.ops) if (op.op === "text") for (const w of foldRadicals(op.text).match(/[^ \t]*[ \t]?/g) ?? []) if (w) words[op.font].add(w);
    });
  }
  return words;
}

describe("the PDF fonts' layout without shaping", () => {
  // Parsed afresh: these keep fontkit's own layout (GSUB and GPOS applied).
  const shaped = { regular: fontkit.create(readFileSync(fontFile("regular"))), bold: fontkit.create(readFileSync(fontFile("bold"))) } as Record<
    FontName,
    fontkit.Font
  >;
  const words = fixtureWords();

  it("draws every string of every fixture's PDF exactly as shaping does", () => {
    for (const font of ["regular", "bold"] as const) {
      expect(words[font].size).toBeGreaterThan(50);
      const unshaped = [...words[font]].filter((w) => UNSHAPED.test(w));
      // Nearly all of a budget's text skips shaping (else nothing would be gained).
      expect(unshaped.length / words[font].size).toBeGreaterThan(0.9);
      for (const w of unshaped) expect(drawn(pdfFonts()[font].layout(w)), w).toEqual(drawn(shaped[font].layout(w)));
    }
  });

  it("draws every pair of the characters it does not shape as shaping does (kerning and ligatures are between pairs)", () => {
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i));
    const all = [...range(0x20, 0x7e), ...range(0xa0, 0xff), ...range(0x2000, 0x206f), ...range(0x3000, 0x303f), ...range(0xff00, 0xffef)];
    const punctuation = all.filter((c) => UNSHAPED.test(c));
    // The pairs with an ASCII, Latin-1 or general punctuation mark on either side (CJK and
    // fullwidth marks among themselves, and with ideographs, were checked once when this was written).
    const western = punctuation.filter((c) => c.codePointAt(0)! < 0x3000);
    const sample = [...western, ..."（一）收入预算：〔〕《》、。年万元的费"];
    for (const font of ["regular", "bold"] as const) {
      for (const a of western) {
        for (const b of sample) {
          for (const w of [a + b, b + a]) expect(drawn(pdfFonts()[font].layout(w)), w).toEqual(drawn(shaped[font].layout(w)));
        }
      }
    }
    expect(UNSHAPED.test("（一）收入预算：2024年1,234.56万元，比上年增加-3.5%。“三公”经费《说明》〔2024〕第1号")).toBe(true);
  });

  it("still shapes Latin text, whose kerning and ligatures differ from one glyph per character", () => {
    for (const w of ["AV", "To", "office", "PDF", "——", "……", '","', "A2"]) {
      expect(UNSHAPED.test(w)).toBe(false);
      expect(drawn(pdfFonts().regular.layout(w))).toEqual(drawn(shaped.regular.layout(w)));
    }
    expect(drawn(shaped.regular.layout("AV"))).not.toEqual(drawn(unshaped("AV")));
  });
});

/** One glyph per character at its advance: what skipping the shaping would give. */
function unshaped(text: string) {
  const glyphs = pdfFonts().regular.glyphsForString(text);
  return { glyphs, positions: glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })) } as unknown as fontkit.GlyphRun;
}
