/** The kind's title, category colour and id, and what it does (from the node spec's docs). */
import { useTranslation } from 'react-i18next';
import type { AnyNodeSpec } from '../../nodes/spec.ts';
import type { GraphNode } from '../../graph/schema.ts';
import { CATEGORY_COLORS } from '../canvas/colors.ts';
import { useEditor } from '../store.ts';

/** Doc text with `code` spans. */
export function DocText({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}

export function NodeHeader({ node, spec }: { node: GraphNode; spec: AnyNodeSpec | undefined }) {
  const { t } = useTranslation('inspector');
  const lang = useEditor((s) => s.lang);
  const doc = spec?.doc[lang];
  const color = spec ? CATEGORY_COLORS[spec.category] : CATEGORY_COLORS.unknown;
  return (
    <header className="insp-head" style={{ borderTopColor: color }}>
      <h2>
        <span className="insp-title">{doc?.title ?? node.kind}</span>
        <code className="insp-id" title={t('idTip')}>
          {node.id}
        </code>
      </h2>
      {doc ? (
        <>
          <p className="insp-summary">
            <DocText text={doc.summary} />
          </p>
          <p className="insp-detail">
            <DocText text={doc.detail} />
          </p>
        </>
      ) : (
        <p className="insp-detail">{t('unknownKind', { kind: node.kind })}</p>
      )}
    </header>
  );
}
