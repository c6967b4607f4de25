/**
 * A one-stage, YOLO-style detector for the synthetic shapes (64×64, 3
 * classes): convolutions and pooling down to an 8×8 grid, then a 1×1
 * convolution that gives every cell its objectness, box and class scores
 * at once — no region proposals.
 */
import { GraphBuilder } from './builder.ts';

export const DETECT_CLASSES = 3;

const conv = (filters: number) => ({ filters, kernelSize: 3, padding: 'same', activation: 'relu' });

/** The backbone the three detectors share: 64×64 shapes down to 8×8 by three conv + pool steps. */
function shapesBackbone(b: GraphBuilder): string {
  let x = b.add('Input', { shape: [64, 64, 1] }, [], 'image');
  x = b.add('Conv2D', conv(16), [x], 'conv1');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool1');
  x = b.add('Conv2D', conv(32), [x], 'conv2');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool2');
  x = b.add('Conv2D', conv(64), [x], 'conv3');
  return b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool3');
}

export function detector() {
  const b = new GraphBuilder();
  let x = shapesBackbone(b);
  x = b.add('Conv2D', conv(64), [x], 'conv4');
  // Per cell: objectness, x, y, w, h, then one score per class (raw; the detect task applies sigmoid/softmax).
  b.add('Conv2D', { filters: 5 + DETECT_CLASSES, kernelSize: 1 }, [x], 'grid');
  return b.doc('One-stage detector (8×8 grid)', { training: { task: 'detect', dataset: 'shapes-detection', epochs: 12, batchSize: 32, learningRate: 0.002 } });
}

/**
 * An SSD-style one-stage detector: the same kind of backbone, then a head
 * on two feature maps (8×8 for the smaller shapes, 4×4 for the bigger),
 * each cell with default boxes of three aspect ratios; every box predicts
 * 4 deltas, a background score and a score per class. DefaultBoxes turns
 * each head into rows (with the boxes), Concatenate joins the two scales.
 */
export function ssd() {
  const b = new GraphBuilder();
  const ratios = [1, 2, 0.5];
  const perBox = 4 + 1 + DETECT_CLASSES;
  const x = shapesBackbone(b);
  const fine = b.add('Conv2D', conv(64), [x], 'conv4');
  const head8 = b.add('Conv2D', { filters: ratios.length * perBox, kernelSize: 3, padding: 'same' }, [fine], 'head_8x8');
  const rows8 = b.add('DefaultBoxes', { sizes: [0.25], aspectRatios: ratios }, [head8], 'boxes_8x8');
  let y = b.add('MaxPooling2D', { poolSize: 2 }, [fine], 'pool4');
  y = b.add('Conv2D', conv(64), [y], 'conv5');
  const head4 = b.add('Conv2D', { filters: ratios.length * perBox, kernelSize: 3, padding: 'same' }, [y], 'head_4x4');
  const rows4 = b.add('DefaultBoxes', { sizes: [0.45], aspectRatios: ratios }, [head4], 'boxes_4x4');
  b.add('Concatenate', { axis: 1 }, [rows8, rows4], 'default_boxes');
  return b.doc('SSD-style detector (default boxes at 8×8 and 4×4)', { training: { task: 'detect', dataset: 'shapes-detection', epochs: 12, batchSize: 32, learningRate: 0.002 } });
}

/**
 * A small two-stage detector in the Faster R-CNN form. One backbone computes
 * an 8×8 feature map once per image. Stage 1, the Region Proposal Network:
 * a 3×3 convolution, then per anchor (two sizes × three aspect ratios per
 * cell) 4 box deltas and an objectness score; RegionProposals keeps the
 * best 32 boxes after non-max suppression (IoU 0.5: on 64×64 images
 * Faster R-CNN's 0.7 leaves near-duplicates that crowd out other shapes). Stage 2: RoIAlign crops each
 * proposal out of the shared map at 4×4, and a small head per RoI gives
 * background + a score per class and 4 deltas that refine the proposal.
 * The one output joins stage 1's rows and stage 2's rows (each with its
 * proposal), flattened, so the detect task reads and trains both stages.
 */
export function fasterRcnn() {
  const b = new GraphBuilder();
  const sizes = [0.25, 0.45];
  const ratios = [1, 2, 0.5];
  const anchors = sizes.length * ratios.length;
  const proposals = 32;
  const pool = 4;
  const x = shapesBackbone(b);
  const features = b.add('Conv2D', conv(64), [x], 'features');
  // Stage 1: the Region Proposal Network.
  const rpn = b.add('Conv2D', conv(64), [features], 'rpn_conv');
  const rpnHead = b.add('Conv2D', { filters: anchors * 5, kernelSize: 1 }, [rpn], 'rpn_head');
  const rpnRows = b.add('DefaultBoxes', { sizes, aspectRatios: ratios }, [rpnHead], 'anchors');
  const rois = b.add('RegionProposals', { proposals, iouThreshold: 0.5, preNms: 100 }, [rpnRows], 'proposals');
  // Stage 2: each RoI cropped from the shared map, classified and refined.
  const crops = b.add('RoIAlign', { poolSize: pool, samplingRatio: 2 }, [features, rois], 'roi_align');
  let r = b.add('Reshape', { targetShape: [-1, pool * pool * 64] }, [crops], 'roi_flatten');
  r = b.add('Dense', { units: 128, activation: 'relu' }, [r], 'roi_fc');
  const roiHead = b.add('Dense', { units: 4 + 1 + DETECT_CLASSES }, [r], 'roi_head');
  const detections = b.add('Concatenate', { axis: -1 }, [roiHead, rois], 'detections');
  const stage1 = b.add('Flatten', {}, [rpnRows], 'stage1_rows');
  const stage2 = b.add('Flatten', {}, [detections], 'stage2_rows');
  b.add('Concatenate', { axis: -1 }, [stage1, stage2], 'both_stages');
  return b.doc('Two-stage detector (Faster R-CNN style)', { training: { task: 'detect', dataset: 'shapes-detection', epochs: 12, batchSize: 32, learningRate: 0.002 } });
}
