/** Strict number parsing for CSV cells: plain decimal or exponent notation, nothing else. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * The number in a cell, or undefined. Surrounding spaces are allowed; NaN,
 * Infinity, hex, thousands separators and empty cells are not. With
 * `decimalComma` (semicolon-separated files from European spreadsheets),
 * "1,5" reads as 1.5.
 */
export function parseNumber(cell: string, decimalComma = false): number | undefined {
  const t = cell.trim();
  if (NUMBER.test(t)) return Number(t);
  if (decimalComma && DECIMAL_COMMA.test(t)) return Number(t.replace(',', '.'));
  return undefined;
}
