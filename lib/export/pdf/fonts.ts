import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";

export type FontName = "regular" | "bold";

/**
 * Noto Sans SC (SIL OFL 1.1) as TrueType files from the npm package @expo-google-fonts/noto-sans-sc:
 * the full GB 18030 repertoire, so any name a department types has its glyph, and TrueType
 * outlines, which fontkit subsets quickly and small. Resolved in node_modules at run time, so no
 * bundler (Next's, or the CLI's esbuild) copies the 10 MB files.
 */
const FILES: Record<FontName, string> = {
  regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
};

let cached: Record<FontName, fontkit.Font> | undefined;

/**
 * Text that OpenType shaping leaves as one glyph per character at its own advance in Noto Sans
 * SC: CJK ideographs, CJK and fullwidth punctuation, fullwidth digits, ASCII digits and the
 * punctuation of amounts and dates ( %()+,-./:;=? ), middle dot, × ÷ ‰ and curly quotes. Not
 * Latin letters (kerning pairs such as "AV", ligatures such as "fi"), straight quotes and * (kerned
 * against , and .), dashes and ellipses (—— and …… are ligatures), 〳〵 or combining marks: those go
 * through fontkit's shaping. fonts.test.ts checks the claim against fontkit's own layout.
 */
export const UNSHAPED =
  /^[\u0020\u0025\u0028\u0029\u002B-\u003B\u003D\u003F\u00B7\u00D7\u00F7\u2018\u2019\u201C\u201D\u2030\u3000-\u3030\u3036-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uFF01-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]*$/;

type Layout = (text: string, features?: unknown, ...rest: unknown[]) => fontkit.GlyphRun;

/**
 * fontkit's layout with the shaping skipped for UNSHAPED text: each character's glyph from the
 * cmap at its advance width. Shaping a budget's text runs every GSUB and GPOS lookup of a CJK
 * font over it, and decoding those tables is most of a cold process's PDF (issue 17: ~0.6 s of a
 * one-shot `budget disclosure`); the glyphs and positions are the same (fonts.test.ts).
 */
function withUnshapedLayout(font: fontkit.Font): fontkit.Font {
  const shaped = font.layout.bind(font) as Layout;
  const layout: Layout = (text, features, ...rest) => {
    if (features !== undefined || !UNSHAPED.test(text)) return shaped(text, features, ...rest);
    const glyphs = font.glyphsForString(text);
    const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    // The run's width is read after pdfkit scales the positions in place, as fontkit's getter does.
    return {
      glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((w, p) => w + p.xAdvance, 0);
      },
    } as unknown as fontkit.GlyphRun;
  };
  (font as unknown as { layout: Layout }).layout = layout;
  return font;
}

/**
 * From the repository this file is in (so the CLI finds the fonts wherever it is started), then
 * from the working directory (where the app's server runs, whose bundler may not keep this
 * file's own location).
 */
function resolveFont(file: string): string {
  const bases = [path.resolve(__dirname, "..", "..", ".."), process.cwd()];
  for (const base of bases) {
    try {
      return createRequire(path.join(base, "package.json")).resolve(file);
    } catch {
      // The next base.
    }
  }
  throw new Error(`找不到 PDF 字体文件 ${file}（请运行 npm install）`);
}

/** The file of a font (for a test that parses it afresh, shaping unchanged). */
export const fontFile = (name: FontName) => resolveFont(FILES[name]);

/**
 * The parsed fonts, shared by every PDF of the process: parsing and the glyph cache are paid
 * once, and each document still embeds its own subset (pdfkit keeps the subset per document).
 */
export function pdfFonts(): Record<FontName, fontkit.Font> {
  if (!cached) {
    const open = (name: FontName) => {
      const font = fontkit.create(readFileSync(resolveFont(FILES[name])));
      if (!("layout" in font)) throw new Error(`${FILES[name]} 不是单一字体文件`);
      return withUnshapedLayout(font);
    };
    cached = { regular: open("regular"), bold: open("bold") };
  }
  return cached;
}
