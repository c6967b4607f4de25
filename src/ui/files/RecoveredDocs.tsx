/**
 * Recovered documents: the other documents autosaved in this browser, each
 * with its name, node count and when it was saved; open one, or discard it
 * (after asking). Shown when a new tab starts and there are any, and from
 * Autosaved documents… in the ▾ beside Open file…. A card in the canvas's top right corner,
 * not modal: the canvas stays usable.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { closeRecovered, discardRecovered, openRecovered, useRecovered } from '../persist/recovered.ts';
import './recovered.css';

/** "5 minutes ago", "어제": in the reader's language, relative to now. */
export function savedAgo(at: number, now: number, lang: string): string {
  const seconds = Math.round((at - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 26 * 86400) return rtf.format(Math.round(seconds / 86400), 'day');
  return new Date(at).toLocaleDateString(lang, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function RecoveredDocs() {
  const { t, i18n } = useTranslation('files');
  const { shown, items, opened, busy } = useRecovered(useShallow((s) => ({ shown: s.shown, items: s.items, opened: s.opened, busy: s.busy })));
  const [asking, setAsking] = useState<string | null>(null);
  if (!shown) return null;
  const now = Date.now();
  return (
    <section
      className="recovered"
      role="dialog"
      aria-labelledby="recovered-title"
      data-testid="recovered"
      onKeyDown={(e) => {
        if (e.key === 'Escape') closeRecovered();
      }}
    >
      <header className="recovered-head">
        <strong id="recovered-title">{t(opened ? 'docsRecovered' : 'docsTitle')}</strong>
        <button type="button" className="recovered-close" onClick={closeRecovered} aria-label={t('close')} title={t('close')}>
          ×
        </button>
      </header>
      {opened && (
        <p className="recovered-opened" data-testid="recovered-opened">
          {t(opened.copy ? 'docsOpenedNewestCopy' : 'docsOpenedNewest', { name: opened.name })}
        </p>
      )}
      {items.length === 0 ? (
        <p className="recovered-intro">{t('docsNone')}</p>
      ) : (
        <>
          <p className="recovered-intro">{t('docsIntro')}</p>
          <ul className="recovered-list">
            {items.map((d) => (
              <li key={d.id} data-testid="recovered-item" data-name={d.name} data-open-elsewhere={d.openElsewhere || undefined}>
                <div className="recovered-what">
                  <span className="recovered-name" title={d.name}>
                    {d.name || t('docsUntitled')}
                  </span>
                  <span className="recovered-meta">
                    {[
                      t('docsNodes', { count: d.nodes }),
                      t('docsSaved', { when: savedAgo(d.savedAt, now, i18n.language) }),
                      d.hasWeights ? t('docsWithWeights') : '',
                      d.openElsewhere ? t('docsOpenElsewhere') : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </div>
                {asking === d.id ? (
                  <div className="recovered-actions recovered-ask" role="group" aria-label={t('docsDiscardAsk', { name: d.name })}>
                    <span>{t('docsDiscardAsk', { name: d.name })}</span>
                    <button type="button" className="danger" disabled={busy} onClick={() => void discardRecovered(d.id).then(() => setAsking(null))} data-action="discard-confirm">
                      {t('docsDiscard')}
                    </button>
                    <button type="button" disabled={busy} onClick={() => setAsking(null)} data-action="discard-cancel">
                      {t('docsKeep')}
                    </button>
                  </div>
                ) : (
                  <div className="recovered-actions">
                    <button type="button" className="primary" disabled={busy} onClick={() => void openRecovered(d.id)} title={t(d.openElsewhere ? 'docsOpenCopyTip' : 'docsOpenTip')} data-action="open-doc">
                      {t(d.openElsewhere ? 'docsOpenCopy' : 'docsOpen')}
                    </button>
                    {!d.openElsewhere && (
                      <button type="button" disabled={busy} onClick={() => setAsking(d.id)} title={t('docsDiscardTip')} data-action="discard-doc">
                        {t('docsDiscard')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
