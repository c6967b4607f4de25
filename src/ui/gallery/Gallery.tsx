/**
 * The presets gallery: a dialog of cards (thumbnail, title, one line,
 * weights, "study only" when it cannot train here) grouped by topic; the
 * chosen card shows its lesson, with Open and Open-and-train.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store.ts';
import { LessonCard } from './LessonCard.tsx';
import { Thumbnail } from './Thumbnail.tsx';
import { TOPICS } from './about.ts';
import { loadPresets, type PresetEntry } from './presets.ts';
import { ASK_FIRST_BYTES, bytesText, TENSOR_MEMORY_LIMIT } from '../../analysis/budget.ts';
import './gallery.css';

export interface GalleryProps {
  onClose(): void;
  onOpen(entry: PresetEntry, train: boolean): void;
}

export function Gallery({ onClose, onOpen }: GalleryProps) {
  const { t } = useTranslation('gallery');
  const lang = useEditor((s) => s.lang);
  const [entries, setEntries] = useState<PresetEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    loadPresets().then(
      (list) => live && (setEntries(list), setChosen((c) => c ?? list[0]?.file ?? null)),
      () => live && setFailed(true),
    );
    return () => void (live = false);
  }, []);

  useEffect(() => {
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const current = entries?.find((e) => e.file === chosen) ?? null;
  const title = (e: PresetEntry) => e.about?.[lang].title ?? e.doc.name;
  const studyNote = (e: PresetEntry) =>
    e.studyOnly?.why === 'any-batch'
      ? t('studyAnyBatch', { need: bytesText(e.studyOnly.need), limit: bytesText(TENSOR_MEMORY_LIMIT) })
      : e.studyOnly?.why === 'batch'
        ? t('studyBatch', { batch: e.studyOnly.batch, need: bytesText(e.studyOnly.need), ask: bytesText(ASK_FIRST_BYTES), limit: bytesText(TENSOR_MEMORY_LIMIT) })
        : null;

  return (
    <div className="gallery-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="gallery" role="dialog" aria-modal="true" aria-label={t('title')} tabIndex={-1} ref={dialog} data-testid="gallery">
        <header>
          <h2>{t('title')}</h2>
          <button onClick={onClose} aria-label={t('close')}>
            ×
          </button>
        </header>
        {failed && <p role="alert">{t('loadFailed')}</p>}
        {!entries && !failed && <p>{t('loading')}</p>}
        {entries && (
          <div className="gallery-body">
            <div className="gallery-cards">
              {TOPICS.map((topic) => {
                const inTopic = entries.filter((e) => (e.about?.topic ?? 'classification') === topic);
                if (!inTopic.length) return null;
                return (
                  <section key={topic}>
                    <h3>{t(`topic_${topic}`)}</h3>
                    <ul>
                      {inTopic.map((e) => (
                        <li key={e.file}>
                          <button
                            className={`preset-card${e.file === chosen ? ' chosen' : ''}`}
                            aria-pressed={e.file === chosen}
                            onClick={() => setChosen(e.file)}
                            onDoubleClick={() => onOpen(e, false)}
                            data-preset={e.file}
                          >
                            <Thumbnail graph={e.doc} />
                            <strong>{title(e)}</strong>
                            <span className="preset-summary">{e.about?.[lang].summary ?? ''}</span>
                            <span className="preset-meta">
                              {t('params', { params: e.params.toLocaleString(lang) })}
                              {e.studyOnly && <em className="study-only"> · {t('studyOnly')}</em>}
                            </span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </section>
                );
              })}
            </div>
            {current && (
              <aside className="gallery-detail" data-testid="gallery-detail">
                {current.about ? <LessonCard about={current.about} lang={lang} /> : <h3>{current.doc.name}</h3>}
                {studyNote(current) && <p className="study-note">{studyNote(current)}</p>}
                <div className="gallery-actions">
                  <button onClick={() => onOpen(current, false)} data-testid="preset-open">
                    {t('open')}
                  </button>
                  <button className="primary" onClick={() => onOpen(current, true)} disabled={current.studyOnly !== null} data-testid="preset-open-train">
                    {t('openTrain')}
                  </button>
                </div>
              </aside>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
