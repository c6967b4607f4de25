/**
 * Opening a preset: one undoable replace of the document, and a line saying
 * so. In Korean the graph takes the preset's Korean title as its name (the
 * file names the preset's English name otherwise), so saving it and the
 * trained model give Korean file names.
 */
import i18next from 'i18next';
import { withLayout } from '../../graph/layout.ts';
import { useEditor } from '../store.ts';
import type { PresetEntry } from './presets.ts';

export function openPreset(entry: PresetEntry) {
  const { replace, say, lang } = useEditor.getState();
  const doc = structuredClone(entry.doc);
  const title = entry.about?.ko.title;
  if (lang === 'ko' && title) doc.name = title;
  replace(withLayout(doc));
  // The preset's title in the language on screen when the line is read (it follows a change of language).
  const titleNow = () => entry.about?.[useEditor.getState().lang].title ?? entry.doc.name;
  say({ kind: 'info', text: () => i18next.t('gallery:opened', { name: titleNow() }) });
}
