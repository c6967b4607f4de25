/**
 * The editor's one store (zustand). It holds the document history and plain
 * UI state; everything else (analysis, node faces, code) is derived from the
 * present document by memoised selectors, never copied in here.
 *
 * Every document change goes through `edit(command)`, so undo/redo and
 * autosave see all of them, and a refused command only sets a notice.
 */
import { create } from 'zustand';
import type { GraphDoc } from '../graph/schema.ts';
import { emptyDoc } from '../graph/schema.ts';
import type { EditResult } from '../graph/commands.ts';
import { dissolveNodes, graphAt } from '../graph/commands.ts';
import { record, redo, startHistory, undo, type History } from '../graph/history.ts';
import { analyze } from '../analysis/analyze.ts';
import { copyFragment, pasteFragment, type Fragment } from '../graph/clipboard.ts';
import type { Analysis, GraphAnalysis } from '../analysis/types.ts';

import type { Lang } from '../i18n/index.ts';
import type { Text } from '../i18n/text.ts';
export type { Lang };

export interface Notice {
  kind: 'error' | 'info';
  /**
   * Text, or a function giving the words (it calls i18next's t()), both rendered in the language on
   * screen, so switching language turns a notice already up. A plain string stays as it was said.
   */
  text: string | Text | (() => string);
}

export interface EditorState {
  history: History;
  /** Composite ids from the top level down to the graph on screen. */
  path: string[];
  /** Selected node ids in the graph on screen. */
  selection: string[];
  notice: Notice | null;
  lang: Lang;
  /** The add-node search box, open at a canvas position. */
  search: { screen: XY; flow: XY } | null;
  /** The side panel's tab. */
  sideTab: SideTab;
  /** The selection when the tab was picked: a layer picked later while reading the lesson shows the Inspector. */
  sideTabSelection: string[];
  /** Bumped when the view should fit the graph again (open, new, entering a composite). */
  viewEpoch: number;
  clipboard: Fragment | null;

  /**
   * Run a command on the present document; refusals become a notice. Returns the result.
   * Consecutive edits with the same `mergeKey` (e.g. one param of one node) form one undo step.
   */
  edit<R extends EditResult>(command: (doc: GraphDoc, path: string[]) => R, mergeKey?: string): R;
  /** Replace the document (open, new): one undoable step; the view goes to the top level. */
  replace(doc: GraphDoc): void;
  undo(): void;
  redo(): void;
  /** Delete the selected nodes and reconnect what fed each one to what it fed (one undo step). */
  dissolve(): void;
  select(ids: string[]): void;
  open(compositeId: string): void;
  /** Go up to `depth` composites (0 = top level). */
  up(depth: number): void;
  say(notice: Notice | null): void;
  setLang(lang: Lang): void;
  openSearch(at: { screen: XY; flow: XY } | null): void;
  showTab(tab: SideTab): void;
  copy(): void;
  /** Paste the clipboard (offset so the copy does not hide the original) and select it. */
  paste(offset?: XY): void;
}

export type SideTab = 'inspector' | 'problems' | 'summary' | 'lesson';

export interface XY {
  x: number;
  y: number;
}

/** Documents put in place by replace() (Open, a preset, New): undoing or redoing across one refits the view. */
const opened = new WeakSet<GraphDoc>();

/**
 * Which opened graph a document descends from: replace() (Open, a preset,
 * New) starts a new lineage, every edit continues its document's. Undo and
 * redo bring back documents that keep theirs. Things that belong to a graph
 * rather than to one version of it (a training run's results) compare these.
 */
const lineages = new WeakMap<GraphDoc, number>();
let lineageCount = 0;

export function lineageOf(doc: GraphDoc): number {
  let l = lineages.get(doc);
  if (l === undefined) lineages.set(doc, (l = ++lineageCount));
  return l;
}

// The last edit's merge key and the document it produced: merging only continues an unbroken run.
let lastMergeKey: string | undefined;
let lastMergedDoc: GraphDoc | null = null;

