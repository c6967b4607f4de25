/**
 * A preset's lesson card (`about` in its file), read defensively: a file
 * from anywhere may carry a broken or hostile `about`, which then simply
 * shows no card.
 */
import { z } from 'zod';
import type { GraphDoc } from '../../graph/schema.ts';

const text = z.string().min(1).max(2000);
const LessonTextSchema = z.object({ title: text.max(200), summary: text.max(500), shows: text, try: z.array(text.max(500)).max(12) });
const AboutSchema = z.object({
  en: LessonTextSchema,
  ko: LessonTextSchema,
  topic: z.enum(['classification', 'transfer', 'autoencoder', 'segmentation', 'detection', 'generative']).default('classification'),
});

export type LessonText = z.infer<typeof LessonTextSchema>;
export type About = z.infer<typeof AboutSchema>;
export const TOPICS = AboutSchema.shape.topic.unwrap().options;
export type Topic = (typeof TOPICS)[number];

export function aboutOf(doc: GraphDoc): About | null {
  const r = AboutSchema.safeParse((doc as { about?: unknown }).about);
  return r.success ? r.data : null;
}
