import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { normalizeCjk, readPdfText } from "./pdf-text";

/** A two-page PDF shaped like Chromium's: Type0 fonts with ToUnicode maps, Flate streams. */
function tinyPdf(): Buffer {
  const cmap = "begincmap\n2 beginbfchar\n<0001> <5408>\n<0002> <8BA1>\nendbfchar\n1 beginbfrange\n<0003> <0004> <2F08>\nendbfrange\nendcmap";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
    "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",
    "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>",
    "<< /Type /Font /Subtype /Type0 /ToUnicode 8 0 R >>",
  ];
  const streams = ["BT /F1 12 Tf <00010002> Tj ET", "BT /F1 12 Tf [<0003>-20<0004>] TJ ET", cmap];
  let out = "%PDF-1.4\n";
  objects.forEach((o, i) => (out += `${i + 1} 0 obj\n${o}\nendobj\n`));
  const parts: Buffer[] = [Buffer.from(out, "latin1")];
  streams.forEach((s, i) => {
    const data = deflateSync(Buffer.from(s, "latin1"));
    parts.push(Buffer.from(`${objects.length + i + 1} 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, "latin1"), data, Buffer.from("\nendstream\nendobj\n", "latin1"));
  });
  parts.push(Buffer.from("%%EOF\n", "latin1"));
  return Buffer.concat(parts);
}

describe("readPdfText", () => {
  it("counts pages and decodes text through ToUnicode maps", () => {
    const { pageCount, pages } = readPdfText(tinyPdf());
    expect(pageCount).toBe(2);
    expect(pages[0]!.trim()).toBe("合计");
    // ⼈ (Kangxi radical, U+2F08) and its neighbour fold back to ideographs.
    expect(pages[1]!.trim()).toBe("人\u2f09".normalize("NFKC"));
  });
});

describe("normalizeCjk", () => {
  it("maps radicals to the ideographs sharing their glyph, and keeps full-width punctuation", () => {
    expect(normalizeCjk("⼈⺠政府（本级）：")).toBe("人民政府（本级）：");
    expect(normalizeCjk("第⼆⻚")).toBe("第二页");
  });
});
