/**
 * A text cell Excel or LibreOffice would run as a formula (CSV injection):
 * its first character after any control characters (NUL included) or spaces
 * is `=`, `+`, `-`, `@`, a tab or a carriage return. Spreadsheets skip those
 * leading characters, so "\0=HYPERLINK(…)" is as live as "=HYPERLINK(…)".
 */
const FORMULA_START = /^[\u0000-\u0020\u007f-\u00a0\u2000-\u200b\u3000\ufeff]*[=+\-@\t\r]/

/** The text, with a leading apostrophe when it would otherwise be a formula (the spreadsheets' own "this is text" mark). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}
