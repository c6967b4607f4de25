/**
 * The add-node search box (like ComfyUI's): double-click empty canvas, type
 * part of a name (English or Korean, fuzzy), pick with the arrow keys and
 * Enter or a click; the node appears where the canvas was double-clicked.
 * Escape or a click outside closes it.
 */
import { useState, type KeyboardEvent } from 'react';
import { useStoreApi } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useEditor, type XY } from '../store.ts';
import { search } from './catalog.ts';
import { useAddNode } from './useAddNode.ts';

const BOX = { w: 320, h: 360 };

export function NodeSearch() {
  const at = useEditor((s) => s.search);
  if (!at) return null;
  // A fresh box (empty query, first item active) for every opening.
  return <SearchBox key={`${at.screen.x},${at.screen.y}`} screen={at.screen} flow={at.flow} />;
}

function SearchBox({ screen, flow }: { screen: XY; flow: XY }) {
  const { t } = useTranslation('palette');
  const lang = useEditor((s) => s.lang);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const add = useAddNode();
  // Where the canvas is on screen, read once per opening: the box stays inside it.
  const store = useStoreApi();
  const [area] = useState(() => store.getState().domNode?.getBoundingClientRect() ?? new DOMRect(0, 0, innerWidth, innerHeight));
  const results = search(query, lang);
  const current = Math.min(active, results.length - 1);
  const close = () => useEditor.getState().openSearch(null);
  const choose = (kind: string | undefined) => {
    if (!kind) return;
    close();
    add(kind, flow);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const n = results.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (n) setActive((current + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(results[current]?.kind);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  // Keep the box over the canvas when the double-click was near its right or bottom edge.
  const left = Math.max(area.left + 8, Math.min(screen.x, area.right - BOX.w - 8));
  const top = Math.max(area.top + 8, Math.min(screen.y, area.bottom - BOX.h - 8));
  const listId = 'node-search-list';

  return (
    <>
      <div className="node-search-backdrop" onMouseDown={close} aria-hidden />
      <div className="node-search" style={{ left, top, width: BOX.w, maxHeight: BOX.h }} role="dialog" aria-label={t('searchTitle')}>
        <input
          autoFocus
          className="node-search-input"
          value={query}
          placeholder={t('searchPlaceholder')}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded
          aria-controls={listId}
          aria-activedescendant={results[current] ? `node-search-${results[current].kind}` : undefined}
          aria-label={t('searchTitle')}
        />
        <ul className="node-search-list" id={listId} role="listbox">
          {results.map((r, i) => (
            <li
              key={r.kind}
              id={`node-search-${r.kind}`}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'active' : undefined}
              data-kind={r.kind}
              ref={i === current ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
              onMouseMove={() => i !== current && setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(r.kind)}
            >
              <span className="node-search-dot" style={{ background: r.color }} />
              <span className="node-search-title">{r.title}</span>
              <span className="node-search-summary">{r.summary}</span>
            </li>
          ))}
          {results.length === 0 && <li className="node-search-none">{t('noMatch', { query })}</li>}
        </ul>
      </div>
    </>
  );
}
