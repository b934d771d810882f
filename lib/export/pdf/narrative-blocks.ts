/**
 * The 部门预算情况说明 of a snapshot as the PDF prints it: headings and plain paragraphs.
 *
 * The stored narrative is Markdown written by lib/budget/narrative with the accountant's text
 * (职能职责, reasons, usages) inserted as typed. The PDF takes nothing from Markdown but the
 * generator's own headings: a line is a heading only where the generator puts one — the
 * department's name first, the document title second, then "### 一、…" and "#### （一）…" in
 * numbering order. Everything else is printed exactly as written, so a typed "# 标题",
 * "[链接](http://…)" or "**粗体**" stays visible text and never becomes a heading, link or style.
 */
export type NarrativeBlock =
  | { kind: "heading"; level: 1 | 2 | 3 | 4; text: string }
  | { kind: "paragraph"; text: string };

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

export function narrativeBlocks(markdown: string): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [];
  let section = 0;
  let subsection = 0;
  const sources = markdown.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/);
  sources.forEach((source, index) => {
    const text = source.replace(/^\n+|\s+$/g, "");
    if (text === "") return;
    const heading = /^(#{1,4}) +(\S.*)$/.exec(text);
    if (heading) {
      const level = heading[1]!.length;
      const title = heading[2]!.trim();
      const next = (n: number) => NUMERALS[n] ?? "";
      let accepted = false;
      if (level === 1 || level === 2) accepted = index === level - 1;
      else if (level === 3 && title.startsWith(`${next(section)}、`)) {
        accepted = true;
        section++;
        subsection = 0;
      } else if (level === 4 && section > 0 && title.startsWith(`（${next(subsection)}）`)) {
        accepted = true;
        subsection++;
      }
      if (accepted) {
        blocks.push({ kind: "heading", level: level as 1 | 2 | 3 | 4, text: title });
        return;
      }
    }
    for (const line of text.split("\n")) if (line.trim() !== "") blocks.push({ kind: "paragraph", text: line.trim() });
  });
  return blocks;
}
