import { z } from 'zod';
import { defineNode } from './spec.ts';

export const ROLES = ['Encoder', 'Decoder', 'Generator', 'Discriminator', 'Block'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A named block with its own inner graph (`node.graph`), compiled to a nested
 * tfjs model. Its Input nodes are its input ports and its Output nodes its output
 * ports, each in the order they appear in the inner node list.
 * Shape inference for composites lives in analysis, which recurses into the
 * inner graph; this spec gives the params, docs and palette entry.
 */
export const composite = defineNode({
  kind: 'Composite',
  category: 'composite',
  params: z.object({
    role: z.enum(ROLES).default('Block'),
    /** Model name used in code and in compile()'s result; defaults to the role in lower case. */
    name: z
      .string()
      .max(64)
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'name must be letters, digits and _ (not starting with a digit)')
      .optional(),
  }),
  inputs: { min: 1, max: 64 },
  outputs: 1,
  infer: () => ({ outputs: [] }),
  layers: () => [],
  caption: (p) => p.name ?? p.role,
  doc: {
    en: {
      title: 'Composite',
      summary: 'A block of layers with its own inside: Encoder, Decoder, Generator, Discriminator.',
      detail: 'Groups layers into one node that compiles to its own model, so an autoencoder yields an encoder and a decoder you can use apart, and a GAN yields a generator and a discriminator.',
    },
    ko: {
      title: 'Composite (복합 블록)',
      summary: '안에 층들을 품은 블록: 인코더, 디코더, 생성자, 판별자.',
      detail: '여러 층을 노드 하나로 묶고, 그 블록은 따로 쓸 수 있는 모델이 됩니다. 오토인코더에서는 인코더와 디코더를, GAN에서는 생성자와 판별자를 각각 얻습니다.',
    },
  },
  conformance: { inputs: [], params: [] },
});
