/** Text in the language on screen now, for code outside React (notices said once, in the language of the moment). */
import i18next from 'i18next';
import { render, wordsOf, type Lang, type Text } from './text.ts';

export const langNow = (): Lang => (i18next.language === 'ko' ? 'ko' : 'en');

export function sayNow(v: Text | { text?: Text; message?: string }): string {
  return 'key' in v && typeof v.key === 'string' ? render(v as Text, langNow()) : wordsOf(v as { text?: Text; message?: string }, langNow());
}
