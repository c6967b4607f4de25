/** A number box with the range of its schema (the spinner respects it; typing is validated by the form). */
import type { NumberInfo } from './zod-schema.ts';

interface Props {
  info: NumberInfo;
  value: string;
  onChange(text: string): void;
  id?: string;
  label?: string;
  invalid?: boolean;
}

/** Spinner step: 1 for integers, finer for small real ranges (rates, momentum). */
function step(info: NumberInfo): number {
  if (info.int) return 1;
  return info.min !== undefined && info.max !== undefined && info.max - info.min <= 1 ? 0.01 : 0.1;
}

export function rangeText(info: NumberInfo): string {
  const lo = info.min === undefined ? '' : `${info.min}${info.minInclusive ? ' ≤' : ' <'} `;
  const hi = info.max === undefined ? '' : ` ${info.maxInclusive ? '≤' : '<'} ${info.max}`;
  return lo || hi ? `${lo}x${hi}` : '';
}

export function NumberInput({ info, value, onChange, id, label, invalid }: Props) {
  return (
    <input
      type="number"
      className="field-number"
      id={id}
      aria-label={label}
      aria-invalid={invalid || undefined}
      value={value}
      step={step(info)}
      min={info.min !== undefined && info.minInclusive ? info.min : undefined}
      max={info.max !== undefined && info.maxInclusive ? info.max : undefined}
      title={rangeText(info) || undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
