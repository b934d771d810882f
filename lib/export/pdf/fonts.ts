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

/**
 * The parsed fonts, shared by every PDF of the process: parsing and the glyph cache are paid
 * once, and each document still embeds its own subset (pdfkit keeps the subset per document).
 */
export function pdfFonts(): Record<FontName, fontkit.Font> {
  if (!cached) {
    const open = (name: FontName) => {
      const font = fontkit.create(readFileSync(resolveFont(FILES[name])));
      if (!("layout" in font)) throw new Error(`${FILES[name]} 不是单一字体文件`);
      return font;
    };
    cached = { regular: open("regular"), bold: open("bold") };
  }
  return cached;
}
