/** A safe download name for a graph: `<name>.json`, without characters file systems refuse. */
export function fileNameFor(name: string, fallback = 'graph'): string {
  const base = name
    // Characters Windows, macOS or Linux refuse, and control characters.
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, 100)
    .trim();
  const safe = base && !/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base) ? base : fallback;
  return /\.json$/i.test(safe) ? safe : `${safe}.json`;
}
