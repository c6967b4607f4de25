/**
 * The one call the inspection views make to a worker, and its answer: a
 * request per view, answered with the view's data or with a sentence
 * saying why not (never a thrown stack). The worker measures how long the
 * work took, so the views can show it and the report can quote it.
 */
import { text, type Text } from '../i18n/text.ts';
import { InspectFailure } from './failure.ts';
import type { Inspection, SampleInput, WalkRequest } from './inspection.ts';
import type { ActivationView, FilterView, GradCamView, NodeKey, Thumb, WalkView } from './types.ts';

export type InspectRequest =
  | { view: 'maps'; key: NodeKey; sample: SampleInput }
  | { view: 'thumbs'; keys: NodeKey[]; sample: SampleInput }
  | { view: 'filters'; key: NodeKey; kind: string }
  | { view: 'gradcam'; sample: SampleInput; layer: NodeKey; classIndex: number | null; elementwise?: boolean }
  | { view: 'walk'; walk: WalkRequest };

export type InspectData =
  | { view: 'maps'; maps: ActivationView }
  | { view: 'thumbs'; thumbs: Record<NodeKey, Thumb> }
  | { view: 'filters'; filters: FilterView | null }
  | { view: 'gradcam'; gradcam: GradCamView }
  | { view: 'walk'; walk: WalkView };

export type InspectAnswer = ({ ok: true; ms: number } & InspectData) | { ok: false; text: Text };

export function answer(look: Inspection, req: InspectRequest): InspectAnswer {
  const t0 = performance.now();
  try {
    const data = compute(look, req);
    return { ok: true, ms: performance.now() - t0, ...data };
  } catch (e) {
    if (e instanceof InspectFailure) return { ok: false, text: e.text };
    const line = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
    return { ok: false, text: text('inspect.failed', { detail: line }) };
  }
}

function compute(look: Inspection, req: InspectRequest): InspectData {
  switch (req.view) {
    case 'maps':
      return { view: 'maps', maps: look.maps(req.key, req.sample) };
    case 'thumbs':
      return { view: 'thumbs', thumbs: look.thumbs(req.keys, req.sample) };
    case 'filters':
      return { view: 'filters', filters: look.filters(req.key, req.kind) };
    case 'gradcam':
      return { view: 'gradcam', gradcam: look.gradcam(req.sample, req.layer, req.classIndex, req.elementwise ?? false) };
    case 'walk':
      return { view: 'walk', walk: look.walk(req.walk) };
  }
}
