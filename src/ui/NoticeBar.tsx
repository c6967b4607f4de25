/**
 * The banner under the toolbar. An error stays until it is closed (or the
 * next edit succeeds): it may still matter. A notice about something that
 * just happened (opened, imported, cleared) fades on its own after a few
 * seconds — longer for longer sentences — and waits while the pointer or the
 * keyboard focus is on it, or the tab is hidden. With reduced motion it
 * goes without the fade.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor, type Notice } from './store.ts';
import { useSay } from '../i18n/useText.ts';

/** Shortest time an info notice stays, and the reading time per word on top, up to the longest. */
const MIN_MS = 5000;
const PER_WORD_MS = 300;
const MAX_MS = 15_000;
/** The fade's length (base.css `.notice.fading`). */
const FADE_MS = 400;

/** How long a notice of these words stays before it fades. */
export function noticeLifetime(words: string): number {
  return Math.min(MAX_MS, Math.max(MIN_MS, words.split(/\s+/).filter(Boolean).length * PER_WORD_MS));
}

// Each say() is a new notice (even with the same words): its own key, its own clock.
const ids = new WeakMap<Notice, number>();
let next = 0;
const idOf = (n: Notice) => ids.get(n) ?? (ids.set(n, ++next), next);

export function NoticeBar() {
  const notice = useEditor((s) => s.notice);
  return notice ? <NoticeLine key={idOf(notice)} notice={notice} /> : null;
}

function NoticeLine({ notice }: { notice: Notice }) {
  const { t } = useTranslation('app');
  const sayText = useSay();
  const words = typeof notice.text === 'string' ? notice.text : typeof notice.text === 'function' ? notice.text() : sayText(notice.text);
  const fades = notice.kind !== 'error';
  const [fading, setFading] = useState(false);
  const held = useRef({ hover: false, focus: false });
  const dismiss = () => {
    if (useEditor.getState().notice === notice) useEditor.getState().say(null);
  };

  // The clock: runs while nothing holds the notice, pauses (keeping what is left) while something does.
  const left = useRef(noticeLifetime(words));
  const timer = useRef<{ id: ReturnType<typeof setTimeout>; since: number } | null>(null);
  const pause = () => {
    if (!timer.current) return;
    clearTimeout(timer.current.id);
    left.current = Math.max(0, left.current - (performance.now() - timer.current.since));
    timer.current = null;
  };
  const resume = () => {
    if (!fades || timer.current || held.current.hover || held.current.focus || document.hidden) return;
    // Back from a pause: at least a moment to finish reading.
    const wait = Math.max(left.current, 1500);
    timer.current = { id: setTimeout(() => (timer.current = null, fadeOut()), wait), since: performance.now() };
  };
  const fade = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fadeOut = () => {
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) dismiss();
    else {
      setFading(true);
      fade.current = setTimeout(dismiss, FADE_MS);
    }
  };
  useEffect(() => {
    resume();
    const onVisibility = () => (document.hidden ? pause() : resume());
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      pause();
      clearTimeout(fade.current);
    };
    // One clock per notice: the component is keyed by it, so this runs once.
  }, []);
  const hold = (what: 'hover' | 'focus', on: boolean) => {
    held.current[what] = on;
    if (on) {
      // Caught while fading: it stays, and gets its moment again when let go.
      pause();
      clearTimeout(fade.current);
      setFading(false);
    } else resume();
  };

  return (
    <div
      className={`notice ${notice.kind}${fading ? ' fading' : ''}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-fades={fades}
      // A pointer that moves onto it holds it (one that merely rests where the banner appears does not).
      onPointerMove={() => held.current.hover || hold('hover', true)}
      onPointerLeave={() => held.current.hover && hold('hover', false)}
      onFocus={() => hold('focus', true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) hold('focus', false);
      }}
    >
      <span>{words}</span>
      <button onClick={() => useEditor.getState().say(null)} aria-label={t('dismiss')} title={t('dismiss')}>
        ×
      </button>
    </div>
  );
}
