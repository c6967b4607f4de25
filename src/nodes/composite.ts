import { z } from 'zod';
import { defineNode } from './spec.ts';

export const ROLES = ['Encoder', 'Decoder', 'Generator', 'Discriminator', 'Backbone', 'Block'] as const;
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
    /** false freezes the block: its weights keep their values while the rest trains (transfer learning). */
    trainable: z.boolean().default(true),
    /**
     * Where the block's trained weights come from: a tfjs model.json whose
     * layers match the inside (relative to the app, or http/https). Loaded
     * before training; the graph file never holds weights.
     */
    weightsUrl: z
      .string()
      .max(2000)
      .regex(/^(https?:\/\/|[A-Za-z0-9_.\-/]+$)/, 'weightsUrl must be an http(s) address or a path inside the app such as data/backbone/model.json')
      .optional(),
  }),
  inputs: { min: 1, max: 64 },
  outputs: 1,
  infer: () => ({ outputs: [] }),
  layers: () => [],
  caption: (p) => `${p.name ?? p.role}${p.trainable ? '' : ' · frozen'}`,
  doc: {
    en: {
      title: 'Composite',
      summary: 'A block of layers with its own inside: Encoder, Decoder, Generator, Discriminator, pretrained Backbone.',
      detail:
        'Groups layers into one node that compiles to its own model, so an autoencoder yields an encoder and a decoder you can use apart, and a GAN yields a generator and a discriminator. Switch `trainable` off to freeze a block: its weights stay as they are while the layers after it learn, which is how transfer learning reuses a pretrained backbone (its weights come from `weightsUrl`).',
    },
    ko: {
      title: 'Composite (복합 블록)',
      summary: '안에 층들을 품은 블록: 인코더, 디코더, 생성자, 판별자, 사전 학습된 백본.',
      detail:
        '여러 층을 노드 하나로 묶고, 그 블록은 따로 쓸 수 있는 모델이 됩니다. 오토인코더에서는 인코더와 디코더를, GAN에서는 생성자와 판별자를 각각 얻습니다. `trainable`을 끄면 블록이 고정(freeze)되어, 뒤쪽 층이 학습하는 동안 가중치가 그대로 남습니다. 전이 학습은 이렇게 사전 학습된 백본(가중치는 `weightsUrl`에서 불러옴)을 다시 씁니다.',
    },
  },
  conformance: { inputs: [], params: [] },
});
