/** The side panel's Lesson tab: the open graph's lesson card, when it has one. */
import { aboutOf } from './about.ts';
import { LessonCard } from './LessonCard.tsx';
import { useEditor } from '../store.ts';

export function LessonPanel() {
  const doc = useEditor((s) => s.history.present);
  const lang = useEditor((s) => s.lang);
  const about = aboutOf(doc);
  return about ? <LessonCard about={about} lang={lang} doc={doc} /> : null;
}
