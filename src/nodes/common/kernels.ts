/**
 * tfjs kernel names node kinds run while training (their `kernels` hook),
 * beyond the elementwise basics every step uses. Shared lists live here;
 * a kind with kernels of its own lists them in its file.
 */

/** A convolution forward (plain or fused with bias/activation) and both of its gradients. */
export const CONV_KERNELS = ['Conv2D', 'FusedConv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput'];

/** A depthwise convolution forward and both of its gradients. */
export const DEPTHWISE_KERNELS = ['DepthwiseConv2dNative', 'FusedDepthwiseConv2D', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput'];

/** Kernels an `activation` param value adds (relu, sigmoid, tanh… are basic). */
export function activationKernels(a: unknown): string[] {
  switch (a) {
    case 'elu':
      return ['Elu', 'EluGrad'];
    case 'selu':
      return ['Selu'];
    case 'softmax':
      return ['Softmax'];
    case 'softplus':
      return ['Softplus'];
    default:
      return [];
  }
}
