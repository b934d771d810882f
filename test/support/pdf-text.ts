import { inflateSync } from "node:zlib";

/**
 * A minimal PDF text reader for tests of our own PDFs (lib/export/pdf), where poppler may not be
 * installed: it counts pages and decodes the text of each page through the fonts' ToUnicode
 * maps, exactly as a viewer's copy and search do — no folding of look-alike characters, so a
 * test sees what a reader would paste. Enough for "page 3 says 一般公共预算财政拨款支出预算表",
 * not a general PDF parser (no object streams, no encryption, no Type3 fonts).
 */
interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const re = /(\d+)\s+0\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endobj", start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.indexOf("stream");
    if (s >= 0 && /\/Length\s+\d+/.test(body.slice(0, s))) {
      const dict = body.slice(0, s);
      let dataStart = start + s + "stream".length;
      if (text[dataStart] === "\r") dataStart++;
      if (text[dataStart] === "\n") dataStart++;
      const length = Number(/\/Length\s+(\d+)(?!\s+0\s+R)/.exec(dict)?.[1] ?? NaN);
      const raw = Number.isFinite(length) ? pdf.subarray(dataStart, dataStart + length) : pdf.subarray(dataStart, start + body.lastIndexOf("endstream"));
      let stream: Buffer = raw;
      if (/\/FlateDecode/.test(dict)) {
        try {
          stream = inflateSync(raw);
        } catch {
          stream = raw;
        }
      }
      objects.set(Number(m[1]), { dict, stream });
    } else {
      objects.set(Number(m[1]), { dict: body });
    }
    re.lastIndex = end;
  }
  return objects;
}

const ref = (s: string | undefined) => (s ? Number(s) : undefined);

/** Inline dictionary `<< … >>` following `/Key`, or the dictionary of the object it references. */
function subDict(objects: Map<number, PdfObject>, dict: string, key: string): string {
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return "";
  const rest = dict.slice(at + key.length + 1).trimStart();
  const r = /^(\d+)\s+0\s+R/.exec(rest);
  if (r) return objects.get(Number(r[1]))?.dict ?? "";
  if (!rest.startsWith("<<")) return "";
  let depth = 0;
  for (let i = 0; i < rest.length - 1; i++) {
    if (rest.startsWith("<<", i)) {
      depth++;
      i++;
    } else if (rest.startsWith(">>", i)) {
      depth--;
      i++;
      if (depth === 0) return rest.slice(0, i + 1);
    }
  }
  return rest;
}

/** UTF-16BE hex (surrogate pairs included) → text. */
function hexToText(h: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= h.length; i += 4) units.push(parseInt(h.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(src!.toLowerCase(), hexToText(dst!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    // <lo> <hi> <dst>: consecutive codes to consecutive characters; <lo> <hi> [<d1> <d2> …]: one each.
    for (const [, lo, hi, dst, list] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const a = parseInt(lo!, 16);
      const b = parseInt(hi!, 16);
      const key = (c: number) => c.toString(16).padStart(lo!.length, "0");
      if (dst !== undefined) {
        const base = parseInt(dst, 16);
        for (let c = a; c <= b; c++) map.set(key(c), String.fromCodePoint(base + c - a));
      } else {
        const targets = [...list!.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => hexToText(m[1]!));
        for (let c = a; c <= b && c - a < targets.length; c++) map.set(key(c), targets[c - a]!);
      }
    }
  }
  return map;
}

function decodeShow(hex: string, cmap: Map<string, string> | undefined, width: number): string {
  let out = "";
  for (let i = 0; i + width <= hex.length; i += width) out += cmap?.get(hex.slice(i, i + width).toLowerCase()) ?? "";
  return out;
}

export interface PdfText {
  pageCount: number;
  pages: string[];
}

export function readPdfText(pdf: Buffer): PdfText {
  const objects = readObjects(pdf);
  const pages: string[] = [];
  // Pages in document order: walk the page tree from the catalog's /Pages.
  const pageIds: number[] = [];
  const rootId = [...objects.entries()].find(([, o]) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\s/.test(o.dict))?.[0];
  const walk = (id: number) => {
    const o = objects.get(id);
    if (!o) return;
    if (/\/Type\s*\/Pages\b/.test(o.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? "";
      for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(k[1]));
    } else if (/\/Type\s*\/Page\b/.test(o.dict)) pageIds.push(id);
  };
  if (rootId !== undefined) walk(rootId);
  for (const id of pageIds) {
    const page = objects.get(id)!;
    const resources = subDict(objects, page.dict, "Resources");
    const fonts = subDict(objects, resources, "Font");
    const cmaps = new Map<string, { map: Map<string, string>; width: number }>();
    for (const [, name, fontId] of fonts.matchAll(/\/([^\s/<>]+)\s+(\d+)\s+0\s+R/g)) {
      const font = objects.get(Number(fontId));
      const toUnicode = ref(/\/ToUnicode\s+(\d+)\s+0\s+R/.exec(font?.dict ?? "")?.[1]);
      const cmap = toUnicode !== undefined ? objects.get(toUnicode)?.stream?.toString("latin1") : undefined;
      const composite = /\/Type0/.test(font?.dict ?? "");
      cmaps.set(name!, { map: cmap ? parseCMap(cmap) : new Map(), width: composite ? 4 : 2 });
    }
    const contentRefs = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page.dict)?.[1] ?? "";
    let content = "";
    for (const c of contentRefs.matchAll(/(\d+)\s+0\s+R/g)) content += objects.get(Number(c[1]))?.stream?.toString("latin1") ?? "";
    let font: { map: Map<string, string>; width: number } | undefined;
    let text = "";
    for (const t of content.matchAll(/\/([^\s/<>\[\]]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|(T\*|Td|TD|Tm|ET|')/g)) {
      if (t[1] !== undefined) font = cmaps.get(t[1]);
      else if (t[2] !== undefined) text += decodeShow(t[2], font?.map, font?.width ?? 4);
      else if (t[3] === "ET" || t[3] === "T*" || t[3] === "'") text += "\n";
    }
    pages.push(text);
  }
  return { pageCount: pageIds.length, pages };
}
