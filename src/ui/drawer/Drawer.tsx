/**
 * A drawer under the canvas (code, training) that the user sizes: drag the
 * splitter on its top edge, or focus it and use the arrow keys (Home/End for
 * the smallest and largest, Enter to expand or restore), or press ⤢ to cover
 * the canvas with it. The size is remembered per drawer (size.ts).
 */
import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clampFraction, KEY_STEP, MAX_FRACTION, MIN_FRACTION, useDrawerSize } from './size.ts';
import './drawer.css';

export function Drawer({ id, name, fallback, children }: { id: string; /** The drawer's name, for the splitter's and button's labels. */ name: string; fallback: number; children: ReactNode }) {
  const { t } = useTranslation('app');
  const [size, setSize] = useDrawerSize(id, fallback);
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  /** The share of the centre column below a pointer at `clientY`. */
  const fractionAt = (clientY: number) => {
    const column = box.current?.parentElement?.getBoundingClientRect();
    return column && column.height > 0 ? (column.bottom - clientY) / column.height : size.fraction;
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    dragging.current = true;
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) setSize({ fraction: fractionAt(e.clientY), expanded: false });
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const from = size.expanded ? MAX_FRACTION : size.fraction;
    const to =
      e.key === 'ArrowUp' ? from + KEY_STEP
      : e.key === 'ArrowDown' ? from - KEY_STEP
      : e.key === 'PageUp' ? from + 4 * KEY_STEP
      : e.key === 'PageDown' ? from - 4 * KEY_STEP
      : e.key === 'Home' ? MIN_FRACTION
      : e.key === 'End' ? MAX_FRACTION
      : null;
    if (to !== null) setSize({ fraction: clampFraction(to), expanded: false });
    else if (e.key === 'Enter') setSize({ ...size, expanded: !size.expanded });
    else return;
    e.preventDefault();
  };

  const percent = Math.round((size.expanded ? 1 : size.fraction) * 100);
  return (
    <div
      ref={box}
      id={`drawer-${id}`}
      className={size.expanded ? 'drawer expanded' : 'drawer'}
      style={size.expanded ? undefined : { height: `${size.fraction * 100}%` }}
      data-testid={`drawer-${id}`}
      data-expanded={size.expanded}
    >
      <div
        className="drawer-splitter"
        role="separator"
        aria-orientation="horizontal"
        aria-controls={`drawer-${id}`}
        aria-label={t('drawerResize', { name })}
        title={t('drawerResizeTitle')}
        aria-valuemin={Math.round(MIN_FRACTION * 100)}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('drawerHeight', { percent })}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
        data-testid={`drawer-${id}-splitter`}
      />
      <button
        className="drawer-expand"
        onClick={() => setSize({ ...size, expanded: !size.expanded })}
        aria-pressed={size.expanded}
        aria-label={t(size.expanded ? 'drawerRestore' : 'drawerExpand', { name })}
        title={t(size.expanded ? 'drawerRestore' : 'drawerExpand', { name })}
        data-testid={`drawer-${id}-expand`}
      >
        {size.expanded ? '⤡' : '⤢'}
      </button>
      {children}
    </div>
  );
}
