/**
 * The palette: every node kind, grouped by section, with a filter box.
 * Drag an item onto the canvas, or click it (or press Enter on it) to add the
 * node near the centre of the view.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store.ts';
import { filterSections } from './catalog.ts';
import { PaletteItem } from './PaletteItem.tsx';
import { useAddNode } from './useAddNode.ts';
import { PretrainedDialog } from '../pretrained/PretrainedDialog.tsx';

export function Palette() {
  const { t } = useTranslation('palette');
  const lang = useEditor((s) => s.lang);
  const [query, setQuery] = useState('');
  const [pretrained, setPretrained] = useState(false);
  const add = useAddNode();
  const shown = filterSections(query, lang);
  return (
    <aside className="palette" aria-label={t('title')}>
      <div className="palette-head">
        <input
          type="search"
          className="palette-filter"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
          placeholder={t('filter')}
          aria-label={t('filter')}
        />
        <p className="palette-hint">{t('hint')}</p>
      </div>
      {shown.map((s) => (
        <section key={s.id} className="palette-section" aria-label={t(`section_${s.id}`, { defaultValue: s.id })}>
          <h2>{t(`section_${s.id}`, { defaultValue: s.id })}</h2>
          <ul>
            {s.entries.map((e) => (
              <PaletteItem key={e.kind} entry={e} onAdd={add} />
            ))}
          </ul>
        </section>
      ))}
      {shown.length === 0 && <p className="palette-none">{t('noMatch', { query })}</p>}
      <div className="palette-extra">
        <button onClick={() => setPretrained(true)} title={t('pretrainedHint')} data-testid="add-pretrained">
          ＋ {t('pretrainedButton')}
        </button>
      </div>
      {pretrained && <PretrainedDialog onClose={() => setPretrained(false)} />}
    </aside>
  );
}
