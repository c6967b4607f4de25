/** New / Open / Save / Share link, and drag-drop of a graph file (filled in by the files work). */
export function FileMenu() {
  return null;
}
