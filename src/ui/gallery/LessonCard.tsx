/** A preset's lesson: what the graph shows and what to try, in the UI language. */
import { useTranslation } from 'react-i18next';
import type { About } from './about.ts';

export function LessonCard({ about, lang }: { about: About; lang: 'en' | 'ko' }) {
  const { t } = useTranslation('gallery');
  const text = about[lang];
  return (
    <section className="lesson" data-testid="lesson-card">
      <h3>{text.title}</h3>
      <p>{text.shows}</p>
      <h4>{t('tryThis')}</h4>
      <ul>
        {text.try.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
