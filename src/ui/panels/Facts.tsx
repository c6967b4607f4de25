/** A titled list of label → value pairs (the summary's totals blocks). */
import type { ReactNode } from 'react';

export function Facts({ title, rows, testId }: { title: string; rows: [string, ReactNode][]; testId?: string }) {
  return (
    <section className="summary-section" data-testid={testId}>
      <h3>{title}</h3>
      <dl className="summary-facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
