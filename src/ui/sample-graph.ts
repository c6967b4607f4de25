/**
 * The graph the bare page opens with: the course notes' small CNN, clean (no
 * problem to explain before anything else): conv2's stride 2 with 'same'
 * padding takes 14×14 to 7×7 whole. The floor warning (a stride that drops a
 * row) belongs to a lesson, where the learner sets padding to 'valid' and
 * sees 5.5 rounded down.
 */
export const SAMPLE_GRAPH = {
  format: 'netloom.graph',
  version: 1,
  name: 'Small CNN',
  nodes: [
    { id: 'image', kind: 'Input', params: { shape: [28, 28, 1] } },
    { id: 'conv1', kind: 'Conv2D', params: { filters: 32, kernelSize: 3, padding: 'same', activation: 'relu' } },
    { id: 'pool1', kind: 'MaxPooling2D', params: {} },
    { id: 'conv2', kind: 'Conv2D', params: { filters: 64, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' } },
    { id: 'flat', kind: 'Flatten', params: {} },
    { id: 'out', kind: 'Dense', params: { units: 10, activation: 'softmax' } },
  ],
  edges: [
    { id: 'e1', source: 'image', target: 'conv1' },
    { id: 'e2', source: 'conv1', target: 'pool1' },
    { id: 'e3', source: 'pool1', target: 'conv2' },
    { id: 'e4', source: 'conv2', target: 'flat' },
    { id: 'e5', source: 'flat', target: 'out' },
  ],
};
