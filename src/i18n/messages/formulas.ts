/**
 * Words of the output-size formulas of the shape-changing kinds without a
 * sliding window (Cropping2D, ZeroPadding2D, UpSampling2D, Flatten, Reshape,
 * Concatenate, global pooling): axis names and what the symbols mean.
 * Keys: `formula.axis.<name>`, `formula.legend.<kind>`.
 */
export const formulas = {
  en: {
    'formula.axis.height': 'height',
    'formula.axis.width': 'width',
    'formula.axis.channels': 'channels',
    'formula.axis.values': 'values',
    'formula.axis.n': 'axis {{n}}',
    'formula.axis.free': 'axis {{n}} (−1)',

    'formula.legend.crop': 'N = input size; c = rows (height) or columns (width) cut off each side; c₁, c₂ when the two sides differ.',
    'formula.legend.pad': 'N = input size; p = rows (height) or columns (width) of zeros added on each side; p₁, p₂ when the two sides differ.',
    'formula.legend.upsample': 'N = input size; size = how many times each pixel is repeated along the axis.',
    'formula.legend.flatten-image': 'H, W, C = height, width and channels of the input: every value goes into one vector.',
    'formula.legend.flatten': 'd₁, d₂, … = sizes of the input’s axes: every value goes into one vector.',
    'formula.legend.reshape': 'N = values in the input; d₁, d₂, … = the new sizes, whose product must be N; −1 takes N divided by the others.',
    'formula.legend.concat': 'C₁, C₂, … = the inputs’ sizes along the joined axis, in input order (in0, in1, …); every other axis must match.',
    'formula.legend.global-average': 'H, W, C = height, width and channels: the H·W values of each channel become their mean, so C values are left.',
    'formula.legend.global-max': 'H, W, C = height, width and channels: the H·W values of each channel become their largest, so C values are left.',
  },
  ko: {
    'formula.axis.height': '높이',
    'formula.axis.width': '너비',
    'formula.axis.channels': '채널',
    'formula.axis.values': '값 개수',
    'formula.axis.n': '{{n}}번 축',
    'formula.axis.free': '{{n}}번 축 (−1)',

    'formula.legend.crop': 'N = 입력 크기, c = 양쪽에서 각각 잘라 내는 행(높이) 또는 열(너비) 수. 두 쪽이 다르면 c₁, c₂입니다.',
    'formula.legend.pad': 'N = 입력 크기, p = 양쪽에 각각 덧붙이는 0 행(높이) 또는 0 열(너비) 수. 두 쪽이 다르면 p₁, p₂입니다.',
    'formula.legend.upsample': 'N = 입력 크기, size = 그 축을 따라 픽셀 하나를 반복하는 횟수입니다.',
    'formula.legend.flatten-image': 'H, W, C = 입력의 높이, 너비, 채널. 모든 값이 벡터 하나에 들어갑니다.',
    'formula.legend.flatten': 'd₁, d₂, … = 입력 축들의 크기. 모든 값이 벡터 하나에 들어갑니다.',
    'formula.legend.reshape': 'N = 입력의 값 개수, d₁, d₂, … = 새 크기들. 이들의 곱이 N이어야 하고, −1은 N을 나머지 크기로 나눈 값이 됩니다.',
    'formula.legend.concat': 'C₁, C₂, … = 입력들(in0, in1, … 순서)의 붙이는 축 크기. 나머지 축은 모두 같아야 합니다.',
    'formula.legend.global-average': 'H, W, C = 높이, 너비, 채널. 채널마다 H·W개 값이 평균 하나가 되어 C개 값이 남습니다.',
    'formula.legend.global-max': 'H, W, C = 높이, 너비, 채널. 채널마다 H·W개 값이 가장 큰 값 하나가 되어 C개 값이 남습니다.',
  },
} as const;
