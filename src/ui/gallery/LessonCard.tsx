/**
 * A preset's lesson: what the graph shows and what to try, in the UI
 * language. Names in backticks are layers; with the graph open (`doc`)
 * each one is a link to its node.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphDoc } from '../../graph/schema.ts';
import { useGoTo } from '../panels/useGoTo.ts';
import type { About } from './about.ts';
import { lessonParts, nodePaths } from './node-links.ts';

export function LessonCard({ about, lang, doc }: { about: About; lang: 'en' | 'ko'; doc?: GraphDoc }) {
  const { t } = useTranslation('gallery');
  const text = about[lang];
  const paths = useMemo(() => (doc ? nodePaths(doc) : null), [doc]);
  return (
    <section className="lesson" data-testid="lesson-card">
      <h3>{text.title}</h3>
      <p>
        <LessonLine line={text.shows} paths={paths} />
      </p>
      <h4>{t('tryThis')}</h4>
      <ul>
        {text.try.map((line, i) => (
          <li key={i} data-step={i + 1}>
            <LessonLine line={line} paths={paths} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function LessonLine({ line, paths }: { line: string; paths: Map<string, string[]> | null }) {
  const { t } = useTranslation('gallery');
  const goTo = useGoTo();
  return (
    <>
      {lessonParts(line).map((p, i) => {
        if ('text' in p) return p.text;
        const path = paths?.get(p.code);
        return path ? (
          <button key={i} type="button" className="lesson-node" onClick={() => goTo(path, p.code)} title={t('goToNode', { id: p.code })} data-node-link={p.code}>
            <code>{p.code}</code>
          </button>
        ) : (
          <code key={i}>{p.code}</code>
        );
      })}
    </>
  );
}
