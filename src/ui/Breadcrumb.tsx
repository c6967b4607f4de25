/** Where you are: the model, then each composite opened inside it. */
import { useTranslation } from 'react-i18next';
import { useEditor } from './store.ts';
import { graphAt } from '../graph/commands.ts';

export function Breadcrumb() {
  const { t } = useTranslation('app');
  const path = useEditor((s) => s.path);
  const doc = useEditor((s) => s.history.present);
  const up = useEditor((s) => s.up);
  if (path.length === 0) return null;
  const names = path.map((id, i) => {
    const n = graphAt(doc, path.slice(0, i))?.nodes.find((x) => x.id === id);
    return String(n?.params?.name ?? n?.params?.role ?? id);
  });
  return (
    <nav className="breadcrumb" aria-label="breadcrumb">
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
