/**
 * What the editor opens with. A reloaded tab gets its own document back (its
 * slot, see tab.ts). A new tab opens a share link (`#g=…`) if there is one,
 * else the newest autosaved document (carrying on with it, or a copy when
 * another tab has it open), else the sample; the other documents are offered
 * in the Recovered documents list. Weights come back with their document.
 * A bad link says so and falls back; an unreadable autosave is set aside,
 * never overwritten. Never throws.
 */
import i18next from 'i18next';
import { useEditor } from '../store.ts';
import { useWeights } from '../weights/store.ts';
import { loadGraphValue } from '../../graph/load.ts';
import { emptyDoc, type GraphDoc } from '../../graph/schema.ts';
import { withLayout } from '../../graph/layout.ts';
import type { ImportedWeights } from '../../import/types.ts';
import { SAMPLE_GRAPH } from '../sample-graph.ts';
import { describeLoadError } from '../files/describe.ts';
import { decodeShareHash, isShareHash } from './shareLink.ts';
import { startAutosave } from './autosave.ts';
import { classifyStorageError } from './storageError.ts';
import { usePersist } from './status.ts';
import { claimSlot, claimTabSlot, newSlotId, openSlots, rememberSlot, type SlotClaim } from './tab.ts';
import { deleteSlot, listSlots, moveLegacyRecord, readSlot, readSlotWeights, type SlotSummary, type SlotWeights } from './slots.ts';
import { pickStart, slotsToDrop } from './choose.ts';
import { showRecovered } from './recovered.ts';
import { start } from './start-doc.ts';

const t = i18next.t.bind(i18next);

function sampleDoc(): GraphDoc {
  const r = loadGraphValue(SAMPLE_GRAPH);
  return r.ok ? withLayout(r.doc) : emptyDoc();
}

/** Remove `#g=…` from the address bar, so a reload shows the autosaved work, edits included. */
function clearShareHash() {
  try {
    history.replaceState(history.state, '', location.pathname + location.search);
  } catch {
    location.hash = '';
  }
}

/** Open a share-link hash in the running app (the address bar changed without a reload). */
export function openShareHash(hash: string): boolean {
  const link = decodeShareHash(hash);
  if (link.kind === 'none') return false;
  clearShareHash();
  const { replace, say } = useEditor.getState();
  if (link.kind === 'ok') {
    replace(withLayout(link.doc));
    say({ kind: 'info', text: () => t('files:linkOpened') });
  } else {
    say({ kind: 'error', text: () => t('files:openFailed', { name: t('files:linkLabel'), reason: describeLoadError(link.error, t) }) });
  }
  return true;
}

/** A new tab: old documents pruned, then the newest one (carried on, or copied when open elsewhere) and the rest to offer. */
async function openNewest(claim: SlotClaim, slots: SlotSummary[], withLink: boolean) {
  const open = await openSlots();
  const drop = slotsToDrop(slots, open, claim.id);
  await Promise.all(drop.map((s) => deleteSlot(s.id).catch(() => undefined)));
  const kept = slots.filter((s) => !drop.includes(s));
  // A link opens in this tab's own new slot: every document stays where it is, on offer.
  const pick = withLink ? null : pickStart(kept, open);
  let how = pick?.how;
  if (pick && how === 'adopt') {
    const adopted = await claimSlot(pick.slot.id);
    if (adopted) {
      claim.release();
      claim = adopted;
      rememberSlot(adopted.id);
    } else how = 'copy'; // another tab took it a moment ago
  }
  return { claim, pick: pick && how ? { slot: pick.slot, how } : null, others: kept.filter((s) => s !== pick?.slot), open };
}

