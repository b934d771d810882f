/**
 * The accountant's text (单位构成, 职能, reasons, goals) goes into the narrative Markdown as text:
 * "## 伪造的标题" must not become a heading nor "[点击](https://evil.example/)" a link. Every
 * character Markdown gives a meaning to is backslash-escaped (CommonMark lets any ASCII
 * punctuation be escaped, and the escape renders as the character itself), line breaks become
 * spaces (the text sits inside a sentence or a list item), and a leading "-", "+", "=" or
 * "1." cannot start a list. The same function feeds the HTML and the PDF paths, which read
 * the escaped Markdown back as plain text (lib/public/render-narrative.ts).
 */
const INLINE_SPECIAL = /[\\`*_[\]<>#!|~&]/g;

export function escapeMarkdownText(text: string): string {
  const flat = text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim();
  return flat
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}
