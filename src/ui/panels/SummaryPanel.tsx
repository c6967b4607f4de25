/** Keras-style model summary (filled in by the panels work). */
export function SummaryPanel() {
  return <div className="summary" />;
}
