/** Where you are: the model, then each composite opened inside it. */
import { useTranslation } from 'react-i18next';
import { useEditor } from './store.ts';
import { pathNames } from './panels/where.ts';
import { useLang } from '../i18n/useText.ts';

export function Breadcrumb() {
  const { t } = useTranslation('app');
  const path = useEditor((s) => s.path);
  const doc = useEditor((s) => s.history.present);
  const up = useEditor((s) => s.up);
  const lang = useLang();
  if (path.length === 0) return null;
  const names = pathNames(doc, path, lang);
  return (
    <nav className="breadcrumb" aria-label={t('breadcrumb')}>
      <button onClick={() => up(0)}>{t('topLevel')}</button>
      {names.map((name, i) => (
        <span key={i}>
          {' › '}
          {i === names.length - 1 ? <b>{name}</b> : <button onClick={() => up(i + 1)}>{name}</button>}
        </span>
      ))}
    </nav>
  );
}