export const useEditor = create<EditorState>()((set, get) => ({
  history: startHistory(emptyDoc()),
  path: [],
  selection: [],
  notice: null,
  lang: 'en',
  search: null,
  sideTab: 'inspector',
  sideTabSelection: [],
  viewEpoch: 0,
  clipboard: null,

  edit(command, mergeKey) {
    const { history, path } = get();
    const r = command(history.present, path);
    if (r.ok) {
      const merge = mergeKey !== undefined && mergeKey === lastMergeKey && history.present === lastMergedDoc;
      if (!lineages.has(r.doc)) lineages.set(r.doc, lineageOf(history.present));
      const next = record(history, r.doc, undefined, merge);
      lastMergeKey = mergeKey;
      lastMergedDoc = next.present;
      set({ history: next, notice: null });
    } else set({ notice: { kind: 'error', text: r.reason } });
    return r;
  },
  replace(doc) {
    opened.add(doc);
    lineages.set(doc, ++lineageCount);
    set((s) => ({ history: record(s.history, doc), path: [], selection: [], notice: null, viewEpoch: s.viewEpoch + 1 }));
  },
  undo() {
    set((s) => afterTimeTravel(s, undo(s.history), opened.has(s.history.present)));
  },
  redo() {
    set((s) => {
      const history = redo(s.history);
      return afterTimeTravel(s, history, opened.has(history.present));
    });
  },
  dissolve() {
    const ids = get().selection;
    if (ids.length && get().edit((d, p) => dissolveNodes(d, ids, p)).ok) set({ selection: [] });
  },
  select(ids) {
    const cur = get().selection;
    if (ids.length === cur.length && ids.every((id, i) => id === cur[i])) return;
    set({ selection: ids });
  },
  open(id) {
    const { history, path } = get();
    if (graphAt(history.present, [...path, id])) set((s) => ({ path: [...path, id], selection: [], viewEpoch: s.viewEpoch + 1 }));
  },
  up(depth) {
    set((s) => ({ path: s.path.slice(0, depth), selection: [], viewEpoch: s.viewEpoch + 1 }));
  },
  say(notice) {
    set({ notice });
  },
  setLang(lang) {
    set({ lang });
  },
  openSearch(at) {
    set({ search: at });
  },
  showTab(tab) {
    set({ sideTab: tab, sideTabSelection: get().selection });
  },
  copy() {
    const { history, selection, path } = get();
    const frag = copyFragment(history.present, selection, path);
    if (frag) set({ clipboard: frag });
  },
  paste(offset = { x: 40, y: 40 }) {
    const frag = get().clipboard;
    if (!frag) return;
    const r = get().edit((doc, path) => pasteFragment(doc, frag, offset, path));
    if (r.ok && r.ids) set({ selection: r.ids });
  },
}));

/** After undo/redo the composite on screen may no longer exist: step out to one that does. */
/**
 * Undo/redo: keep the path and selection valid; when the step swaps in a
 * different graph (it undoes or redoes an Open or a preset, or the graphs
 * have no node in common), refit the view as opening does.
 */
function afterTimeTravel(s: EditorState, history: EditorState['history'], acrossOpen: boolean): Partial<EditorState> {
  const before = new Set(s.history.present.nodes.map((n) => n.id));
  const swapped = history.present !== s.history.present && (acrossOpen || !history.present.nodes.some((n) => before.has(n.id)));
  return { ...keepPathValid({ ...s, history }), ...(swapped ? { viewEpoch: s.viewEpoch + 1 } : {}) };
}

function keepPathValid(s: EditorState): Partial<EditorState> {
  let path = s.path;
  while (path.length && !graphAt(s.history.present, path)) path = path.slice(0, -1);
  const g = graphAt(s.history.present, path);
  const selection = s.selection.filter((id) => g?.nodes.some((n) => n.id === id));
  return { history: s.history, path, selection };
}

// Derived values: memoised on the document object, so every component asking gets the same one.
let lastDoc: GraphDoc | null = null;
let lastAnalysis: Analysis | null = null;

/** analyze() of the present document, computed once per document version. */
export function analysisOf(doc: GraphDoc): Analysis {
  if (doc !== lastDoc) {
    lastAnalysis = analyze(doc);
    lastDoc = doc;
  }
  return lastAnalysis!;
}

export const useDoc = () => useEditor((s) => s.history.present);
export const useAnalysis = () => analysisOf(useDoc());

/** The analysis of the graph on screen (a composite's inner graph when one is open). */
export function graphAnalysisAt(a: Analysis, path: readonly string[]): GraphAnalysis | undefined {
  let g: GraphAnalysis | undefined = a;
  for (const id of path) g = g?.nodes.get(id)?.inner;
  return g;
}
