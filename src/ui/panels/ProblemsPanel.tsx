/** Every diagnostic of the document; click selects the node (filled in by the panels work). */
export function ProblemsPanel() {
  return <div className="problems" />;
}
