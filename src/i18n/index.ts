/**
 * ko/en strings via i18next. Each UI area keeps its strings in one file under
 * strings/ (one namespace each, English and Korean side by side), so areas
 * never edit each other's files. Node docs come from the node specs.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { app } from './strings/app.ts';
import { palette } from './strings/palette.ts';
import { inspector } from './strings/inspector.ts';
import { panels } from './strings/panels.ts';
import { files } from './strings/files.ts';
import { code } from './strings/code.ts';
import { train } from './strings/train.ts';
import { results } from './strings/results.ts';
import { gallery } from './strings/gallery.ts';
import { latent } from './strings/latent.ts';
import { offline } from './strings/offline.ts';
import { inside } from './strings/inside.ts';
import { render, type Text } from './text.ts';

export const NAMESPACES = { app, palette, inspector, panels, files, code, train, results, gallery, latent, offline, inside } as const;

export type Lang = 'en' | 'ko';
const LANG_KEY = 'netloom.lang';

/** The saved choice, else the browser's language. */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'en' || saved === 'ko') return saved;
  } catch {
    // storage may be blocked; fall through to the browser language
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** Text in the language on screen, for UI code outside React components (file actions, notices made in handlers). */
export function sayNow(t: Text): string {
  return render(t, i18next.language === 'ko' ? 'ko' : 'en');
}

export function saveLang(lang: Lang) {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not persisting a language is harmless
  }
}

export function initI18n(lang: Lang) {
  const resources: Record<Lang, Record<string, Record<string, string>>> = { en: {}, ko: {} };
  for (const [ns, strings] of Object.entries(NAMESPACES)) {
    resources.en[ns] = strings.en;
    resources.ko[ns] = strings.ko;
  }
  void i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'en',
    defaultNS: 'app',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return i18next;
}
