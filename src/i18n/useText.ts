/** React side of ./text.ts: render Text in the language on screen, re-rendering when it changes. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { render, wordsOf, type Lang, type Text } from './text.ts';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'ko' ? 'ko' : 'en';
}

/** `say(text)` and `say({ text, message })` in the reader's language. */
export function useSay(): (v: Text | { text?: Text; message?: string }) => string {
  const lang = useLang();
  return useCallback((v) => ('key' in v && typeof v.key === 'string' ? render(v as Text, lang) : wordsOf(v as { text?: Text; message?: string }, lang)), [lang]);
}