export async function startup(): Promise<void> {
  let canWrite = true;
  let saveNow = true;
  let written = false;
  let claim: SlotClaim = { id: newSlotId(), release() {} };
  let stored: ImportedWeights | null = null;
  try {
    const link = decodeShareHash(location.hash);
    const tab = await claimTabSlot();
    claim = tab.claim;
    const legacy = await moveLegacyRecord();
    let base: GraphDoc | null = null;
    let weights: SlotWeights = { kind: 'none' };
    let notice: { kind: 'error' | 'info'; text: string } | null = null;
    let offer: Parameters<typeof showRecovered>[0] | null = null;
    let copyOf: string | null = null;

    if (legacy.kind === 'unreadable') notice = { kind: 'error', text: t('files:legacyUnreadable', { reason: describeLoadError(legacy.error, t) }) };

    let newTab = !tab.reloaded;
    if (tab.reloaded) {
      const saved = await readSlot(claim.id);
      if (saved.kind === 'ok') {
        base = withLayout(saved.doc);
        saveNow = !!saved.fromStash;
        written = true;
        weights = await readSlotWeights(claim.id);
      } else if (saved.kind === 'unreadable') {
        canWrite = saved.kept;
        const reason = describeLoadError(saved.error, t);
        notice = { kind: 'error', text: t(saved.kept ? 'files:autosaveUnreadable' : 'files:autosaveUnreadableNotKept', { reason }) };
      } else if (saved.kind === 'failed') {
        // Could not read: do not write either, so whatever is stored stays.
        canWrite = false;
        if (saved.stash) base = withLayout(saved.stash);
        const kind = classifyStorageError(saved.error);
        usePersist.setState({ problem: kind === 'other' ? 'read-failed' : kind, detail: String((saved.error as Error)?.message ?? saved.error) });
      } else newTab = true; // its slot is gone (never written, or discarded from another tab)
    }

    if (newTab) {
      let slots: SlotSummary[] | null = null;
      try {
        slots = await listSlots();
      } catch (error) {
        canWrite = false;
        const kind = classifyStorageError(error);
        usePersist.setState({ problem: kind === 'other' ? 'read-failed' : kind, detail: String((error as Error)?.message ?? error) });
      }
      if (slots) {
        const r = await openNewest(claim, slots, link.kind === 'ok');
        claim = r.claim;
        if (r.pick) {
          base = withLayout(r.pick.slot.doc);
          weights = await readSlotWeights(r.pick.slot.id);
          written = r.pick.how === 'adopt';
          // A copy of another tab's document is written at its first change, so an untouched tab leaves nothing behind.
          saveNow = written && !!r.pick.slot.fromStash;
          if (r.pick.how === 'copy') copyOf = r.pick.slot.name;
        }
        if (r.others.length) offer = { items: r.others, open: r.open, opened: r.pick ? { name: r.pick.slot.name, copy: r.pick.how === 'copy' } : null };
      }
    }

    // What the slot holds of its weights; the store gets them only when their graph is what opens.
    if (weights.kind === 'ok' && written) stored = weights.weights;
    if (link.kind === 'ok') {
      if (base) {
        // This tab's earlier work stays one Undo away (and its weights go, as when opening a file).
        start(base);
        useEditor.getState().replace(withLayout(link.doc));
        notice = { kind: 'info', text: t('files:linkOpened') };
      } else {
        start(withLayout(link.doc));
        notice ??= { kind: 'info', text: t('files:linkOpenedFresh') };
      }
      saveNow = true;
    } else {
      start(base ?? sampleDoc());
      if (weights.kind === 'ok') useWeights.getState().setWeights(weights.weights, weights.source);
      else if (weights.kind === 'bad') notice = { kind: 'error', text: t('files:weightsUnreadable', { reason: weights.message }) };
      if (link.kind === 'bad') {
        const reason = describeLoadError(link.error, t);
        notice = { kind: 'error', text: t(base ? 'files:linkBadAutosave' : 'files:linkBadSample', { reason }) };
      } else if (copyOf !== null && !offer) notice ??= { kind: 'info', text: t('files:copyOpened', { name: copyOf }) };
    }
    if (isShareHash(location.hash)) clearShareHash();
    if (notice) useEditor.getState().say(notice);
    if (offer) showRecovered(offer);
  } catch (e) {
    // Nothing above should throw; if it does, still open the editor on the sample, and write nothing.
    canWrite = false;
    start(sampleDoc());
    if (import.meta.env.DEV) console.error(e);
  }
  startAutosave({ claim, canWrite, saveNow, written, weights: stored });
  window.addEventListener('hashchange', () => void openShareHash(location.hash));
}
