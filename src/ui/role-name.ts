/** A composite's role (Encoder, Generator, …) in the reader's words, for the canvas, breadcrumb and panels. */
import i18next from 'i18next';
import type { Lang } from '../i18n/index.ts';

/** An unknown role (a file may say anything) is shown as written. */
export function roleName(role: unknown, lang: Lang): string {
  const r = String(role ?? 'Block');
  return i18next.t(`inspector:role_${r}`, { lng: lang, defaultValue: r });
}
