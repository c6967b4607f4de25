/** A validation message (fields/types.ts Msg) in the current language. */
import { useTranslation } from 'react-i18next';
import type { Msg } from './fields/types.ts';

export function MsgText({ msg }: { msg: Msg }) {
  const { t } = useTranslation('inspector');
  if (msg.key === 'issue_at') {
    const { where, inner, ...values } = msg.values ?? {};
    return <>{t('issue_at', { where, message: t(String(inner), values) })}</>;
  }
  return <>{t(msg.key, msg.values)}</>;
}
