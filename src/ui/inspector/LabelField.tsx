/** The node's free-text label: committed on Enter or when leaving the field; Escape reverts. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setLabel } from '../../graph/commands.ts';
import { useEditor } from '../store.ts';

/** Mount with `key={node.id + label}` so a label changed elsewhere (undo) shows at once. */
export function LabelField({ nodeId, label }: { nodeId: string; label: string }) {
  const { t } = useTranslation('inspector');
  const [text, setText] = useState(label);
  const id = `label-${nodeId}`;
  const commit = () => {
    if (text !== label) useEditor.getState().edit((d, p) => setLabel(d, nodeId, text.trim(), p));
  };
  return (
    <div className="param label-field" data-param="(label)">
      <label className="param-name" htmlFor={id}>
        <span>{t('label')}</span>
      </label>
      <div className="param-control">
        <input
          id={id}
          type="text"
          className="field-text"
          value={text}
          maxLength={120}
          placeholder={t('labelPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            else if (e.key === 'Escape') setText(label);
          }}
        />
      </div>
    </div>
  );
}
