/** Detection maths on plain numbers: boxes, IoU, NMS, grid targets for a one-stage head, mAP. */
export { intersectionArea, iou, nms, type Box, type NmsOptions, type ScoredBox } from './boxes.ts';
export { cellChannels, cellOf, decodeGrid, encodeGrid, encodeGridBatch, gridSize, type DecodeOptions, type EncodedGrid, type GridLayout } from './grid.ts';
export { averagePrecision, meanAP, type MeanAP } from './map.ts';
