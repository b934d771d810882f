/**
 * Spreadsheet formula injection (CSV/Excel "DDE"): text from a budget that starts with = + - @,
 * a tab or a carriage return may be evaluated as a formula when the file is opened. Such text
 * is prefixed with an apostrophe, the OWASP advice: it is then shown, never evaluated. For CSV,
 * whose fields a spreadsheet parses on opening; an .xlsx text cell is never parsed, so the
 * workbooks (lib/export/xlsx.ts) write text as is and show "=" rather than "'=".
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}
