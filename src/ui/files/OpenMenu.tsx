/**
 * "▾" next to Open file…: the ways to bring files in — open a graph or a
 * model (replacing the graph on screen), load a model's weights into the
 * graph on screen, or open another graph autosaved in this browser. A menu rather than another toolbar button, so the
 * toolbar keeps its width in both languages. Escape or a click elsewhere closes it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './open-menu.css';

export function OpenMenu({ onOpen, onLoadWeights, onDocuments }: { onOpen: () => void; onLoadWeights: () => void; onDocuments: () => void }) {
  const { t } = useTranslation('files');
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  // Outside clicks and keys close it while it is open (an event subscription, not derived state).
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (!['ArrowDown', 'ArrowUp', 'Tab', 'Enter', ' ', 'Shift'].includes(e.key)) setOpen(false);
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const items = [...(box.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
      e.preventDefault();
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const items = [
    { action: 'open-file-menu', name: t('open'), hint: t('openHint'), pick: onOpen },
    { action: 'load-weights', name: t('loadWeights'), hint: t('loadWeightsHint'), pick: onLoadWeights },
    { action: 'documents', name: t('docsMenu'), hint: t('docsMenuHint'), pick: onDocuments },
  ];
  return (
    <div className="role-menu open-menu" ref={box}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} aria-label={t('openMore')} title={t('openMore')} onClick={() => setOpen(!open)} data-action="open-more">
        ▾
      </button>
      {open && (
        <ul className="role-menu-list" role="menu">
          {items.map((item, i) => (
            <li key={item.action} role="none">
              <button
                type="button"
                role="menuitem"
                autoFocus={i === 0}
                data-action={item.action}
                onClick={() => {
                  setOpen(false);
                  item.pick();
                }}
              >
                <span className="role-name">{item.name}</span>
                <span className="role-hint">{item.hint}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
