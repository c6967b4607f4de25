/** The inspector for the selected node (filled in by the inspector work). */
export function Inspector() {
  return <div className="inspector" />;
}
