/** A load error in the user's language, saying what is wrong and where. */
import type { TFunction } from 'i18next';
import type { LoadError } from '../../graph/load.ts';
import { GRAPH_VERSION } from '../../graph/schema.ts';
import { sayNow } from '../../i18n/index.ts';

export type OpenError = LoadError | { code: 'link' | 'record' | 'not-json' | 'unreadable'; message: string } | { code: 'file-too-large'; message: string; bytes: number; max: number };

export function describeLoadError(e: OpenError, t: TFunction): string {
  const where = (p: string | undefined) => p || t('files:topLevel');
  switch (e.code) {
    case 'json':
      if (e.line === undefined) return t('files:r_json', { detail: sayNow(e.detail) });
      return t('files:r_jsonAt', { line: e.line, column: e.column, what: sayNow(e.detail) });
    case 'not-json':
      return t('files:r_notJson');
    case 'not-a-graph':
      return t('files:r_notGraph');
    case 'version-too-new':
      return t('files:r_tooNew', { version: /version (\d+)/.exec(e.message)?.[1] ?? '?', max: GRAPH_VERSION });
    case 'version-unknown':
      return t('files:r_versionUnknown', { detail: sayNow(e.detail) });
    case 'schema':
      return t('files:r_schema', { path: where(e.path), detail: sayNow(e.detail) });
    case 'forbidden-key':
      return t('files:r_forbidden', { path: where(e.path) });
    case 'too-large':
      return t('files:r_tooLarge', { detail: sayNow(e.detail) });
    case 'file-too-large':
      return t('files:r_fileTooLarge', { size: (e.bytes / 1024 / 1024).toFixed(1), max: e.max / 1024 / 1024 });
    case 'unreadable':
      return t('files:r_unreadable');
    case 'record':
      return t('files:r_record');
    case 'link':
      return /no graph/.test(e.message) ? t('files:r_linkEmpty') : t('files:r_linkDamaged');
  }
}
