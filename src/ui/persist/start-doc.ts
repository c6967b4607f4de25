import { useEditor } from '../store.ts';
import type { GraphDoc } from '../../graph/schema.ts';

/** Open `doc` as a document's starting point: nothing to undo before it (each document has its own history). */
export function start(doc: GraphDoc) {
  const s = useEditor.getState();
  s.replace(doc);
  useEditor.setState((st) => ({ history: { ...st.history, past: [], future: [] } }));
}
