/** The share link, copied to the clipboard when the browser allows it and shown for copying by hand. */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store.ts';
import { MAX_LINK_CHARS, shareUrl } from '../persist/shareLink.ts';

/** Above this many characters some apps cut links short. */
const LONG_LINK = 8000;

export function SharePopover({ onClose, anchor }: { onClose: () => void; anchor: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation('files');
  const doc = useEditor((s) => s.history.present);
  const url = useMemo(() => shareUrl(location.href, doc), [doc]);
  const tooLong = url.length > MAX_LINK_CHARS;
  const [copied, setCopied] = useState<'yes' | 'no' | 'pending'>('pending');
  const box = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
      field.current?.select();
    }
  };

  useEffect(() => {
    if (!tooLong) void copy();
    field.current?.select();
    // Copy once per link shown.
  }, [url]);

  // Escape or a click elsewhere closes it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!box.current?.contains(target) && !anchor.current?.contains(target)) onClose();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [onClose, anchor]);

  return (
    <div className="share-popover" role="dialog" aria-label={t('shareTitle')} ref={box}>
      <div className="share-title">{t('shareTitle')}</div>
      {tooLong ? (
        <p className="share-status error">{t('shareTooLong', { count: url.length })}</p>
      ) : (
        <>
          <p className="share-status" role="status">
            {copied === 'yes' ? t('shareCopied') : copied === 'no' ? t('shareCopyYourself') : '\u00a0'}
          </p>
          <div className="share-row">
            <input ref={field} readOnly value={url} aria-label={t('linkLabel')} data-testid="share-url" onFocus={(e) => e.target.select()} />
            <button type="button" onClick={() => void copy()}>
              {copied === 'yes' ? t('copied') : t('copy')}
            </button>
          </div>
          <p className="share-note">{t('shareNote', { count: url.length })}</p>
          {url.length > LONG_LINK && <p className="share-note">{t('shareLong')}</p>}
        </>
      )}
      <button type="button" className="share-close" onClick={onClose} aria-label={t('close')}>
        ×
      </button>
    </div>
  );
}
