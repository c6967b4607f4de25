/**
 * How tall a drawer under the canvas is, as a share of the space under the
 * toolbar, and whether it is expanded over the canvas; remembered per drawer
 * in localStorage (the code drawer and the train drawer each keep their own).
 */
import { useCallback, useState } from 'react';

export interface DrawerSize {
  /** Share of the centre column (0–1); CSS keeps at least MIN_DRAWER_PX of drawer and MIN_CANVAS_PX of canvas. */
  fraction: number;
  /** Covering the whole canvas (the drawer's ⤢ button, Enter on the splitter). */
  expanded: boolean;
}

export const MIN_FRACTION = 0.15;
export const MAX_FRACTION = 0.9;
/** One arrow-key step, as a share of the column. */
export const KEY_STEP = 0.05;

const key = (id: string) => `netloom.drawer.${id}`;

export const clampFraction = (f: number) => Math.min(MAX_FRACTION, Math.max(MIN_FRACTION, f));

/** The stored size, or the default when there is none (or storage is blocked, or the value is not ours). */
export function readDrawerSize(id: string, fallback: number): DrawerSize {
  try {
    const raw = JSON.parse(localStorage.getItem(key(id)) ?? 'null') as Partial<DrawerSize> | null;
    if (raw && typeof raw.fraction === 'number' && Number.isFinite(raw.fraction)) return { fraction: clampFraction(raw.fraction), expanded: raw.expanded === true };
  } catch {
    // Blocked storage or a value written by something else: start from the default.
  }
  return { fraction: fallback, expanded: false };
}

function writeDrawerSize(id: string, size: DrawerSize): void {
  try {
    localStorage.setItem(key(id), JSON.stringify(size));
  } catch {
    // Storage blocked or full: the size lasts for this page only.
  }
}

/** The drawer's size and a setter that remembers it. */
export function useDrawerSize(id: string, fallback: number): [DrawerSize, (next: DrawerSize) => void] {
  const [size, setSize] = useState(() => readDrawerSize(id, fallback));
  const set = useCallback(
    (next: DrawerSize) => {
      const clamped = { fraction: clampFraction(next.fraction), expanded: next.expanded };
      setSize(clamped);
      writeDrawerSize(id, clamped);
    },
    [id],
  );
  return [size, set];
}
