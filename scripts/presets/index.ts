/** Every preset written as code, by file name in graph-presets/. */
import type { GraphDoc } from '../../src/graph/schema.ts';
import { googlenet } from './googlenet.ts';
import { resnet50 } from './resnet50.ts';
import { vgg16 } from './vgg16.ts';

export const CODED_PRESETS: Record<string, () => GraphDoc> = {
  'vgg16.json': vgg16,
  'resnet50.json': resnet50,
  'googlenet.json': googlenet,
};
