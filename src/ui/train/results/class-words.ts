/**
 * Class names as the reader reads them: the built-in sets' names (circle,
 * background, abnormal…) in the language on screen, every other name (the
 * user's labels and folders, digits) as it is. Events keep the data's own
 * names; the views get a copy with the words.
 */
import { useMemo } from 'react';
import { classText, WORDED_CLASSES } from '../../../data/class-names.ts';
import { render, type Lang } from '../../../i18n/text.ts';
import { useLang } from '../../../i18n/useText.ts';

export function classWord(name: string, lang: Lang): string {
  const v = classText(name);
  return typeof v === 'string' ? v : render(v as Parameters<typeof render>[0], lang);
}

/** The event with its class names in the reader's language (the same object when none has words). */
export function useWorded<E extends object>(event: E | null): E | null {
  const lang = useLang();
  return useMemo(() => {
    if (!event || !('classNames' in event)) return event;
    const names = event.classNames as readonly string[];
    return names.some((n) => WORDED_CLASSES.has(n)) ? { ...event, classNames: names.map((n) => classWord(n, lang)) } : event;
  }, [event, lang]);
}
