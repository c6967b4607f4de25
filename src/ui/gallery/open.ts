/** Opening a preset: one undoable replace of the document, and a line saying so. */
import i18next from 'i18next';
import { withLayout } from '../../graph/layout.ts';
import { useEditor } from '../store.ts';
import type { PresetEntry } from './presets.ts';

export function openPreset(entry: PresetEntry) {
  const { replace, say, lang } = useEditor.getState();
  replace(withLayout(structuredClone(entry.doc)));
  say({ kind: 'info', text: i18next.t('gallery:opened', { name: entry.about?.[lang].title ?? entry.doc.name }) });
}
