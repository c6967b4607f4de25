/**
 * The code panel's editor (loaded lazily with Monaco): TypeScript, Python and
 * Graph JSON tabs that follow the graph live. Graph JSON is editable: a valid
 * edit applies to the canvas as one undo step, an invalid one is marked and
 * changes nothing.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Editor, { type OnMount } from '@monaco-editor/react';
import { monaco } from './monaco-setup.ts';
import { CODE_SOURCES, type CodeSource } from './sources.ts';
import { interpretJsonEdit, graphMarks, type Mark } from './apply-json.ts';
import { useSay } from '../../i18n/useText.ts';
import { useEditor } from '../store.ts';
import { withLayout } from '../../graph/layout.ts';
import type { GraphDoc } from '../../graph/schema.ts';
import type { Text } from '../../i18n/text.ts';

type Editor = Parameters<OnMount>[0];

type JsonOutcome = { kind: 'applied'; doc: GraphDoc } | { kind: 'refused'; text: string; why: Text };

function generate(source: CodeSource, doc: GraphDoc): { text: string; error: string | null } {
  try {
    return { text: source.generate(doc), error: null };
  } catch (e) {
    return { text: '', error: e instanceof Error ? e.message : String(e) };
  }
}

export default function CodeEditor() {
  const { t } = useTranslation('code');
  const say = useSay();
  const doc = useEditor((s) => s.history.present);
  const [tab, setTab] = useState<CodeSource['id']>('ts');
  const source = CODE_SOURCES.find((s) => s.id === tab) ?? CODE_SOURCES[0]!;
  const generated = useMemo(() => generate(source, doc), [source, doc]);
  // The user's JSON text while it differs from the document (e.g. mid-edit, or invalid).
  const [draft, setDraft] = useState<string | null>(null);
  // What the last JSON edit did. Shown only while it still describes what is on screen: "applied" while
  // the canvas holds that document, "not applied" while the editor holds that text (undo, another file
  // or a new edit make it stale, and it goes).
  const [outcome, setOutcome] = useState<JsonOutcome | null>(null);
  const [copied, setCopied] = useState(false);
  const editorRef = useRef<Editor | null>(null);
  const applied = useRef<GraphDoc | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A change from elsewhere (canvas, inspector, undo) replaces the draft; our own apply does not.
  useEffect(() => {
    if (doc !== applied.current) setDraft(null);
  }, [doc]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const text = source.editable && draft !== null ? draft : generated.text;
  const status = !source.editable || !outcome
    ? null
    : outcome.kind === 'applied'
      ? outcome.doc === doc
        ? t('applied')
        : null
      : outcome.text === text
        ? t('notApplied', { message: say(outcome.why) })
        : null;

  const mark = (marks: Mark[]) => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'netloom',
      marks.map((m) => {
        const a = model.getPositionAt(m.offset);
        const b = model.getPositionAt(m.offset + Math.max(1, m.length));
        return {
          severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: m.text ? say(m.text) : m.message,
          startLineNumber: a.lineNumber,
          startColumn: a.column,
          endLineNumber: b.lineNumber,
          endColumn: b.column,
        };
      }),
    );
  };

  // Problems of the graph shown on the JSON text when it is (re)generated.
  useEffect(() => {
    if (source.editable && draft === null) mark(graphMarks(generated.text, doc));
    else if (!source.editable) mark([]);
  }, [source, draft, generated, doc, say]);

  const onChange = (value: string | undefined) => {
    if (!source.editable || value === undefined || value === text) return;
    setDraft(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const present = useEditor.getState().history.present;
      const r = interpretJsonEdit(value, present);
      mark(r.kind === 'unchanged' ? graphMarks(value, present) : r.marks);
      if (r.kind === 'refuse') setOutcome({ kind: 'refused', text: value, why: r.text });
      else if (r.kind === 'apply') {
        const next = withLayout(r.doc);
        applied.current = next;
        useEditor.getState().edit(() => ({ ok: true, doc: next }), 'graph-json');
        setOutcome({ kind: 'applied', doc: next });
      } else setOutcome(null);
    }, 350);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      editorRef.current?.focus();
      editorRef.current?.setSelection(editorRef.current.getModel()!.getFullModelRange());
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: source.fileName(doc) });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="code-editor">
      <div className="code-bar">
        <div className="tabs" role="tablist">
          {CODE_SOURCES.map((s) => (
            <button key={s.id} role="tab" aria-selected={s.id === source.id} className={s.id === source.id ? 'active' : undefined} onClick={() => setTab(s.id)}>
              {t(s.labelKey)}
            </button>
          ))}
        </div>
        <div className="code-actions">
          <button onClick={() => void copy()}>{copied ? t('copied') : t('copy')}</button>
          <button onClick={download} title={t('downloadTitle', { file: source.fileName(doc) })} data-testid="code-download">
            {t('download')}
          </button>
        </div>
      </div>
      <p className="code-status" data-testid="code-status" data-state={generated.error ? 'error' : status ? outcome!.kind : 'hint'} role="status">
        {generated.error ? t('generateFailed', { message: generated.error }) : status || (source.editable ? t('jsonHint') : t('readOnly'))}
      </p>
      <div className="code-body" data-testid={`code-${source.id}`}>
        <Editor
          key={source.id}
          language={source.language}
          value={text}
          onChange={onChange}
          onMount={(editor) => {
            editorRef.current = editor;
            if (source.editable) mark(graphMarks(text, doc));
          }}
          options={{
            readOnly: !source.editable,
            minimap: { enabled: false },
            fontSize: 12,
            scrollBeyondLastLine: false,
            automaticLayout: true,
            tabSize: 2,
            wordWrap: 'off',
          }}
        />
      </div>
    </div>
  );
}
