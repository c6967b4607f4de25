/** The add-node search box opened by double-clicking the canvas (filled in by the palette work). */
export function NodeSearch() {
  return null;
}
