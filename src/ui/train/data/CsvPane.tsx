/**
 * "CSV file": numeric columns, one of them (or none, for autoencoders) the
 * label. A problem names its row, column and value; a text column can be
 * left out or made the label with one click.
 */
import { useTranslation } from 'react-i18next';
import { csvKey, openCsv, prepareCsvNow, setCsvChoice, type PickerContext } from './actions.ts';
import { DropZone } from './DropZone.tsx';
import { fitsInput, shapeText } from './fit.ts';
import { needsLabels } from './prepare.ts';
import { PreparedView } from './PreparedView.tsx';
import { ProblemLine } from './ProblemLine.tsx';
import { usePicker } from './store.ts';

export function CsvPane({ ctx }: { ctx: PickerContext }) {
  const { t } = useTranslation('results');
  const csv = usePicker((s) => s.csv);
  const open = (f: File | undefined) => f && void openCsv(f, ctx);
  const table = csv?.table ?? null;
  const colName = (i: number) => (table && table.hasHeader ? `${i + 1}: ${table.columns[i]}` : t('columnN', { n: i + 1 }));
  const r = csv?.prepared?.result;
  const badColumn = r && !r.ok && r.problem.code === 'not-a-number' ? r.problem.column : undefined;
  const shape = r?.ok ? r.value.summary.shape : null;

  return (
    <div className="dp-pane" data-testid="data-csv">
      <DropZone
        onDrop={(dt) => open(dt.files[0])}
        onPick={(files) => open(files[0])}
        accept=".csv,.tsv,.txt,text/csv"
        button={t('chooseCsv')}
        hint={t('csvHint')}
        testId="data-csv-input"
      />
      {csv && (
        <>
          <p className="dp-file" title={csv.fileName}>
            <span className="dp-file-name">{csv.fileName}</span>
            {table && <span className="dp-muted"> {t('csvSize', { rows: table.rows.length, columns: table.columns.length })}</span>}
          </p>
          {csv.problem && <ProblemLine problem={csv.problem} />}
          {table && (
            <label className="dp-field">
              <span>{t('labelColumn')}</span>
              <select
                value={csv.labelColumn ?? ''}
                onChange={(e) => setCsvChoice({ labelColumn: e.target.value === '' ? null : Number(e.target.value) }, ctx)}
                data-testid="data-label-column"
              >
                <option value="">{t(needsLabels(ctx.task) ? 'labelNoneNeeded' : 'labelNone')}</option>
                {table.columns.map((_, i) =>
                  csv.ignore.includes(i) ? null : (
                    <option key={i} value={i}>
                      {colName(i)}
                    </option>
                  ),
                )}
              </select>
            </label>
          )}
          {table && csv.ignore.length > 0 && (
            <p className="dp-ignored">
              {t('leftOut')}{' '}
              {csv.ignore.map((c) => (
                <button key={c} className="dp-chip" onClick={() => setCsvChoice({ ignore: csv.ignore.filter((x) => x !== c) }, ctx)} title={t('putBack')}>
                  {colName(c)} ×
                </button>
              ))}
            </p>
          )}
          {table && (
            <PreparedView
              prepared={csv.prepared}
              currentKey={csvKey(ctx, csv)}
              task={ctx.task}
              value={ctx.value}
              onUse={() => prepareCsvNow(ctx)}
              onNormal={(n) => setCsvChoice({ normalClass: n }, ctx)}
              problemActions={
                badColumn !== undefined && (
                  <span className="dp-actions">
                    <button className="dp-button" onClick={() => setCsvChoice({ ignore: [...csv.ignore, badColumn] }, ctx)} data-testid="data-leave-out">
                      {t('leaveOut', { column: colName(badColumn) })}
                    </button>
                    {csv.labelColumn !== badColumn && (
                      <button className="dp-button" onClick={() => setCsvChoice({ labelColumn: badColumn }, ctx)}>
                        {t('makeLabel', { column: colName(badColumn) })}
                      </button>
                    )}
                  </span>
                )
              }
              fitNote={
                shape &&
                ctx.inputShape &&
                !fitsInput(shape, ctx.inputShape) && (
                  <p className="dp-misfit" data-testid="data-misfit">
                    {t('csvNoFit', { input: shapeText(ctx.inputShape), count: shape.reduce((a, b) => a * b, 1) })}
                  </p>
                )
              }
            />
          )}
        </>
      )}
    </div>
  );
}
