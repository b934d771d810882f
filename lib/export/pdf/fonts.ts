import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";

export type FontName = "regular" | "bold";

/**
 * Noto Sans SC (SIL OFL 1.1) as TrueType files from the npm package @expo-google-fonts/noto-sans-sc:
 * the full GB 18030 repertoire, so any name a department types has its glyph, and TrueType
 * outlines, which fontkit subsets quickly and small. Resolved from the app's own node_modules
 * (as lib/db/embedded.ts does), so the bundler leaves the 10 MB files where npm put them.
 */
const FILES: Record<FontName, string> = {
  regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
};

let cached: Record<FontName, fontkit.Font> | undefined;

/**
 * The parsed fonts, shared by every PDF of the process: parsing and the glyph cache are paid
 * once, and each document still embeds its own subset (pdfkit keeps the subset per document).
 */
export function pdfFonts(): Record<FontName, fontkit.Font> {
  if (!cached) {
    const resolve = createRequire(path.join(process.cwd(), "package.json")).resolve;
    const open = (name: FontName) => {
      const font = fontkit.create(readFileSync(resolve(FILES[name])));
      if (!("layout" in font)) throw new Error(`${FILES[name]} 不是单一字体文件`);
      return font;
    };
    cached = { regular: open("regular"), bold: open("bold") };
  }
  return cached;
}
