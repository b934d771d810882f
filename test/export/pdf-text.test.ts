import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readPdfText } from "@/test/support/pdf-text";

/** A two-page PDF shaped like pdfkit's: Type0 fonts with ToUnicode maps, Flate streams. */
function tinyPdf(): Buffer {
  const cmap = [
    "begincmap",
    "2 beginbfchar\n<0001> <5408>\n<0002> <8BA1>\nendbfchar",
    "2 beginbfrange\n<0003> <0004> <2F08>\n<0005> <0007> [<4EBA> <5458> <D840DC00>]\nendbfrange",
    "endcmap",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
    "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",
    "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>",
    "<< /Type /Font /Subtype /Type0 /ToUnicode 8 0 R >>",
  ];
  const streams = ["BT /F1 12 Tf <00010002> Tj ET", "BT /F1 12 Tf [<0003>-20<0004>] TJ ET BT /F1 9 Tf [<000500060007> 0] TJ ET", cmap];
  let out = "%PDF-1.4\n";
  objects.forEach((o, i) => (out += `${i + 1} 0 obj\n${o}\nendobj\n`));
  const parts: Buffer[] = [Buffer.from(out, "latin1")];
  streams.forEach((s, i) => {
    const data = deflateSync(Buffer.from(s, "latin1"));
    parts.push(
      Buffer.from(`${objects.length + i + 1} 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, "latin1"),
      data,
      Buffer.from("\nendstream\nendobj\n", "latin1"),
    );
  });
  parts.push(Buffer.from("%%EOF\n", "latin1"));
  return Buffer.concat(parts);
}

describe("readPdfText", () => {
  it("counts pages and decodes text through ToUnicode maps, ranges and arrays alike", () => {
    const { pageCount, pages } = readPdfText(tinyPdf());
    expect(pageCount).toBe(2);
    expect(pages[0]!.trim()).toBe("合计");
    // What the map says, unfolded: a radical stays a radical, so a test sees what a reader copies.
    expect(pages[1]!.split("\n").filter(Boolean)).toEqual(["\u2f08\u2f09", "人员𠀀"]);
  });
});
