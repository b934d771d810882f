/**
 * Line breaks in budget text. Texts copied from published documents (and so imported) carry
 * HTML `<br>` where the original had a line break; what is typed carries "\n". Both mean a new
 * line, and neither is markup to show as is.
 */
const BREAK = /<br\s*\/?>|\r?\n/gi;

export function textLines(text: string): string[] {
  return text.split(BREAK);
}

/** `<br>` turned into "\n", for editing in a textarea. */
export function breaksAsNewlines(text: string): string {
  return text.replace(/<br\s*\/?>/gi, "\n");
}
