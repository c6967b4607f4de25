/**
 * Editor keyboard shortcuts (not while typing in a field). Delete alone is
 * React Flow's (canvas); Ctrl+Delete (Ctrl+Backspace, ⌘⌫ on a Mac) deletes
 * and reconnects, so plain Delete keeps its meaning and Ctrl+X stays free for cut.
 */
import { useEffect } from 'react';
import { useEditor } from './store.ts';

function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}

export function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e) || !(e.ctrlKey || e.metaKey)) return;
      const s = useEditor.getState();
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) s.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') s.redo();
      else if (key === 'c') s.copy();
      else if (key === 'v') s.paste();
      else if (key === 'delete' || key === 'backspace') s.dissolve();
      else if (key === 'd') {
        s.copy();
        s.paste();
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
