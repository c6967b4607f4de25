/**
 * The lesson card of each preset, in English and Korean: what the graph
 * shows and what to try, tied to the course notes (written in our own
 * words). Saved into each preset file as `about`, so a teacher's own preset
 * file can carry its own card.
 */

export interface LessonText {
  title: string;
  /** One line for the gallery card. */
  summary: string;
  /** What the graph shows (a short paragraph). */
  shows: string;
  /** Things to change and watch, one per line. */
  try: string[];
}

export interface About {
  en: LessonText;
  ko: LessonText;
  /** Gallery section. */
  topic: 'classification' | 'transfer' | 'autoencoder' | 'segmentation' | 'detection' | 'generative';
}

export const LESSONS: Record<string, About> = {
  'mnist-cnn.json': {
    topic: 'classification',
    en: {
      title: 'Small CNN for digits',
      summary: 'Two 3×3 convolutions with pooling, then a softmax over 10 digits.',
      shows:
        'A convolution slides small filters over the image, so what it learns about a stroke holds anywhere in the picture; pooling halves height and width while keeping the strongest responses. Flatten turns the last feature map into a vector for the Dense classifier.',
      try: [
        'Set conv1 padding to "valid" and watch 28×28 become 26×26: (28 − 3)/1 + 1.',
        'Give conv2 stride 2: the formula panel shows the halving and any row that gets dropped.',
        'Replace Flatten with GlobalAveragePooling2D and compare the parameter count of the last layer.',
      ],
    },
    ko: {
      title: '숫자 분류용 작은 CNN',
      summary: '3×3 합성곱 두 번과 풀링, 그리고 10개 숫자에 대한 softmax.',
      shows:
        '합성곱은 작은 필터를 이미지 위로 밀며 계산하므로, 획에 대해 배운 것이 그림 어디에서나 통합니다. 풀링은 가장 강한 반응만 남기며 높이와 너비를 절반으로 줄입니다. Flatten은 마지막 특징 맵을 Dense 분류기가 받을 벡터로 펼칩니다.',
      try: [
        'conv1의 padding을 "valid"로 바꾸면 28×28이 26×26이 됩니다: (28 − 3)/1 + 1.',
        'conv2의 stride를 2로 하면 공식 패널에 크기가 절반이 되는 과정과 버려지는 행이 보입니다.',
        'Flatten을 GlobalAveragePooling2D로 바꾸고 마지막 층의 파라미터 수를 비교해 보세요.',
      ],
    },
  },
  'augmentation-cnn.json': {
    topic: 'classification',
    en: {
      title: 'CNN with data augmentation',
      summary: 'The small CNN behind random turns, zooms and contrast changes.',
      shows:
        'Augmentation layers invent new training examples by turning, zooming and re-lighting the digits a little, every batch anew. They act only while training; at prediction time images pass through untouched. The model learns that a slightly tilted 7 is still a 7.',
      try: [
        'Select an augmentation node: its inspector shows a grid of augmented digits.',
        'Add a RandomFlip and think about why mirrored digits hurt (a mirrored 2 is not a 2).',
        'Train this and the plain MNIST CNN for the same epochs; compare validation accuracy.',
      ],
    },
    ko: {
      title: '데이터 증강을 붙인 CNN',
      summary: '무작위 회전, 확대/축소, 대비 변화 뒤에 놓인 작은 CNN.',
      shows:
        '증강 층은 숫자를 조금씩 돌리고, 키우고, 밝기를 바꿔 배치마다 새로운 학습 예시를 만듭니다. 학습할 때만 작동하고 예측할 때는 이미지를 그대로 통과시킵니다. 모델은 조금 기운 7도 여전히 7이라는 것을 배웁니다.',
      try: [
        '증강 노드를 선택하면 인스펙터에 증강된 숫자 격자가 보입니다.',
        'RandomFlip을 추가하고 뒤집힌 숫자가 왜 해가 되는지 생각해 보세요(뒤집힌 2는 2가 아닙니다).',
        '이 모델과 일반 MNIST CNN을 같은 에포크만큼 학습시키고 검증 정확도를 비교해 보세요.',
      ],
    },
  },
  'vgg16.json': {
    topic: 'classification',
    en: {
      title: 'VGG16 (study)',
      summary: 'The classic deep stack of 3×3 convolutions: 138 million weights.',
      shows:
        'VGG uses only 3×3 filters and stacks them deep: two 3×3 layers see as far as one 5×5 but with fewer weights and an extra ReLU. Five blocks halve the image from 224 to 7 while channels grow to 512. Most of the weights sit in the first Dense layer (25,088 × 4,096).',
      try: [
        'Look at the Summary: which single layer holds most of the 138 M weights?',
        'Export the Keras code; with pretrained ImageNet weights it is keras.applications.VGG16.',
        'Too big to train here: the warning shows the memory it would need.',
      ],
    },
    ko: {
      title: 'VGG16 (학습용 관찰)',
      summary: '3×3 합성곱을 깊게 쌓은 고전 모델: 가중치 1억 3,800만 개.',
      shows:
        'VGG는 3×3 필터만 써서 깊게 쌓습니다. 3×3 층 두 개는 5×5 하나만큼 넓게 보면서도 가중치가 적고 ReLU가 하나 더 들어갑니다. 다섯 블록을 지나며 이미지는 224에서 7로 줄고 채널은 512까지 늘어납니다. 가중치의 대부분은 첫 Dense 층(25,088 × 4,096)에 있습니다.',
      try: [
        '요약 탭에서 1억 3,800만 개 중 가장 많은 가중치를 가진 층을 찾아보세요.',
        'Keras 코드를 내보내 보세요. ImageNet 사전 학습 가중치를 쓰려면 keras.applications.VGG16입니다.',
        '브라우저에서 학습하기엔 너무 큽니다. 경고에 필요한 메모리가 나옵니다.',
      ],
    },
  },
  'resnet50.json': {
    topic: 'classification',
    en: {
      title: 'ResNet50 (study)',
      summary: 'Residual blocks: every block adds its input back to its output.',
      shows:
        'Each bottleneck block (1×1 → 3×3 → 1×1) ends in an Add that sums the block’s input with its output. Because of that shortcut the gradient has a direct path back through every block, so 50 layers still train. Where the size changes, a 1×1 convolution with stride 2 reshapes the shortcut.',
      try: [
        'Follow a skip edge from conv2_block1_out into conv2_block2_add.',
        'Find the warnings on the stride-2 1×1 convolutions: they really skip every other pixel of a 14×14 map.',
        'Compare the total with VGG16: deeper, yet five times fewer weights.',
      ],
    },
    ko: {
      title: 'ResNet50 (학습용 관찰)',
      summary: '잔차 블록: 블록마다 입력을 출력에 다시 더합니다.',
      shows:
        '병목 블록(1×1 → 3×3 → 1×1)은 입력과 출력을 더하는 Add로 끝납니다. 이 지름길 덕분에 기울기가 블록마다 곧바로 거슬러 올라갈 길이 생겨 50층도 학습됩니다. 크기가 바뀌는 곳에서는 stride 2인 1×1 합성곱이 지름길의 모양을 맞춥니다.',
      try: [
        'conv2_block1_out에서 conv2_block2_add로 가는 건너뛰기 연결을 따라가 보세요.',
        'stride 2인 1×1 합성곱의 경고를 찾아보세요. 14×14 맵에서 실제로 한 칸씩 건너뜁니다.',
        'VGG16과 총 파라미터 수를 비교해 보세요. 더 깊지만 가중치는 5분의 1입니다.',
      ],
    },
  },
  'googlenet.json': {
    topic: 'classification',
    en: {
      title: 'GoogLeNet / Inception v1 (study)',
      summary: 'Inception modules look at 1×1, 3×3 and 5×5 at once and stack the results.',
      shows:
        'Instead of choosing one filter size, an inception module runs 1×1, 3×3, 5×5 convolutions and a pooling branch side by side and concatenates them along the channels: the network grows wide as well as deep. The 1×1 convolutions before the big filters cut the channel count, which keeps the weights at about 7 million.',
      try: [
        'Open inception_3a (double-click) and add up its branch channels: 64 + 128 + 32 + 32 = 256.',
        'Remove a reduce3x3 layer and see how many weights branch3x3 needs without it.',
        'Even at 7 M weights, one 224×224 image produces 23 MiB of activations: why training here is slow.',
      ],
    },
    ko: {
      title: 'GoogLeNet / Inception v1 (학습용 관찰)',
      summary: '인셉션 모듈은 1×1, 3×3, 5×5를 동시에 보고 결과를 쌓습니다.',
      shows:
        '필터 크기 하나를 고르는 대신, 인셉션 모듈은 1×1, 3×3, 5×5 합성곱과 풀링 가지를 나란히 실행한 뒤 채널 방향으로 이어 붙입니다. 신경망이 깊이뿐 아니라 옆으로도 넓어집니다. 큰 필터 앞의 1×1 합성곱이 채널 수를 줄여 가중치를 약 700만 개로 유지합니다.',
      try: [
        'inception_3a를 더블클릭해 열고 가지별 채널을 더해 보세요: 64 + 128 + 32 + 32 = 256.',
        'reduce3x3 층을 지우고 branch3x3에 필요한 가중치가 얼마나 늘어나는지 보세요.',
        '가중치는 700만 개지만 224×224 이미지 한 장이 23 MiB의 활성값을 만듭니다. 여기서 학습이 느린 이유입니다.',
      ],
    },
  },
  'resnet-mini.json': {
    topic: 'classification',
    en: {
      title: 'ResNet mini',
      summary: 'Two residual blocks small enough to train on MNIST in a minute.',
      shows:
        'Each block computes two 3×3 convolutions and adds the block’s input back before the ReLU. The Add needs both inputs to have the same shape, which is why the size change happens in a separate stride-2 convolution between the blocks.',
      try: [
        'Give block2_conv2 64 filters: the Add turns red and says which shapes differ.',
        'Delete a skip edge, train again and compare the first epochs’ loss.',
        'Double-click nothing here — the blocks are plain layers, so every skip edge is visible.',
      ],
    },
    ko: {
      title: 'ResNet 미니',
      summary: 'MNIST에서 1분 안에 학습되는 작은 잔차 블록 두 개.',
      shows:
        '블록마다 3×3 합성곱 두 번을 계산한 뒤 ReLU 전에 블록의 입력을 다시 더합니다. Add는 두 입력의 모양이 같아야 하므로, 크기를 줄이는 일은 블록 사이의 stride 2 합성곱이 따로 맡습니다.',
      try: [
        'block2_conv2의 필터를 64개로 바꾸면 Add가 빨갛게 되며 어떤 모양이 다른지 알려 줍니다.',
        '건너뛰기 연결 하나를 지우고 다시 학습해 첫 에포크들의 손실을 비교해 보세요.',
        '블록이 일반 층으로 되어 있어 모든 건너뛰기 연결이 눈에 보입니다.',
      ],
    },
  },
  'inception-mini.json': {
    topic: 'classification',
    en: {
      title: 'Inception mini',
      summary: 'Two small inception modules that train on MNIST in minutes.',
      shows:
        'The same idea as GoogLeNet at toy scale: four branches (1×1, 1×1→3×3, 1×1→5×5, pool→1×1) see the digit at different scales, and Concatenate stacks their channels. With "same" padding every branch keeps the height and width, which Concatenate requires.',
      try: [
        'Open inception_a and set branch5x5 padding to "valid": Concatenate reports the size mismatch.',
        'Change a branch’s filters and watch the module’s output channels change.',
        'Train it and compare accuracy and time with the small CNN.',
      ],
    },
    ko: {
      title: 'Inception 미니',
      summary: 'MNIST에서 몇 분 안에 학습되는 작은 인셉션 모듈 두 개.',
      shows:
        'GoogLeNet과 같은 생각을 작게 옮긴 것입니다. 네 가지(1×1, 1×1→3×3, 1×1→5×5, 풀링→1×1)가 숫자를 서로 다른 크기로 보고, Concatenate가 채널을 쌓습니다. padding이 "same"이라 모든 가지가 높이와 너비를 유지하는데, Concatenate는 이것이 맞아야 합니다.',
      try: [
        'inception_a를 열고 branch5x5의 padding을 "valid"로 바꾸면 Concatenate가 크기 불일치를 알려 줍니다.',
        '한 가지의 필터 수를 바꾸고 모듈 출력 채널이 어떻게 바뀌는지 보세요.',
        '학습시킨 뒤 작은 CNN과 정확도와 시간을 비교해 보세요.',
      ],
    },
  },
  'transfer-learning.json': {
    topic: 'transfer',
    en: {
      title: 'Transfer learning: 0–4 → 5–9',
      summary: 'A frozen backbone pretrained on digits 0–4 and a new head that learns 5–9.',
      shows:
        'The Backbone block’s convolutions were trained beforehand on digits 0–4 only; its weights load from the app and stay frozen (trainable off), so training changes only the new Dense head. Edges and strokes learned on some digits are useful for the others, so the head reaches high accuracy on 5–9 within an epoch or two.',
      try: [
        'Train, then look at the Summary: only the head’s weights count as trainable.',
        'Switch the Backbone’s trainable on (fine-tuning) and compare speed and accuracy.',
        'Remove weightsUrl so the backbone starts random, and see how much worse the frozen features are.',
      ],
    },
    ko: {
      title: '전이 학습: 0–4 → 5–9',
      summary: '숫자 0–4로 미리 학습해 고정한 백본과, 5–9를 배우는 새 헤드.',
      shows:
        'Backbone 블록의 합성곱은 숫자 0–4만으로 미리 학습되었습니다. 가중치는 앱에서 불러오고 고정(trainable 끔)되어 있어, 학습은 새 Dense 헤드만 바꿉니다. 몇몇 숫자에서 배운 모서리와 획은 다른 숫자에도 쓸모가 있어서, 헤드는 한두 에포크 만에 5–9를 잘 맞힙니다.',
      try: [
        '학습한 뒤 요약 탭을 보세요. 헤드의 가중치만 학습 가능으로 셉니다.',
        'Backbone의 trainable을 켜서(미세 조정) 속도와 정확도를 비교해 보세요.',
        'weightsUrl을 지워 백본을 무작위로 시작하면 고정된 특징이 얼마나 나빠지는지 보세요.',
      ],
    },
  },
  'autoencoder.json': {
    topic: 'autoencoder',
    en: {
      title: 'Autoencoder (dense)',
      summary: 'Squeeze 784 pixels into 64 numbers and rebuild the digit from them.',
      shows:
        'The Encoder flattens the image and compresses it into a 64-value latent vector; the Decoder expands it back to 784 sigmoid pixels and reshapes them to 28×28. The target is the input itself, so no labels are needed: the latent vector must keep what matters about the digit.',
      try: [
        'Make the latent layer 8 units, train, and compare the reconstructions.',
        'Look at the reconstructions beside the inputs after each epoch.',
        'Open the Code tab: the encoder and decoder are separate functions you can use apart.',
      ],
    },
    ko: {
      title: '오토인코더 (Dense)',
      summary: '784개 픽셀을 64개 숫자로 압축했다가 다시 숫자를 복원합니다.',
      shows:
        '인코더는 이미지를 펼쳐 64개 값의 잠재 벡터로 압축하고, 디코더는 이를 784개 sigmoid 픽셀로 늘려 28×28로 되돌립니다. 목표가 입력 자신이라 레이블이 필요 없습니다. 잠재 벡터는 숫자에서 중요한 것을 간직해야 합니다.',
      try: [
        'latent 층을 8 유닛으로 줄이고 학습해 복원 결과를 비교해 보세요.',
        '에포크마다 입력 옆에 놓인 복원 이미지를 보세요.',
        '코드 탭을 열면 인코더와 디코더가 따로 쓸 수 있는 함수로 나뉘어 있습니다.',
      ],
    },
  },
  'denoising-autoencoder.json': {
    topic: 'autoencoder',
    en: {
      title: 'Denoising autoencoder',
      summary: 'Learns to rebuild clean digits from noisy ones (noise factor 0.2).',
      shows:
        'During training each input gets Gaussian noise (std 0.2, clipped to 0–1) while the target stays clean. Two stride-2 convolutions shrink 28×28 to 7×7×8; two stride-2 transposed convolutions grow it back, and a sigmoid convolution gives one channel of pixels.',
      try: [
        'Change the noise factor to 0.5 and watch the noisy inputs and the results.',
        'Follow the shapes: 28×28×1 → 14×14×16 → 7×7×8 → 14×14×8 → 28×28×16 → 28×28×1.',
        'Set up2’s stride to 1 and read the shape error at the output.',
      ],
    },
    ko: {
      title: '잡음 제거 오토인코더',
      summary: '잡음 낀 숫자에서 깨끗한 숫자를 복원하도록 배웁니다(noise factor 0.2).',
      shows:
        '학습할 때 입력마다 가우시안 잡음(표준편차 0.2, 0–1로 자름)을 더하고 목표는 깨끗한 그대로 둡니다. stride 2 합성곱 두 번이 28×28을 7×7×8로 줄이고, stride 2 전치 합성곱 두 번이 다시 키우며, sigmoid 합성곱이 한 채널의 픽셀을 냅니다.',
      try: [
        'noise factor를 0.5로 바꾸고 잡음 입력과 결과를 보세요.',
        '모양을 따라가 보세요: 28×28×1 → 14×14×16 → 7×7×8 → 14×14×8 → 28×28×16 → 28×28×1.',
        'up2의 stride를 1로 바꾸고 출력의 모양 오류를 읽어 보세요.',
      ],
    },
  },
  'anomaly-autoencoder.json': {
    topic: 'autoencoder',
    en: {
      title: 'Anomaly detection with an autoencoder',
      summary: 'Trained on normal heartbeats only; a large reconstruction error flags an abnormal one.',
      shows:
        'The 140-value detector (Dense 32-16-8, then 16-32-140 sigmoid, MAE loss) sees only normal beats while training, so it rebuilds normal beats well and abnormal ones badly. The threshold is the mean plus one standard deviation of the normal training errors; above it, a beat is called abnormal. Min–max scaling keeps values in the sigmoid’s 0–1 range.',
      try: [
        'Drag the threshold on the error histogram and watch precision and recall trade places.',
        'Set k (thresholdK) to 2: fewer false alarms, more missed anomalies.',
        'Remove the 8-unit layer and see whether abnormal beats become easier to rebuild.',
      ],
    },
    ko: {
      title: '오토인코더로 이상치 탐지',
      summary: '정상 심장 박동만으로 학습하고, 복원 오류가 크면 비정상으로 판단합니다.',
      shows:
        '140개 값 탐지기(Dense 32-16-8, 이어서 16-32-140 sigmoid, MAE 손실)는 학습할 때 정상 박동만 봅니다. 그래서 정상은 잘 복원하고 비정상은 잘 못 복원합니다. 임계값은 정상 학습 데이터 복원 오류의 평균 + 표준편차 1배이고, 이보다 크면 비정상으로 봅니다. Min–max 정규화로 값을 sigmoid의 0–1 범위에 맞춥니다.',
      try: [
        '오류 히스토그램에서 임계값을 끌어 정밀도와 재현율이 어떻게 맞바뀌는지 보세요.',
        'k(thresholdK)를 2로 하면 오경보는 줄고 놓치는 이상치는 늘어납니다.',
        '8 유닛 층을 지우고 비정상 박동도 쉽게 복원되는지 보세요.',
      ],
    },
  },
  'latent-2d.json': {
    topic: 'autoencoder',
    en: {
      title: 'A 2-D latent space',
      summary: 'Digits squeezed into two numbers, drawn as a map coloured by digit.',
      shows:
        'With only two latent units every digit becomes a point on a plane. After training, the scatter view places the test digits at their codes: similar digits land near each other, so the encoder has found a low-dimensional surface (a manifold) on which the data lies.',
      try: [
        'Train, then look at which digits overlap on the map (often 4 and 9).',
        'Give the latent layer 3 units: the scatter view disappears — we can only draw 2-D.',
        'Compare reconstructions with the 64-unit autoencoder: two numbers lose detail.',
      ],
    },
    ko: {
      title: '2차원 잠재 공간',
      summary: '숫자를 두 개의 수로 압축해 숫자별 색으로 지도에 그립니다.',
      shows:
        '잠재 유닛이 둘뿐이라 모든 숫자가 평면 위의 점이 됩니다. 학습한 뒤 산점도는 테스트 숫자를 그 코드 위치에 놓습니다. 비슷한 숫자끼리 가까이 모이는데, 인코더가 데이터가 놓인 저차원 곡면(매니폴드)을 찾았다는 뜻입니다.',
      try: [
        '학습한 뒤 지도에서 어떤 숫자들이 겹치는지 보세요(흔히 4와 9).',
        'latent 층을 3 유닛으로 하면 산점도가 사라집니다. 2차원만 그릴 수 있기 때문입니다.',
        '64 유닛 오토인코더와 복원 결과를 비교해 보세요. 수 두 개로는 세부가 사라집니다.',
      ],
    },
  },
  'fcn.json': {
    topic: 'segmentation',
    en: {
      title: 'FCN-8s (study)',
      summary: 'A classifier turned into a pixel labeller: no Dense layer, 21 classes per pixel.',
      shows:
        'A fully convolutional network replaces the classifier’s Dense layers with convolutions (fc6 7×7, fc7 1×1), so position survives to the end. A 1×1 convolution scores the 21 PASCAL classes on a 7×7 grid; transposed convolutions then upsample the scores back to 224×224, adding finer scores from pool4 and pool3 so edges come out sharper.',
      try: [
        'Follow the sizes: 224 → 7 in the encoder, then ×2, ×2, ×8 back to 224.',
        'Remove the pool3 skip (fuse_pool3) and connect upscore_pool4 to a ×16 upsampling instead: that is FCN-16s.',
        'Find where most weights are: fc6’s 7×7×512×4096 kernel.',
      ],
    },
    ko: {
      title: 'FCN-8s (학습용 관찰)',
      summary: '분류기를 픽셀 분류기로 바꾼 모델: Dense 층 없이 픽셀마다 21개 클래스.',
      shows:
        '완전 합성곱 신경망은 분류기의 Dense 층을 합성곱(fc6 7×7, fc7 1×1)으로 바꾸어 위치 정보가 끝까지 남게 합니다. 1×1 합성곱이 7×7 격자에서 PASCAL의 21개 클래스 점수를 매기고, 전치 합성곱이 점수를 224×224로 다시 키웁니다. 이때 pool4와 pool3의 더 세밀한 점수를 더해 경계를 또렷하게 합니다.',
      try: [
        '크기를 따라가 보세요: 인코더에서 224 → 7, 그다음 ×2, ×2, ×8로 다시 224.',
        'pool3 연결(fuse_pool3)을 빼고 upscore_pool4를 ×16 업샘플링에 연결하면 FCN-16s가 됩니다.',
        '가중치가 가장 많은 곳을 찾아보세요: fc6의 7×7×512×4096 커널입니다.',
      ],
    },
  },
  'fcn-small.json': {
    topic: 'segmentation',
    en: {
      title: 'FCN (small)',
      summary: 'Labels every pixel of 64×64 shape pictures: background, circle, square, triangle.',
      shows:
        'Three convolutions shrink the picture to 16×16 while learning what shapes look like; a 1×1 convolution turns each position into 4 class scores, and two ×2 transposed convolutions grow them back to 64×64. Adding the scores from pool1 on the way restores detail. Every pixel ends in a softmax over the 4 classes.',
      try: [
        'Train and look at the mask overlays: where do the mistakes sit (edges, small shapes)?',
        'Delete the fuse_pool1 skip and feed upscore2 straight into upscore_final: compare mean IoU.',
        'Change upscore_final’s stride to 1 and read the shape error at the output.',
      ],
    },
    ko: {
      title: 'FCN (작은 버전)',
      summary: '64×64 도형 그림의 모든 픽셀을 배경, 원, 사각형, 삼각형으로 분류합니다.',
      shows:
        '합성곱 세 번이 도형의 모습을 배우며 그림을 16×16으로 줄이고, 1×1 합성곱이 위치마다 4개 클래스 점수를 냅니다. ×2 전치 합성곱 두 번이 이를 다시 64×64로 키우며, 중간에 pool1의 점수를 더해 세부를 되살립니다. 모든 픽셀은 4개 클래스에 대한 softmax로 끝납니다.',
      try: [
        '학습한 뒤 마스크 겹쳐 보기에서 틀린 곳이 어디인지(경계, 작은 도형) 보세요.',
        'fuse_pool1 연결을 지우고 upscore2를 upscore_final에 바로 연결해 평균 IoU를 비교해 보세요.',
        'upscore_final의 stride를 1로 바꾸고 출력의 모양 오류를 읽어 보세요.',
      ],
    },
  },
  'unet.json': {
    topic: 'segmentation',
    en: {
      title: 'U-Net (original, study)',
      summary: 'The 572×572 U-Net: unpadded convolutions, so skip connections are cropped.',
      shows:
        'The encoder halves the image four times while doubling channels; the decoder upsamples with 2×2 up-convolutions and concatenates the encoder’s feature map of the same level. Because every 3×3 convolution is unpadded, each loses 2 pixels, so the encoder maps are larger than the decoder’s and are cropped first (by 4, 16, 40 and 88 pixels per side) — the grey arrows of the paper. The output is 388×388×2.',
      try: [
        'Select crop1 and read the formula: 568 − 2·88 = 392.',
        'Delete crop2: Concatenate names the exact Cropping2D that fixes it.',
        'Change the input to 576×576 and see which crops change.',
      ],
    },
    ko: {
      title: 'U-Net (원본, 학습용 관찰)',
      summary: '572×572 U-Net: 패딩 없는 합성곱이라 건너뛰기 연결을 잘라 붙입니다.',
      shows:
        '인코더는 채널을 두 배로 늘리며 이미지를 네 번 절반으로 줄이고, 디코더는 2×2 업-합성곱으로 키운 뒤 같은 단계의 인코더 특징 맵을 이어 붙입니다. 3×3 합성곱마다 패딩이 없어 2픽셀씩 줄어들기 때문에 인코더 맵이 디코더보다 커서, 먼저 잘라 냅니다(변마다 4, 16, 40, 88픽셀). 논문 그림의 회색 화살표입니다. 출력은 388×388×2입니다.',
      try: [
        'crop1을 선택해 공식을 읽어 보세요: 568 − 2·88 = 392.',
        'crop2를 지우면 Concatenate가 고칠 수 있는 정확한 Cropping2D를 알려 줍니다.',
        '입력을 576×576으로 바꾸고 어떤 자르기가 달라지는지 보세요.',
      ],
    },
  },
  'unet-small.json': {
    topic: 'segmentation',
    en: {
      title: 'U-Net (small)',
      summary: 'A three-level U-Net with "same" padding that segments 64×64 shapes.',
      shows:
        'With padding "same" the encoder and decoder maps have equal sizes, so the skip connections need no cropping: each level concatenates the encoder’s detailed features with the decoder’s upsampled, more abstract ones. That is why U-Nets draw sharper boundaries than an FCN of the same size.',
      try: [
        'Train it and fcn-small for the same epochs; compare mean IoU and the overlays.',
        'Remove one skip connection and watch boundaries blur.',
        'Set down1’s padding to "valid": concat1 explains the size mismatch.',
      ],
    },
    ko: {
      title: 'U-Net (작은 버전)',
      summary: '"same" 패딩을 쓴 3단계 U-Net으로 64×64 도형을 분할합니다.',
      shows:
        'padding이 "same"이면 인코더와 디코더 맵의 크기가 같아서 건너뛰기 연결을 자를 필요가 없습니다. 단계마다 인코더의 세밀한 특징과 디코더가 키운 추상적인 특징을 이어 붙입니다. 그래서 같은 크기의 FCN보다 경계를 더 또렷하게 그립니다.',
      try: [
        '이 모델과 fcn-small을 같은 에포크만큼 학습시키고 평균 IoU와 겹쳐 보기를 비교해 보세요.',
        '건너뛰기 연결 하나를 지우고 경계가 흐려지는지 보세요.',
        'down1의 padding을 "valid"로 바꾸면 concat1이 크기 불일치를 설명합니다.',
      ],
    },
  },
  'detector.json': {
    topic: 'detection',
    en: {
      title: 'One-stage detector',
      summary: 'An 8×8 grid where every cell predicts objectness, a box and a class in one pass.',
      shows:
        'One-stage detectors (YOLO, SSD) split the image into a grid and let each cell predict, at once, whether an object’s centre is in it, the box and the class — no separate proposal step. Two-stage detectors such as R-CNN first propose regions that may hold an object, then classify each one: more accurate, slower. Boxes are scored against the truth with IoU (overlap area ÷ union area); a detection counts when IoU ≥ 0.5, and overlapping duplicates are removed by non-max suppression.',
      try: [
        'Train, then look at the box overlays: green truth, coloured predictions with scores.',
        'Raise the NMS threshold and watch duplicate boxes appear.',
        'Remove pool3 to get a 16×16 grid: more cells, smaller objects per cell.',
      ],
    },
    ko: {
      title: '원스테이지 탐지기',
      summary: '8×8 격자의 칸마다 물체 여부, 상자, 클래스를 한 번에 예측합니다.',
      shows:
        '원스테이지 탐지기(YOLO, SSD)는 이미지를 격자로 나누고, 칸마다 물체의 중심이 그 안에 있는지, 상자, 클래스를 한꺼번에 예측합니다. 후보 영역을 따로 뽑는 단계가 없습니다. R-CNN 같은 투스테이지 탐지기는 먼저 물체가 있을 만한 영역을 추천받고 각각을 분류합니다. 더 정확하지만 느립니다. 상자는 정답과 IoU(겹친 넓이 ÷ 합친 넓이)로 비교하며, IoU ≥ 0.5이면 맞힌 것으로 세고, 겹치는 중복은 NMS(non-max suppression)로 지웁니다.',
      try: [
        '학습한 뒤 상자 겹쳐 보기를 보세요: 초록색은 정답, 색깔 상자는 점수가 붙은 예측입니다.',
        'NMS 임계값을 높이면 중복 상자가 나타나는지 보세요.',
        'pool3를 지우면 16×16 격자가 됩니다. 칸이 많아지고 칸마다 물체가 작아집니다.',
      ],
    },
  },
  'ssd.json': {
    topic: 'detection',
    en: {
      title: 'SSD-style detector',
      summary: 'Default boxes of three shapes on two feature maps, each box classified and nudged in one pass.',
      shows:
        'Like the grid detector, this is one-stage: no region proposals, every box is judged in the same single pass. SSD puts a set of default boxes (anchors) on each cell of more than one feature map: here 8×8 cells with small boxes and 4×4 cells with big ones, each in three aspect ratios (1, 2 and ½), 240 boxes per image. For every default box the head gives 4 numbers that move and stretch it onto an object, a background score and a score per class. While training, a default box learns an object when their IoU (overlap ÷ union) is at least 0.5, and background when it is under 0.4; since almost all boxes are background, only the three background boxes per object that the model gets most wrong count (hard-negative mining). The box error is a smooth L1, the class error a cross-entropy. Afterwards, boxes of the same class that overlap a better one are removed by non-max suppression (NMS). The results give mAP@0.5 and the milliseconds per image, to set beside the grid detector: the course notes say one-stage detectors are faster than two-stage ones (R-CNN family), which first propose regions of interest and classify each one.',
      try: [
        'Train, then compare mAP@0.5 and ms per image with the one-stage grid detector (detector.json) trained for the same epochs.',
        'Select boxes_8x8 and give it only aspectRatios [1] (and head_8x8 8 filters): fewer default boxes; watch the thin boxes get worse.',
        'Give boxes_4x4 the small boxes of boxes_8x8 (sizes [0.25]) and train again: the big shapes lose the default boxes of their size; watch their AP fall.',
      ],
    },
    ko: {
      title: 'SSD 방식 탐지기',
      summary: '두 특징 맵에 모양이 세 가지인 기본 상자를 두고, 상자마다 분류와 위치 보정을 한 번에 합니다.',
      shows:
        '격자 탐지기처럼 원스테이지입니다. 후보 영역을 뽑지 않고, 모든 상자를 한 번의 계산으로 판단합니다. SSD는 여러 특징 맵의 칸마다 기본 상자(앵커) 묶음을 둡니다. 여기서는 8×8 칸에 작은 상자, 4×4 칸에 큰 상자를 두고 각각 가로세로 비율을 세 가지(1, 2, ½)로 해서 이미지 한 장에 상자가 240개입니다. 헤드는 기본 상자마다 상자를 물체 쪽으로 옮기고 늘일 숫자 4개, 배경 점수, 클래스별 점수를 냅니다. 학습할 때 기본 상자는 물체와의 IoU(겹친 넓이 ÷ 합친 넓이)가 0.5 이상이면 그 물체를, 0.4 미만이면 배경을 배웁니다. 상자 대부분이 배경이므로 물체 하나당 모델이 가장 많이 틀린 배경 상자 세 개만 손실에 넣습니다(hard negative mining). 상자 오차는 smooth L1, 클래스 오차는 교차 엔트로피입니다. 끝으로 같은 클래스에서 더 좋은 상자와 많이 겹치는 상자는 NMS(비최대 억제)로 지웁니다. 결과에는 mAP@0.5와 이미지 한 장당 밀리초가 나오니 격자 탐지기와 나란히 비교해 보세요. 강의 노트에 따르면 원스테이지 탐지기는 관심 영역을 먼저 추천받고 하나씩 분류하는 투스테이지 탐지기(R-CNN 계열)보다 빠릅니다.',
      try: [
        '학습한 뒤 같은 에포크만큼 학습한 격자 탐지기(detector.json)와 mAP@0.5, 이미지당 ms를 비교해 보세요.',
        'boxes_8x8을 골라 aspectRatios를 [1]만 남기고 head_8x8의 filters를 8로 바꾸세요. 기본 상자가 줄면 가늘고 긴 상자를 잘 못 찾는지 보세요.',
        'boxes_4x4에도 boxes_8x8의 작은 상자(sizes [0.25])를 주고 다시 학습하세요. 큰 도형에 맞는 크기의 기본 상자가 사라지면 그 AP가 떨어지는지 보세요.',
      ],
    },
  },
  'dcgan.json': {
    topic: 'generative',
    en: {
      title: 'DCGAN',
      summary: 'A generator makes digits from noise while a discriminator learns to catch fakes.',
      shows:
        'The Generator turns 100 random numbers into a 28×28 image (Dense → Reshape → transposed convolutions, tanh). The Discriminator is a small CNN giving one score. They train in turns with separate optimizers: the discriminator compares its output on real images with ones and on generated images with zeros; the generator is rewarded when the discriminator calls its images real (its fakes compared with ones).',
      try: [
        'Watch the fixed-noise sample grid sharpen from blobs into digits, epoch by epoch.',
        'Watch both loss curves: neither should reach zero; if D’s loss collapses, G has lost.',
        'Remove the BatchNormalization layers and see whether training still settles.',
      ],
    },
    ko: {
      title: 'DCGAN',
      summary: '생성자는 잡음에서 숫자를 만들고, 판별자는 가짜를 잡아내도록 배웁니다.',
      shows:
        '생성자는 무작위 수 100개를 28×28 이미지로 바꿉니다(Dense → Reshape → 전치 합성곱, tanh). 판별자는 점수 하나를 내는 작은 CNN입니다. 둘은 각자의 옵티마이저로 번갈아 학습합니다. 판별자는 진짜 이미지에 대한 출력을 1과, 생성된 이미지에 대한 출력을 0과 비교하고, 생성자는 판별자가 자기 이미지를 진짜라고 할수록(가짜 출력을 1과 비교) 보상을 받습니다.',
      try: [
        '고정된 잡음으로 만든 샘플 격자가 에포크마다 얼룩에서 숫자로 또렷해지는 것을 보세요.',
        '두 손실 곡선을 보세요. 어느 쪽도 0이 되면 안 됩니다. 판별자 손실이 무너지면 생성자가 진 것입니다.',
        'BatchNormalization 층을 지우고 학습이 여전히 안정되는지 보세요.',
      ],
    },
  },
  'cyclegan.json': {
    topic: 'generative',
    en: {
      title: 'CycleGAN',
      summary: 'Translates between two digit styles without any matched pairs.',
      shows:
        'Two generators translate A→B and B→A, and two discriminators judge each domain. With unpaired data, adversarial losses alone would let a generator produce any convincing B, forgetting which digit it was given. The cycle loss fixes that: translating A→B→A must give back the original (L1 distance), so the content survives the style change. An identity loss keeps colours stable when a generator is fed its own target domain.',
      try: [
        'Look at the sample rows: A, A→B, and A→B→A should match the first row.',
        'Set cycleWeight to 0 in the training settings and watch the digits change identity.',
        'Compare with pix2pix, which needs matched pairs but learns faster.',
      ],
    },
    ko: {
      title: 'CycleGAN',
      summary: '짝지은 데이터 없이 두 숫자 스타일 사이를 변환합니다.',
      shows:
        '생성자 둘이 A→B와 B→A로 변환하고, 판별자 둘이 각 도메인을 판별합니다. 짝이 없는 데이터에서는 적대적 손실만으로는 생성자가 그럴듯한 B를 아무것이나 만들어, 받은 숫자가 무엇이었는지 잊어버릴 수 있습니다. 순환 손실이 이를 막습니다. A→B→A로 변환한 결과가 원본으로 돌아와야 하므로(L1 거리) 스타일이 바뀌어도 내용이 남습니다. 항등 손실은 생성자에 자기 목표 도메인을 넣었을 때 그대로 두게 합니다.',
      try: [
        '샘플 줄을 보세요: A, A→B, A→B→A가 첫 줄과 같아야 합니다.',
        '학습 설정에서 cycleWeight를 0으로 하면 숫자가 다른 숫자로 바뀌는지 보세요.',
        '짝지은 데이터가 필요하지만 더 빨리 배우는 pix2pix와 비교해 보세요.',
      ],
    },
  },
  'pix2pix.json': {
    topic: 'generative',
    en: {
      title: 'pix2pix',
      summary: 'Paired translation: draws a digit from its edge map.',
      shows:
        'Every training example is a pair (edge map, digit). The U-Net generator turns edges into a digit, passing details along its skip connections; the PatchGAN discriminator sees the edge map together with a real or generated digit and judges each 4×4 patch. The generator’s loss adds an L1 term (weight 100) that pulls its output towards the true digit, while the adversarial term keeps it sharp.',
      try: [
        'Compare rows: edges, generated digit, true digit.',
        'Set l1Weight to 0: sharper but wrong digits. Set it very high: right but blurry ones.',
        'Remove a skip connection in the generator and watch fine strokes disappear.',
      ],
    },
    ko: {
      title: 'pix2pix',
      summary: '짝지은 변환: 윤곽선에서 숫자를 그려 냅니다.',
      shows:
        '학습 예시마다 (윤곽선, 숫자) 짝이 있습니다. U-Net 생성자는 윤곽선을 숫자로 바꾸며 건너뛰기 연결로 세부를 전달합니다. PatchGAN 판별자는 윤곽선과 진짜 또는 생성된 숫자를 함께 보고 4×4 패치마다 판단합니다. 생성자의 손실에는 출력을 진짜 숫자로 끌어당기는 L1 항(가중치 100)이 더해지고, 적대적 항은 결과를 또렷하게 유지합니다.',
      try: [
        '줄을 비교해 보세요: 윤곽선, 생성된 숫자, 진짜 숫자.',
        'l1Weight를 0으로 하면 또렷하지만 틀린 숫자가, 아주 크게 하면 맞지만 흐린 숫자가 나옵니다.',
        '생성자의 건너뛰기 연결 하나를 지우고 가는 획이 사라지는지 보세요.',
      ],
    },
  },
};
