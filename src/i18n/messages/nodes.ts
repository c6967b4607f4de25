/**
 * Words of what node kinds say about themselves (src/nodes: input checks,
 * output-size arithmetic, per-kind diagnostics, param refinements), of
 * one-click fixes and of formula axes, English and Korean.
 * Keys: `node.<what>`, `fix.<kind>`, `axis.<formula axis>`.
 */
export const nodes = {
  en: {
    'axis.height': 'height',
    'axis.width': 'width',

    'node.image.vector': '{{kind}} needs a feature map [height, width, channels], got the vector {{shape}}: insert a Reshape before it',
    'node.image.rank': '{{kind}} needs a feature map [height, width, channels] (3 axes), got {{shape}} with {{rank}}: add a channel axis with Reshape',
    'node.unknown-channels': '{{kind}} needs a known channel count (last axis) to size its weights; the input is {{shape}}',
    'node.unknown-size': '{{kind}} needs known sizes here, but the input is {{shape}}: {{why}}',
    'node.unknown-size.crop': 'tfjs can only crop a known height and width; give the Input a fixed size',
    'node.unknown-size.flatten': 'give the Input a fixed size, or use GlobalAveragePooling2D, which works for any size',
    'node.unknown-size.transpose':
      'a padding number is cropped afterwards, and tfjs can only crop a known height and width; use padding "same" or "valid"',

    'node.window.too-large':
      "{{kind}} output {{axis}} would be {{out}} ({{numeric}}): the window is larger than the padded input; use a smaller {{param}} or stride, or padding 'same'",
    'node.transpose.cropped':
      "{{kind}} output {{axis}} would be {{out}} ({{numeric}}): padding {{padding}} crops {{crop}} from a {{axis}} of {{size}}; use a smaller padding number, or padding 'same'",
    'node.dropped.both_one':
      "{{kind}} height and width: {{division}} is not a whole number, so the last {{count}} input row and column are never read (information loss); padding 'same' or another stride avoids it",
    'node.dropped.both_other':
      "{{kind}} height and width: {{division}} is not a whole number, so the last {{count}} input rows and columns are never read (information loss); padding 'same' or another stride avoids it",
    'node.dropped.height_one':
      "{{kind}} height: {{division}} is not a whole number, so the last {{count}} input row is never read (information loss); padding 'same' or another stride avoids it",
    'node.dropped.height_other':
      "{{kind}} height: {{division}} is not a whole number, so the last {{count}} input rows are never read (information loss); padding 'same' or another stride avoids it",
    'node.dropped.width_one':
      "{{kind}} width: {{division}} is not a whole number, so the last {{count}} input column is never read (information loss); padding 'same' or another stride avoids it",
    'node.dropped.width_other':
      "{{kind}} width: {{division}} is not a whole number, so the last {{count}} input columns are never read (information loss); padding 'same' or another stride avoids it",
    'node.dilation-with-stride': '{{kind}} cannot use dilationRate {{dilation}} together with strides {{strides}}: set one of them to 1',
    'node.dilation-untrainable':
      'tfjs cannot train {{kind}} with dilationRate {{dilation}} (it has no gradient for dilated convolutions): the model predicts and exports, but training stops with an error; to train, use dilationRate 1 with kernelSize {{reach}}, which sees as far',

    'node.bn.axis-batch': 'BatchNormalization axis 0 is the batch axis, which cannot have its own statistics: use -1 for channels',
    'node.bn.axis-missing': 'BatchNormalization axis {{axis}} does not exist for an input of {{rank}} axes ({{shape}}): use -1 for the last one',
    'node.bn.rank': 'tfjs runs BatchNormalization on inputs of at most 3 axes (plus the batch), got {{shape}} with {{rank}}: Reshape to fewer axes first',
    'node.bn.unknown-channels': 'BatchNormalization needs a known size on axis {{axis}} to size its weights; the input is {{shape}}',
    'node.bn.untrainable.center':
      'tfjs cannot train BatchNormalization with center off (its training step reads the missing beta): the model predicts, but training stops with an error; turn center on',
    'node.bn.untrainable.scale':
      'tfjs cannot train BatchNormalization with scale off (its training step reads the missing gamma): the model predicts, but training stops with an error; turn scale on',
    'node.bn.untrainable.both':
      'tfjs cannot train BatchNormalization with center and scale off (its training step reads the missing beta and gamma): the model predicts, but training stops with an error; turn center and scale on',
    'node.bn.untrainable-axis': 'tfjs can train BatchNormalization only over the last axis; axis {{axis}} of {{shape}} predicts, but training stops with an error: use -1',

    'node.crop.height': 'Cropping2D removes {{a}} + {{b}} = {{sum}} rows from a height of {{size}}, leaving {{left}}: crop at most {{max}} rows in total',
    'node.crop.width': 'Cropping2D removes {{a}} + {{b}} = {{sum}} columns from a width of {{size}}, leaving {{left}}: crop at most {{max}} columns in total',
    'node.default-boxes.split':
      'DefaultBoxes gives every cell {{boxes}} boxes ({{sizes}} sizes × {{ratios}} aspect ratios), so the {{channels}} channels of {{shape}} must split into {{boxes}} equal parts: give the head a multiple of {{boxes}} filters (boxes × values per box)',
    'node.dense.rank': 'Dense needs a vector, got {{shape}}: insert Flatten (or GlobalAveragePooling2D) before it',
    'node.dense.unknown-features': 'Dense needs a known input size to size its weights; got {{shape}}',
    'node.flatten.already-flat': 'Flatten needs at least 2 axes, got the vector {{shape}}: it is already flat, remove this Flatten',
    'node.prelu.axis': 'PReLU sharedAxes {{axes}} name an axis {{shape}} does not have: use axes 1 to {{rank}}',
    'node.prelu.unknown-size':
      'PReLU learns one alpha per value on the axes it does not share, so it needs their sizes, but the input is {{shape}}: share the unknown axes ({{axes}}) with sharedAxes',
    'node.region-proposals.rows':
      'RegionProposals reads rows of 9 values (4 box deltas, 1 objectness score, then the anchor box), as DefaultBoxes gives on an RPN head with 5 values per box; got {{shape}}',
    'node.reshape.count':
      'Reshape cannot turn {{shape}} ({{n}} values) into {{target}} ({{known}} values): make the sizes multiply to {{n}}, or put -1 in one place',
    'node.reshape.divide':
      'Reshape cannot turn {{shape}} ({{n}} values) into {{target}}: the other sizes multiply to {{known}}, which does not divide {{n}} ({{n}} / {{known}} = {{quotient}}); choose sizes whose product divides {{n}}',
    'node.reshape.one-free': 'may contain -1 only once (it stands for "the size that is left")',
    'node.roi-align.boxes':
      'RoIAlign reads its boxes (in1) as rows [K, 4 or more]: x1, y1, x2, y2 as fractions of the image, as RegionProposals gives them; got {{shape}}',
    'node.softmax.axis': 'Softmax axis {{axis}} is not the last axis of {{shape}}, and tfjs computes softmax over the last axis only: use -1',
    'node.range.order': 'the low end must be below the high end',

    'fix.insert': 'Insert {{kind}}',
    'fix.insert.with': 'Insert {{kind}} {{value}}',
    'fix.set': 'Set {{param}} to {{value}}',
    'fix.remove-node': 'Remove {{id}}',
    'fix.turn-on': 'Turn {{param}} on',
    'fix.turn-off': 'Turn {{param}} off',
  },
  ko: {
    'axis.height': '높이',
    'axis.width': '너비',

    'node.image.vector': '{{kind}}에는 특징 맵 [높이, 너비, 채널]이 필요한데, 들어온 것은 벡터 {{shape}}입니다: 앞에 Reshape를 넣으세요',
    'node.image.rank': '{{kind}}에는 축이 3개인 특징 맵 [높이, 너비, 채널]이 필요한데, 들어온 것은 축이 {{rank}}개인 {{shape}}입니다: Reshape로 채널 축을 더하세요',
    'node.unknown-channels': '{{kind}}: 가중치의 크기를 정하려면 채널 수(마지막 축)를 알아야 하는데, 입력이 {{shape}}입니다',
    'node.unknown-size': '{{kind}}: 여기서는 크기를 알아야 하는데, 입력이 {{shape}}입니다: {{why}}',
    'node.unknown-size.crop': 'tfjs는 높이와 너비를 알 때만 잘라 낼 수 있습니다. Input에 고정된 크기를 주세요',
    'node.unknown-size.flatten': 'Input에 고정된 크기를 주거나, 어떤 크기에도 쓸 수 있는 GlobalAveragePooling2D를 쓰세요',
    'node.unknown-size.transpose': '숫자 padding은 계산 뒤에 잘라 내는데, tfjs는 높이와 너비를 알 때만 잘라 낼 수 있습니다. padding을 "same"이나 "valid"로 하세요',

    'node.window.too-large':
      "{{kind}}의 출력 {{axis}}는 {{out}}입니다({{numeric}}): 창이 패딩한 입력보다 큽니다. {{param}} 또는 stride를 줄이거나 padding을 'same'으로 하세요",
    'node.transpose.cropped':
      "{{kind}}의 출력 {{axis}}는 {{out}}입니다({{numeric}}): {{axis}} {{size}}에서 양쪽 합쳐 {{crop}}만큼 잘라 냅니다(padding = {{padding}}). 더 작은 padding 숫자나 padding 'same'을 쓰세요",
    'node.dropped.both':
      "{{kind}} 높이·너비: 나눗셈 {{division}}의 결과가 정수가 아니어서 마지막 입력 행과 열 {{count}}개씩은 한 번도 읽히지 않습니다(정보 손실). padding 'same'이나 다른 stride로 피할 수 있습니다",
    'node.dropped.height':
      "{{kind}} 높이: 나눗셈 {{division}}의 결과가 정수가 아니어서 마지막 입력 행 {{count}}개는 한 번도 읽히지 않습니다(정보 손실). padding 'same'이나 다른 stride로 피할 수 있습니다",
    'node.dropped.width':
      "{{kind}} 너비: 나눗셈 {{division}}의 결과가 정수가 아니어서 마지막 입력 열 {{count}}개는 한 번도 읽히지 않습니다(정보 손실). padding 'same'이나 다른 stride로 피할 수 있습니다",
    'node.dilation-with-stride': '{{kind}}: dilationRate({{dilation}})와 strides({{strides}})를 함께 쓸 수 없습니다. 둘 중 하나를 1로 하세요',
    'node.dilation-untrainable':
      'tfjs는 dilationRate가 {{dilation}}인 {{kind}}를 학습시킬 수 없습니다(팽창 합성곱의 기울기가 없습니다): 예측과 내보내기는 되지만 학습은 오류로 멈춥니다. 학습하려면 dilationRate 1에 kernelSize {{reach}}를 쓰세요. 보는 범위가 같습니다',

    'node.bn.axis-batch': 'BatchNormalization의 axis 0은 배치 축이라 따로 통계를 낼 수 없습니다: 채널 축에는 -1을 쓰세요',
    'node.bn.axis-missing': '축이 {{rank}}개인 입력({{shape}})에는 BatchNormalization의 axis {{axis}}가 없습니다: 마지막 축은 -1입니다',
    'node.bn.rank': 'tfjs는 축이 (배치 축 말고) 3개 이하인 입력에만 BatchNormalization을 적용하는데, 들어온 것은 축이 {{rank}}개인 {{shape}}입니다: 먼저 Reshape로 축을 줄이세요',
    'node.bn.unknown-channels': 'BatchNormalization은 가중치의 크기를 정하려면 axis {{axis}}의 크기를 알아야 하는데, 입력이 {{shape}}입니다',
    'node.bn.untrainable.center':
      'tfjs는 center를 끈 BatchNormalization을 학습시킬 수 없습니다(학습 단계에서 없는 beta를 읽습니다): 예측은 되지만 학습은 오류로 멈춥니다. center를 켜세요',
    'node.bn.untrainable.scale':
      'tfjs는 scale을 끈 BatchNormalization을 학습시킬 수 없습니다(학습 단계에서 없는 gamma를 읽습니다): 예측은 되지만 학습은 오류로 멈춥니다. scale을 켜세요',
    'node.bn.untrainable.both':
      'tfjs는 center와 scale을 끈 BatchNormalization을 학습시킬 수 없습니다(학습 단계에서 없는 beta와 gamma를 읽습니다): 예측은 되지만 학습은 오류로 멈춥니다. center와 scale을 켜세요',
    'node.bn.untrainable-axis': 'tfjs는 마지막 축에 대해서만 BatchNormalization을 학습시킬 수 있습니다: {{shape}}의 axis {{axis}}로는 예측은 되지만 학습은 오류로 멈춥니다. -1을 쓰세요',

    'node.crop.height': 'Cropping2D가 높이 {{size}}에서 행을 {{a}} + {{b}} = {{sum}}개 잘라 내면 {{left}}개가 남습니다: 모두 합쳐 {{max}}개까지만 자르세요',
    'node.crop.width': 'Cropping2D가 너비 {{size}}에서 열을 {{a}} + {{b}} = {{sum}}개 잘라 내면 {{left}}개가 남습니다: 모두 합쳐 {{max}}개까지만 자르세요',
    'node.default-boxes.split':
      'DefaultBoxes는 칸마다 상자를 {{boxes}}개(크기 {{sizes}}가지 × 가로세로 비율 {{ratios}}가지) 두므로 {{shape}}의 채널 {{channels}}개가 {{boxes}}개로 똑같이 나뉘어야 합니다: 헤드의 filters를 {{boxes}}의 배수(상자 수 × 상자당 값 수)로 하세요',
    'node.dense.rank': 'Dense에는 벡터가 필요한데, 들어온 것은 {{shape}}입니다: 앞에 Flatten(또는 GlobalAveragePooling2D)을 넣으세요',
    'node.dense.unknown-features': 'Dense는 가중치의 크기를 정하려면 입력 크기를 알아야 하는데, 들어온 것은 {{shape}}입니다',
    'node.flatten.already-flat': 'Flatten에는 축이 2개 이상 필요한데, 들어온 것은 벡터 {{shape}}입니다: 이미 평평하니 이 Flatten을 지우세요',
    'node.prelu.axis': 'PReLU의 sharedAxes {{axes}}에 {{shape}}에 없는 축이 있습니다: 1부터 {{rank}}까지의 축을 쓰세요',
    'node.prelu.unknown-size':
      'PReLU는 공유하지 않는 축의 값마다 alpha를 하나씩 학습하므로 그 축들의 크기를 알아야 하는데, 입력이 {{shape}}입니다: 크기를 모르는 축({{axes}})을 sharedAxes로 공유하세요',
    'node.region-proposals.rows':
      'RegionProposals는 값 9개짜리 행(상자 보정값 4개, 물체일 점수 1개, 그리고 앵커 상자)을 읽습니다. 상자당 값이 5개인 RPN 헤드 뒤에 DefaultBoxes를 두면 이런 행이 나오는데, 들어온 것은 {{shape}}입니다',
    'node.reshape.count': 'Reshape로 {{shape}}(값 {{n}}개)를 {{target}}(값 {{known}}개)로 바꿀 수 없습니다: 크기들의 곱이 {{n}}이(가) 되게 하거나, 한 곳에 -1을 넣으세요',
    'node.reshape.divide':
      'Reshape로 {{shape}}(값 {{n}}개)를 {{target}}(으)로 바꿀 수 없습니다: {{n}}을(를) 나머지 크기들의 곱({{known}})으로 나누면 나머지가 생깁니다({{n}} / {{known}} = {{quotient}}). 곱이 {{n}}의 약수가 되도록 크기를 고르세요',
    'node.reshape.one-free': '-1은 한 번만 쓸 수 있습니다(-1은 "남는 크기"를 뜻합니다)',
    'node.roi-align.boxes':
      'RoIAlign은 상자(in1)를 행 [K, 4 이상]으로 읽습니다: RegionProposals가 주는 것처럼 이미지에 대한 비율로 쓴 x1, y1, x2, y2입니다. 들어온 것은 {{shape}}입니다',
    'node.softmax.axis': 'Softmax의 axis {{axis}}은(는) {{shape}}의 마지막 축이 아닌데, tfjs는 마지막 축에 대해서만 softmax를 계산합니다: -1을 쓰세요',
    'node.range.order': '최솟값이 최댓값보다 작아야 합니다',

    'fix.insert': '{{kind}} 끼워 넣기',
    'fix.insert.with': '{{kind}} {{value}} 끼워 넣기',
    'fix.set': '{{param}} 값을 {{value}}(으)로 바꾸기',
    'fix.remove-node': '{{id}} 지우기',
    'fix.turn-on': '{{param}} 켜기',
    'fix.turn-off': '{{param}} 끄기',
  },
};
