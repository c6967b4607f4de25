/** The palette of node kinds (filled in by the palette work). */
export function Palette() {
  return <aside className="palette" aria-label="palette" />;
}
