/**
 * Dragging a layer from the palette onto the canvas: what the drag carries,
 * and which edge is under the pointer (a drop there inserts the layer into
 * that edge).
 */

/** The dragged layer's kind. */
export const DRAG_MIME = 'application/x-netloom-kind';
/**
 * Present when the dragged kind can go into an edge (one input, one output).
 * A drag's data cannot be read until the drop, but its types can: this is
 * how the canvas knows, while hovering, whether to highlight an edge.
 */
export const FITS_EDGE_MIME = 'application/x-netloom-fits-edge';

/**
 * The id of the edge under a screen point (its line, with React Flow's wider
 * invisible hit area, or its shape label), or null; a node on top of an edge
 * hides it.
 */
export function edgeAt(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    if (el.closest('.react-flow__node')) return null;
    const edge = el.closest<HTMLElement | SVGElement>('.react-flow__edge[data-id], [data-edge]');
    if (edge) return edge.getAttribute('data-edge') ?? edge.getAttribute('data-id');
  }
  return null;
}
