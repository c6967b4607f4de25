/** A validation message (fields/types.ts Msg) in the current language. */
import { useTranslation } from 'react-i18next';
import type { Msg } from './fields/types.ts';
import { isText } from '../../i18n/text.ts';
import { useSay } from '../../i18n/useText.ts';

export function MsgText({ msg }: { msg: Msg }) {
  const { t } = useTranslation('inspector');
  const say = useSay();
  const values = Object.fromEntries(Object.entries(msg.values ?? {}).map(([k, v]) => [k, isText(v) ? say(v) : v]));
  if (msg.key === 'issue_at') {
    const { where, inner, ...rest } = values;
    return <>{t('issue_at', { where, message: t(String(inner), rest) })}</>;
  }
  return <>{t(msg.key, values)}</>;
}
