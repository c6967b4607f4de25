/**
 * Lesson cards name layers in backticks (`crop1`); in the app each name is
 * a link to its node. Every name in every card must be a node of that
 * preset (at any depth), in both languages, and both languages name the
 * same layers: a card that says "select block2_conv2" where the node is
 * block2_2_conv cannot be followed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { aboutOf } from '../../src/ui/gallery/about.ts';
import { lessonParts, nodePaths } from '../../src/ui/gallery/node-links.ts';

const FILES = readdirSync('graph-presets').filter((f) => f.endsWith('.json'));
const names = (line: string) => lessonParts(line).flatMap((p) => ('code' in p ? [p.code] : []));

describe('lesson cards', () => {
  test.each(FILES)('%s: every layer a card names exists, and both languages name the same ones', (file) => {
    const doc = JSON.parse(readFileSync(`graph-presets/${file}`, 'utf8')) as GraphDoc;
    const about = aboutOf(doc)!;
    expect(about, 'has a lesson card').not.toBeNull();
    const paths = nodePaths(doc);
    for (const lang of ['en', 'ko'] as const) {
      const lines = [about[lang].shows, ...about[lang].try];
      const missing = lines.flatMap(names).filter((n) => !paths.has(n));
      expect(missing, `${lang} names layers that are not in ${file}`).toEqual([]);
    }
    expect(about.en.try).toHaveLength(about.ko.try.length);
    about.en.try.forEach((line, i) => expect(new Set(names(about.ko.try[i]!)), `step ${i + 1}`).toEqual(new Set(names(line))));
  });

  test('nested names resolve to their block, the top level first', () => {
    const doc = JSON.parse(readFileSync('graph-presets/googlenet.json', 'utf8')) as GraphDoc;
    const paths = nodePaths(doc);
    // GoogLeNet is a chain of stages (Block composites), each holding its inception modules.
    expect(paths.get('inception_3')).toEqual([]);
    expect(paths.get('inception_3a')).toEqual(['inception_3']);
    expect(paths.get('reduce3x3')).toEqual(['inception_3', 'inception_3a']);
    expect(lessonParts('a `b` c')).toEqual([{ text: 'a ' }, { code: 'b' }, { text: ' c' }]);
    expect(lessonParts('an odd ` stays')).toEqual([{ text: 'an odd ` stays' }]);
  });
});
