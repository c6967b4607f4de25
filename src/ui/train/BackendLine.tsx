/** Which tfjs backend trains (or will be tried), and why the others were skipped. */
import { useTranslation } from 'react-i18next';
import type { BackendReport } from '../../train/backend/select.ts';
import { PROBE_ORDER } from '../../train/backend/select.ts';
import type { TrainConfig } from '../../train/config.ts';
import { useSay } from '../../i18n/useText.ts';

export function BackendLine({ report, choice }: { report: BackendReport | null; choice: TrainConfig['backend'] }) {
  const { t } = useTranslation('train');
  const say = useSay();
  if (!report) {
    return (
      <div className="train-backend muted" data-testid="train-backend">
        {choice === 'auto' ? t('backendPendingProbe', { order: PROBE_ORDER.join(', ') }) : t('backendPending', { order: choice })}
      </div>
    );
  }
  const measured = report.probe?.measured.map((m) => t('backendMsPerBatch', { name: m.backend, ms: Math.round(m.msPerBatch) })).join(', ');
  const extras = report.wasm ? [report.wasm.simd ? t('backendSimd') : null, t('backendThreads', { count: report.wasm.threads })].filter(Boolean).join(', ') : '';
  return (
    <div className="train-backend" data-testid="train-backend" data-backend={report.active} data-threads={report.wasm?.threads} data-simd-kernels={report.wasm?.simdKernels}>
      <strong>{t('backendInUse', { name: extras ? `${report.active} (${extras})` : report.active })}</strong>
      {report.probe && (
        <div className="train-backend-probe" data-testid="train-backend-probe" data-measured={report.probe.measured.map((m) => `${m.backend}:${Math.round(m.msPerBatch)}`).join(',')}>
          {t(report.probe.remembered ? 'backendRemembered' : 'backendMeasured', { list: measured })}
        </div>
      )}
      {report.skipped.map((s) => (
        <div key={s.backend} className="train-backend-skipped">
          {t('backendSkipped', { name: s.backend, reason: say({ text: s.text, message: s.reason }) })}
        </div>
      ))}
      {report.untried.length > 0 && <div className="muted">{t('backendUntried', { names: report.untried.join(', ') })}</div>}
    </div>
  );
}
