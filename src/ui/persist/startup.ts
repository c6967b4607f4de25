/**
 * What the editor opens with: the graph in a share link (`#g=…`), else the
 * autosaved work, else the sample. A bad link says so and falls back; an
 * unreadable autosave is set aside, never overwritten. Never throws.
 */
import i18next from 'i18next';
import { useEditor } from '../store.ts';
import { loadGraphValue } from '../../graph/load.ts';
import { emptyDoc, type GraphDoc } from '../../graph/schema.ts';
import { withLayout } from '../../graph/layout.ts';
import { SAMPLE_GRAPH } from '../sample-graph.ts';
import { describeLoadError } from '../files/describe.ts';
import { decodeShareHash, isShareHash } from './shareLink.ts';
import { readAutosave, startAutosave } from './autosave.ts';
import { classifyStorageError } from './storageError.ts';
import { usePersist } from './status.ts';

const t = i18next.t.bind(i18next);

function sampleDoc(): GraphDoc {
  const r = loadGraphValue(SAMPLE_GRAPH);
  return r.ok ? withLayout(r.doc) : emptyDoc();
}

/** Open `doc` as the starting point: nothing to undo before it. */
function start(doc: GraphDoc) {
  const s = useEditor.getState();
  s.replace(doc);
  useEditor.setState((st) => ({ history: { ...st.history, past: [], future: [] } }));
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
    say({ kind: 'info', text: t('files:linkOpened') });
  } else {
    say({ kind: 'error', text: t('files:openFailed', { name: t('files:linkLabel'), reason: describeLoadError(link.error, t) }) });
  }
  return true;
}

export async function startup(): Promise<void> {
  let canWrite = true;
  let saveNow = true;
  try {
    const link = decodeShareHash(location.hash);
    const saved = await readAutosave();
    let base: GraphDoc | null = null;
    let notice: { kind: 'error' | 'info'; text: string } | null = null;

    if (saved.kind === 'ok') {
      base = withLayout(saved.doc);
      saveNow = !!saved.fromStash;
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
    }

    if (link.kind === 'ok') {
      if (base) {
        // The earlier work stays one Undo away.
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
      if (link.kind === 'bad') {
        const reason = describeLoadError(link.error, t);
        notice = { kind: 'error', text: t(base ? 'files:linkBadAutosave' : 'files:linkBadSample', { reason }) };
      }
    }
    if (isShareHash(location.hash)) clearShareHash();
    if (notice) useEditor.getState().say(notice);
  } catch (e) {
    // Nothing above should throw; if it does, still open the editor on the sample, and write nothing.
    canWrite = false;
    start(sampleDoc());
    if (import.meta.env.DEV) console.error(e);
  }
  startAutosave({ canWrite, saveNow });
  window.addEventListener('hashchange', () => void openShareHash(location.hash));
}
