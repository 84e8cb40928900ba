// CSV as RFC 4180 describes it: CRLF line ends, and fields holding a comma, a double quote or a
// line break enclosed in double quotes with inner quotes doubled.

/**
 * A spreadsheet treats a cell starting with one of these as a formula, so a poll label such as
 * `=HYPERLINK(…)` could run in the publisher's spreadsheet (CSV injection). Such cells get a
 * leading apostrophe, which spreadsheets read as "this is text" (OWASP's recommendation).
 */
const FORMULA_START = /^[=+\-@\t\r]/

export type CsvCell = string | number | boolean | null

export function csvCell(value: CsvCell): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A header row, then one line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
