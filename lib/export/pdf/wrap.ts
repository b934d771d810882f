/**
 * Line breaking for Chinese text with some Latin in it (codes, amounts, URLs typed as text):
 * a line may break between any two CJK characters, and at spaces; a run of Latin letters and
 * digits stays whole unless it alone is wider than the line. The common 禁则 (kinsoku) rules
 * hold: a line never starts with closing punctuation such as ，。）” and never ends with
 * opening punctuation such as （“.
 */

/** Width of one character at font size 1. */
export type CharWidth = (ch: string) => number;

const NO_LINE_START = new Set([..."，。、；：？！）】》」』〕〉”’…—·%％,.;:?!)]}"]);
const NO_LINE_END = new Set([..."（【《「『〔〈“‘([{"]);

function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x2e80 && c <= 0x9fff) || // radicals, CJK punctuation, kana, ideographs
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0x2010 && c <= 0x2027) || // quotes, dashes, ellipsis used in Chinese text
    c >= 0x20000
  );
}

/** Units that are never split unless one alone overflows a line: a wide char, a space, or a Latin run. */
function units(text: string): string[] {
  const out: string[] = [];
  let run = "";
  for (const ch of text) {
    if (isWide(ch) || /\s/.test(ch)) {
      if (run) out.push(run);
      run = "";
      out.push(/\s/.test(ch) ? " " : ch);
    } else run += ch;
  }
  if (run) out.push(run);
  return out;
}

const widthOf = (s: string, w: CharWidth, size: number) => {
  let sum = 0;
  for (const ch of s) sum += w(ch);
  return sum * size;
};

/**
 * Lines of `text` (hard line breaks kept) that each fit `maxWidth` at `size`; the first line of
 * each paragraph is `firstIndent` narrower (a paragraph's 2-character indent).
 */
export function wrapText(text: string, maxWidth: number, size: number, charWidth: CharWidth, firstIndent = 0): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, "\n").split("\n")) wrapParagraph(paragraph, maxWidth, size, charWidth, lines, firstIndent);
  return lines;
}

function wrapParagraph(text: string, fullWidth: number, size: number, w: CharWidth, out: string[], firstIndent: number) {
  let line: string[] = [];
  let width = 0;
  let maxWidth = fullWidth - firstIndent;
  const put = (u: string) => {
    line.push(u);
    width += widthOf(u, w, size);
  };
  const flush = () => {
    while (line.length && line[line.length - 1] === " ") line.pop();
    out.push(line.join(""));
    line = [];
    width = 0;
    maxWidth = fullWidth;
  };
  const queue = units(text);
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i]!;
    if (u === " " && line.length === 0) continue;
    const uw = widthOf(u, w, size);
    // A space may hang past the edge: it is dropped at the line's end.
    if (width + uw <= maxWidth || u === " ") {
      put(u);
      continue;
    }
    if (line.length === 0) {
      // A Latin run wider than the whole line: break it by characters.
      let part = "";
      let pw = 0;
      for (const ch of u) {
        const cw = w(ch) * size;
        if (part && pw + cw > maxWidth) {
          out.push(part);
          maxWidth = fullWidth;
          part = "";
          pw = 0;
        }
        part += ch;
        pw += cw;
      }
      put(part);
      continue;
    }
    // 禁则: carry the line's last unit over so that `u` does not start a line, and never end a
    // line on an opening bracket; a line always keeps at least one unit.
    const carried: string[] = [];
    if (NO_LINE_START.has(u[0]!) && line.length > 1) carried.unshift(line.pop()!);
    while (line.length > 1 && NO_LINE_END.has(line[line.length - 1]!.slice(-1))) carried.unshift(line.pop()!);
    flush();
    carried.forEach(put);
    // Only a line narrower than two characters cannot take `u` after what was carried over.
    if (carried.length > 0 && width + uw > maxWidth) put(u);
    else i--;
  }
  flush();
}
