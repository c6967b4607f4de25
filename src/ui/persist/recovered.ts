/**
 * The Recovered documents list: the other documents autosaved in this
 * browser (one per tab that was ever edited), offered when a new tab starts
 * and from Autosaved documents… (the ▾ beside Open file…). Open one to carry on with it (a copy
 * when another tab has it open; the document on screen stays in its own
 * slot), or discard one.
 */
import i18next from 'i18next';
import { create } from 'zustand';
import { useEditor } from '../store.ts';
import { useWeights } from '../weights/store.ts';
import { withLayout } from '../../graph/layout.ts';
import { describeLoadError } from '../files/describe.ts';
import { currentSlot, flushAutosave, switchSlot } from './autosave.ts';
import { deleteSlot, listSlots, readSlot, readSlotWeights, type SlotSummary } from './slots.ts';
import { claimSlot, newSlotId, openSlots, rememberSlot } from './tab.ts';
import { start } from './start-doc.ts';
import { errorText } from './idb.ts';

const t = i18next.t.bind(i18next);

export interface RecoveredItem {
  id: string;
  name: string;
  nodes: number;
  savedAt: number;
  hasWeights: boolean;
  /** Open in another tab right now: it can be opened as a copy, not discarded. */
  openElsewhere: boolean;
}

export interface RecoveredState {
  shown: boolean;
  items: RecoveredItem[];
  /** At startup: the document this tab opened by itself (a copy when another tab has it open). */
  opened: { name: string; copy: boolean } | null;
  /** An open or a discard is under way. */
  busy: boolean;
}

export const useRecovered = create<RecoveredState>()(() => ({ shown: false, items: [], opened: null, busy: false }));

function items(slots: SlotSummary[], open: ReadonlySet<string> | null): RecoveredItem[] {
  return slots.map((s) => ({ id: s.id, name: s.name, nodes: s.nodes, savedAt: s.savedAt, hasWeights: s.hasWeights, openElsewhere: open?.has(s.id) ?? false }));
}

export function showRecovered({ items: slots, open, opened }: { items: SlotSummary[]; open: ReadonlySet<string> | null; opened: RecoveredState['opened'] }) {
  useRecovered.setState({ shown: true, items: items(slots, open), opened, busy: false });
}

export function closeRecovered() {
  useRecovered.setState({ shown: false, opened: null });
}

/** Autosaved documents… (the ▾ beside Open file…): every document but this tab's. */
export async function showOtherDocuments(): Promise<void> {
  try {
    const [slots, open] = await Promise.all([listSlots(), openSlots()]);
    const here = currentSlot();
    useRecovered.setState({ shown: true, items: items(slots.filter((s) => s.id !== here), open), opened: null, busy: false });
  } catch (e) {
    useEditor.getState().say({ kind: 'error', text: () => t('files:docsUnreadable', { reason: errorText(e) }) });
  }
}

const drop = (id: string) => {
  const rest = useRecovered.getState().items.filter((i) => i.id !== id);
  useRecovered.setState({ items: rest, shown: rest.length > 0, busy: false });
};

/** Carry on with document `id` in this tab. The document on screen is written first and stays in its slot. */
export async function openRecovered(id: string): Promise<void> {
  const say = useEditor.getState().say;
  useRecovered.setState({ busy: true });
  try {
    if (!(await flushAutosave())) {
      say({ kind: 'error', text: () => t('files:docsSwitchUnsaved') });
      return;
    }
    const read = await readSlot(id);
    if (read.kind !== 'ok') {
      const reason = read.kind === 'unreadable' ? describeLoadError(read.error, t) : read.kind === 'failed' ? errorText(read.error) : t('files:docsGone');
      say({ kind: 'error', text: () => t('files:docsOpenFailed', { reason }) });
      if (read.kind !== 'failed') drop(id);
      return;
    }
    const w = await readSlotWeights(id);
    const weights = w.kind === 'ok' ? w : null;
    // Carry on in its slot when no tab has it open; otherwise a copy in a new slot, so the tabs never write over each other.
    const open = await openSlots();
    const adopted = open && !open.has(id) ? await claimSlot(id) : null;
    const claim = adopted ?? (await claimSlot(newSlotId())) ?? { id: newSlotId(), release() {} };
    rememberSlot(claim.id);
    const doc = withLayout(read.doc);
    // An unload copy newer than IndexedDB's is written into the slot at once (as at startup).
    switchSlot(claim, doc, weights?.weights ?? null, { written: adopted !== null, saveNow: adopted !== null && !!read.fromStash }, () => {
      start(doc);
      if (weights) useWeights.getState().setWeights(weights.weights, weights.source);
    });
    closeRecovered();
    say({ kind: 'info', text: () => t(adopted ? 'files:docsOpened' : 'files:docsOpenedCopy', { name: doc.name }) });
    if (w.kind === 'bad') say({ kind: 'error', text: () => t('files:weightsUnreadable', { reason: w.message }) });
  } finally {
    useRecovered.setState({ busy: false });
  }
}

/** Delete document `id` for good (the list asked first). */
export async function discardRecovered(id: string): Promise<void> {
  const item = useRecovered.getState().items.find((i) => i.id === id);
  if (!item || item.openElsewhere) return;
  useRecovered.setState({ busy: true });
  // Held while deleting, so a tab that starts now cannot carry on with it meanwhile.
  const claim = await claimSlot(id);
  if (!claim) {
    useRecovered.setState({ busy: false, items: useRecovered.getState().items.map((i) => (i.id === id ? { ...i, openElsewhere: true } : i)) });
    return;
  }
  try {
    await deleteSlot(id);
    drop(id);
    useEditor.getState().say({ kind: 'info', text: () => t('files:docsDiscarded', { name: item.name }) });
  } catch (e) {
    useRecovered.setState({ busy: false });
    useEditor.getState().say({ kind: 'error', text: () => t('files:docsDiscardFailed', { name: item.name, reason: errorText(e) }) });
  } finally {
    claim.release();
  }
}
