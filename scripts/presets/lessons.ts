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
        'Select `conv1` and set its padding to "valid": its formula reads ⌊(28 + 2·0 − 3) / 1⌋ + 1 = 26, so 28×28 becomes 26×26.',
        'Give `conv2` strides 2: its formula halves 14 to ⌈14 / 2⌉ = 7, and `pool2`’s formula then warns that the last row of the 7 is never read.',
        'Delete `flatten`, add a GlobalAveragePooling2D from the palette and connect `pool2` → it → `digit`: `digit`’s weights drop from 31,370 (3,136 inputs) to 650 (64 inputs).',
        'Select `conv2` and open What it sees: 64 maps of a test digit, strongest first, from the random start weights. Train one epoch and look again, then open Grad-CAM: the heatmap over the digit shows where `conv2` found the predicted class.',
      ],
    },
    ko: {
      title: '숫자 분류용 작은 CNN',
      summary: '3×3 합성곱 두 번과 풀링, 그리고 10개 숫자에 대한 softmax.',
      shows:
        '합성곱은 작은 필터를 이미지 위로 밀며 계산하므로, 획에 대해 배운 것이 그림 어디에서나 통합니다. 풀링은 가장 강한 반응만 남기며 높이와 너비를 절반으로 줄입니다. Flatten은 마지막 특징 맵을 Dense 분류기가 받을 벡터로 펼칩니다.',
      try: [
        '`conv1`을 선택해 padding을 "valid"로 바꾸면 공식이 ⌊(28 + 2·0 − 3) / 1⌋ + 1 = 26이 되어 28×28이 26×26이 됩니다.',
        '`conv2`의 strides를 2로 하면 공식이 14를 ⌈14 / 2⌉ = 7로 줄이고, 이어서 `pool2`의 공식이 7의 마지막 행은 읽히지 않는다고 경고합니다.',
        '`flatten`을 지우고 팔레트에서 GlobalAveragePooling2D를 추가해 `pool2` → GlobalAveragePooling2D → `digit`으로 연결하세요. `digit`의 가중치가 31,370개(입력 3,136개)에서 650개(입력 64개)로 줄어듭니다.',
        '`conv2`를 선택하고 ‘이 층이 보는 것’을 펼치세요. 무작위 시작 가중치로 만든 테스트 숫자의 맵 64개가 반응이 강한 순서로 나옵니다. 한 에포크 학습한 뒤 다시 보고, Grad-CAM을 펼치세요. 숫자 위의 히트맵이 `conv2`가 예측한 클래스를 어디에서 찾았는지 보여 줍니다.',
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
        'Select `rotate`, `zoom` or `contrast`: the inspector shows eight digits as they leave the augmentation chain at that node; New draws gives another set.',
        'Put a RandomFlip between `contrast` and `conv1` (delete that edge, connect `contrast` → RandomFlip → `conv1`) and select it: about half the digits in its preview come out mirrored, and a mirrored 2 is not a 2.',
        'Train this and mnist-cnn with the same epochs and Samples to use; compare their validation and test accuracy.',
      ],
    },
    ko: {
      title: '데이터 증강을 붙인 CNN',
      summary: '무작위 회전, 확대/축소, 대비 변화 뒤에 놓인 작은 CNN.',
      shows:
        '증강 층은 숫자를 조금씩 돌리고, 키우고, 밝기를 바꿔 배치마다 새로운 학습 예시를 만듭니다. 학습할 때만 작동하고 예측할 때는 이미지를 그대로 통과시킵니다. 모델은 조금 기운 7도 여전히 7이라는 것을 배웁니다.',
      try: [
        '`rotate`, `zoom`, `contrast` 중 하나를 선택하면 속성 탭에 그 노드까지 증강을 거친 숫자 여덟 개가 보입니다. 다시 뽑기를 누르면 다른 묶음이 나옵니다.',
        '`contrast`와 `conv1` 사이에 RandomFlip을 넣고(그 연결을 지운 뒤 `contrast` → RandomFlip → `conv1`로 연결) 선택하세요. 미리보기 숫자의 절반쯤이 좌우로 뒤집혀 나오는데, 뒤집힌 2는 2가 아닙니다.',
        '이 모델과 mnist-cnn을 같은 에포크와 같은 사용할 샘플 수로 학습시키고 검증 정확도와 테스트 정확도를 비교해 보세요.',
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
        'Open the Summary tab: `fc1` alone holds 102,764,544 of the 138,357,544 weights (25,088 × 4,096 + 4,096).',
        'Open ‹/› Code and pick Python: build_model() makes the same layers and names as keras.applications.VGG16 (`block1_conv1` … `predictions`), 138,357,544 params in all; weights="imagenet" there loads the pretrained ones.',
        'Too big to train here: the Summary’s warning names the memory, about 11.5 GB even one image at a time, 11.1 GB of it for the weights, their gradients and Adam’s state, against the 4.2 GB tfjs can hold.',
        'Select `block1_pool` and open Convolution, step by step: the 2×2 window moves by 2, so each output cell reads its own four pixels and 224 becomes 112 (drawn 20×20, as it says).',
      ],
    },
    ko: {
      title: 'VGG16 (학습용 관찰)',
      summary: '3×3 합성곱을 깊게 쌓은 고전 모델: 가중치 1억 3,800만 개.',
      shows:
        'VGG는 3×3 필터만 써서 깊게 쌓습니다. 3×3 층 두 개는 5×5 하나만큼 넓게 보면서도 가중치가 적고 ReLU가 하나 더 들어갑니다. 다섯 블록을 지나며 이미지는 224에서 7로 줄고 채널은 512까지 늘어납니다. 가중치의 대부분은 첫 Dense 층(25,088 × 4,096)에 있습니다.',
      try: [
        '요약 탭을 열면 138,357,544개 가중치 가운데 102,764,544개가 `fc1` 하나에 있습니다(25,088 × 4,096 + 4,096).',
        '‹/› 코드를 열고 Python을 고르세요. build_model()이 keras.applications.VGG16과 같은 층과 이름(`block1_conv1` … `predictions`)을 만들고, 파라미터는 모두 138,357,544개입니다. 그쪽에서 weights="imagenet"을 주면 사전 학습 가중치를 불러옵니다.',
        '브라우저에서 학습하기엔 너무 큽니다. 요약 탭의 경고가 필요한 메모리를 알려 줍니다: 이미지를 한 장씩 학습해도 약 11.5 GB이고, 그중 11.1 GB가 가중치와 그 기울기, Adam 상태에 듭니다. tfjs가 담을 수 있는 양은 4.2 GB입니다.',
        '`block1_pool`을 선택하고 ‘합성곱, 한 단계씩’을 펼치세요. 2×2 창이 2칸씩 움직여 출력 칸마다 자기 픽셀 네 개만 읽으므로 224가 112가 됩니다(화면에 적힌 대로 20×20으로 줄여 그립니다).',
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
        'Double-click `conv2_x` to open the first stage and select `conv2_block2_add` (or click its name here): in0 is the skip edge from `conv2_block1_out`, [56, 56, 256] carried past the block’s three convolutions, and the Add sums it with their output.',
        'Open Problems: the stride-2 1×1 convolutions (`conv3_block1_0_conv` and the others) warn that (56 + 2·0 − 1) / 2 = 27.5, so the last row and column are never read.',
        'Compare the Summary’s total with VGG16’s: 25,636,712 against 138,357,544, deeper yet about five times fewer weights.',
      ],
    },
    ko: {
      title: 'ResNet50 (학습용 관찰)',
      summary: '잔차 블록: 블록마다 입력을 출력에 다시 더합니다.',
      shows:
        '병목 블록(1×1 → 3×3 → 1×1)은 입력과 출력을 더하는 Add로 끝납니다. 이 지름길 덕분에 기울기가 블록마다 곧바로 거슬러 올라갈 길이 생겨 50층도 학습됩니다. 크기가 바뀌는 곳에서는 stride 2인 1×1 합성곱이 지름길의 모양을 맞춥니다.',
      try: [
        '`conv2_x`를 더블클릭해 첫 단계를 열고 `conv2_block2_add`를 선택하세요(여기서 이름을 눌러도 됩니다). in0은 `conv2_block1_out`에서 오는 건너뛰기 연결로, [56, 56, 256]이 블록의 합성곱 세 개를 건너뛰어 오고 Add가 그 출력과 더합니다.',
        '문제 탭을 여세요. stride 2인 1×1 합성곱(`conv3_block1_0_conv` 등)이 (56 + 2·0 − 1) / 2 = 27.5라서 마지막 행과 열은 읽히지 않는다고 경고합니다.',
        '요약 탭의 총 파라미터 수를 VGG16과 비교해 보세요: 25,636,712 대 138,357,544. 더 깊지만 가중치는 약 5분의 1입니다.',
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
        'Double-click the stage `inception_3`, then its first module `inception_3a`, and select `concat`: its formula adds up the branches, 64 + 128 + 32 + 32 = 256 channels.',
        'Inside `inception_3a`, select `reduce3x3` and press Delete and reconnect (Ctrl+Delete): `branch3x3` now reads all 192 channels, and its weights grow from 110,720 to 221,312.',
        'Open the Summary: about 7 M weights, yet one 224×224 image makes 24.1 MB of layer outputs (772 MB for a batch of 32), and training that batch needs 5,734 MB, more than the 4,228 MB tfjs can hold: why it is for study here.',
      ],
    },
    ko: {
      title: 'GoogLeNet / Inception v1 (학습용 관찰)',
      summary: '인셉션 모듈은 1×1, 3×3, 5×5를 동시에 보고 결과를 쌓습니다.',
      shows:
        '필터 크기 하나를 고르는 대신, 인셉션 모듈은 1×1, 3×3, 5×5 합성곱과 풀링 가지를 나란히 실행한 뒤 채널 방향으로 이어 붙입니다. 신경망이 깊이뿐 아니라 옆으로도 넓어집니다. 큰 필터 앞의 1×1 합성곱이 채널 수를 줄여 가중치를 약 700만 개로 유지합니다.',
      try: [
        '단계 `inception_3`을 더블클릭해 열고, 그 안의 첫 모듈 `inception_3a`도 더블클릭한 뒤 `concat`을 선택하세요. 공식이 가지별 채널을 더합니다: 64 + 128 + 32 + 32 = 256.',
        '`inception_3a` 안에서 `reduce3x3`을 선택하고 지우고 다시 잇기(Ctrl+Delete)를 누르세요. `branch3x3`이 192개 채널을 모두 읽게 되어 가중치가 110,720개에서 221,312개로 늘어납니다.',
        '요약 탭을 보세요. 가중치는 약 700만 개지만 224×224 이미지 한 장이 층 출력 24.1 MB를 만들고(배치 32개면 772 MB), 그 배치로 학습하려면 5,734 MB가 필요해 tfjs가 담을 수 있는 4,228 MB를 넘습니다. 그래서 여기서는 관찰용입니다.',
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
        'Give `block2_2_conv` 64 filters: `block2_add` turns red and says the channels differ (32 vs 64).',
        'Delete the skip edge from `stem_relu` into `block1_add`, then select `block1_add` and press Delete and reconnect (an Add needs two inputs); train both versions and compare the loss of the first epochs.',
        'Find the two skip edges, `stem_relu` → `block1_add` and `down_relu` → `block2_add`: each goes around two convolutions, and as the blocks are plain layers nothing is hidden.',
      ],
    },
    ko: {
      title: 'ResNet 미니',
      summary: 'MNIST에서 1분 안에 학습되는 작은 잔차 블록 두 개.',
      shows:
        '블록마다 3×3 합성곱 두 번을 계산한 뒤 ReLU 전에 블록의 입력을 다시 더합니다. Add는 두 입력의 모양이 같아야 하므로, 크기를 줄이는 일은 블록 사이의 stride 2 합성곱이 따로 맡습니다.',
      try: [
        '`block2_2_conv`의 filters를 64로 바꾸면 `block2_add`가 빨갛게 되며 채널이 다르다고(32 대 64) 알려 줍니다.',
        '`stem_relu`에서 `block1_add`로 가는 건너뛰기 연결을 지운 뒤, `block1_add`를 선택하고 지우고 다시 잇기를 누르세요(Add는 입력이 둘 있어야 합니다). 두 버전을 학습시켜 첫 에포크들의 손실을 비교해 보세요.',
        '건너뛰기 연결 두 개를 찾아보세요: `stem_relu` → `block1_add`, `down_relu` → `block2_add`. 각각 합성곱 두 개를 돌아가며, 블록이 일반 층으로 되어 있어 숨은 것이 없습니다.',
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
        'Open `inception_a` and set `branch5x5`’s padding to "valid": `concat` reports 14×14 against 10×10 and offers the Cropping2D that would fix it.',
        'Give `branch1x1` 16 filters: `concat`’s formula becomes 16 + 16 + 8 + 8 = 48, and back outside the block’s output edge reads [14, 14, 48].',
        'Train it and mnist-cnn with the same epochs and Samples to use; compare test accuracy and time.',
      ],
    },
    ko: {
      title: 'Inception 미니',
      summary: 'MNIST에서 몇 분 안에 학습되는 작은 인셉션 모듈 두 개.',
      shows:
        'GoogLeNet과 같은 생각을 작게 옮긴 것입니다. 네 가지(1×1, 1×1→3×3, 1×1→5×5, 풀링→1×1)가 숫자를 서로 다른 크기로 보고, Concatenate가 채널을 쌓습니다. padding이 "same"이라 모든 가지가 높이와 너비를 유지하는데, Concatenate는 이것이 맞아야 합니다.',
      try: [
        '`inception_a`를 열고 `branch5x5`의 padding을 "valid"로 바꾸면 `concat`이 14×14 대 10×10의 불일치를 알리고, 이를 고칠 Cropping2D를 제안합니다.',
        '`branch1x1`의 filters를 16으로 바꾸면 `concat`의 공식이 16 + 16 + 8 + 8 = 48이 되고, 블록 밖으로 나오면 출력 연결에 [14, 14, 48]이 보입니다.',
        '이 모델과 mnist-cnn을 같은 에포크와 같은 사용할 샘플 수로 학습시키고 테스트 정확도와 시간을 비교해 보세요.',
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
        'Open the Summary: only the head’s 100,741 weights are trainable; the backbone’s 4,800 are frozen.',
        'Select `backbone` and tick trainable (fine-tuning): all 105,541 weights become trainable; train again and compare the time per epoch and the accuracy.',
        'Clear `backbone`’s weightsUrl so it starts from random weights (still frozen) and train again: the test accuracy drops, most of all on a short run.',
      ],
    },
    ko: {
      title: '전이 학습: 0–4 → 5–9',
      summary: '숫자 0–4로 미리 학습해 고정한 백본과, 5–9를 배우는 새 헤드.',
      shows:
        'Backbone 블록의 합성곱은 숫자 0–4만으로 미리 학습되었습니다. 가중치는 앱에서 불러오고 고정(trainable 끔)되어 있어, 학습은 새 Dense 헤드만 바꿉니다. 몇몇 숫자에서 배운 모서리와 획은 다른 숫자에도 쓸모가 있어서, 헤드는 한두 에포크 만에 5–9를 잘 맞힙니다.',
      try: [
        '요약 탭을 보세요. 학습되는 가중치는 헤드의 100,741개뿐이고 백본의 4,800개는 고정되어 있습니다.',
        '`backbone`을 선택해 trainable을 켜면(미세 조정) 105,541개 가중치가 모두 학습 대상이 됩니다. 다시 학습시켜 에포크당 시간과 정확도를 비교해 보세요.',
        '`backbone`의 weightsUrl을 지워 무작위 가중치에서 시작하게 하고(여전히 고정) 다시 학습시키면 테스트 정확도가 떨어집니다. 짧게 학습할수록 차이가 큽니다.',
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
        'Open `encoder`, give `latent` 8 units and train: the reconstructions blur and their errors grow, next to a run with 64.',
        'While it trains, the panel shows test digits beside their reconstructions after every epoch, each with its error.',
        'Open ‹/› Code: buildEncoder() and buildDecoder() make the two halves as models of their own, so you can use the encoder alone.',
        'Select `decoder` and open Latent walk: eight pictures decoded along the line between the codes of two test digits. Before training they are noise; train one epoch and one digit turns into the other.',
      ],
    },
    ko: {
      title: '오토인코더 (Dense)',
      summary: '784개 픽셀을 64개 숫자로 압축했다가 다시 숫자를 복원합니다.',
      shows:
        '인코더는 이미지를 펼쳐 64개 값의 잠재 벡터로 압축하고, 디코더는 이를 784개 sigmoid 픽셀로 늘려 28×28로 되돌립니다. 목표가 입력 자신이라 레이블이 필요 없습니다. 잠재 벡터는 숫자에서 중요한 것을 간직해야 합니다.',
      try: [
        '`encoder`를 열고 `latent`를 8 유닛으로 줄여 학습시키세요. 64 유닛일 때보다 복원이 흐려지고 오류가 커집니다.',
        '학습하는 동안 패널이 에포크마다 테스트 숫자와 그 복원 결과를 나란히, 오류와 함께 보여 줍니다.',
        '‹/› 코드를 열면 buildEncoder()와 buildDecoder()가 두 부분을 각각의 모델로 만들어서, 인코더만 따로 쓸 수 있습니다.',
        '`decoder`를 선택하고 ‘잠재 공간 걷기’를 펼치세요. 두 테스트 숫자의 코드를 잇는 직선 위에서 디코딩한 그림 여덟 장입니다. 학습 전에는 잡음이고, 한 에포크 학습하면 한 숫자가 다른 숫자로 바뀌어 갑니다.',
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
        'In Train set Noise factor to 0.5 and train: the noisy inputs are much harder to read, and the errors of the cleaned digits grow several times over (this small model may even give up and draw nothing); the course found 0.2–0.25 best.',
        'Follow the shapes on the edges, opening `encoder` and `decoder`: 28×28×1 → 14×14×16 → 7×7×8 → 14×14×8 → 28×28×16 → 28×28×1.',
        'Open `decoder`, set `up2`’s strides to 1 and press Start in Train: it is refused, because the output is [14, 14, 1] and the input [28, 28, 1].',
      ],
    },
    ko: {
      title: '잡음 제거 오토인코더',
      summary: '잡음 낀 숫자에서 깨끗한 숫자를 복원하도록 배웁니다(noise factor 0.2).',
      shows:
        '학습할 때 입력마다 가우시안 잡음(표준편차 0.2, 0–1로 자름)을 더하고 목표는 깨끗한 그대로 둡니다. stride 2 합성곱 두 번이 28×28을 7×7×8로 줄이고, stride 2 전치 합성곱 두 번이 다시 키우며, sigmoid 합성곱이 한 채널의 픽셀을 냅니다.',
      try: [
        '학습 설정에서 잡음 세기를 0.5로 하고 학습시키세요. 잡음 낀 입력은 알아보기 훨씬 어려워지고 복원한 숫자의 오류가 몇 배로 커집니다(이 작은 모델은 아예 포기하고 아무것도 그리지 않기도 합니다). 강의 노트에서는 0.2–0.25가 가장 좋았습니다.',
        '`encoder`와 `decoder`를 열어 연결에 적힌 모양을 따라가 보세요: 28×28×1 → 14×14×16 → 7×7×8 → 14×14×8 → 28×28×16 → 28×28×1.',
        '`decoder`를 열고 `up2`의 strides를 1로 바꾼 뒤 학습 패널에서 시작을 누르세요. 출력이 [14, 14, 1]이고 입력은 [28, 28, 1]이라 학습이 거절됩니다.',
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
        'Train, then drag the threshold line on the error histogram: to the right precision rises and recall falls, to the left the other way round.',
        'In Train set Threshold k to 2 and train again: the threshold rises to mean + 2·std, so fewer normal beats are flagged (precision up), at the risk of missing anomalies (recall can only stay or fall).',
        'Open `encoder`, select `d8` and press Delete and reconnect: the code is now 16 numbers; train again and see whether abnormal beats move closer to the normal ones in the histogram.',
      ],
    },
    ko: {
      title: '오토인코더로 이상치 탐지',
      summary: '정상 심장 박동만으로 학습하고, 복원 오류가 크면 비정상으로 판단합니다.',
      shows:
        '140개 값 탐지기(Dense 32-16-8, 이어서 16-32-140 sigmoid, MAE 손실)는 학습할 때 정상 박동만 봅니다. 그래서 정상은 잘 복원하고 비정상은 잘 못 복원합니다. 임계값은 정상 학습 데이터 복원 오류의 평균 + 표준편차 1배이고, 이보다 크면 비정상으로 봅니다. Min–max 정규화로 값을 sigmoid의 0–1 범위에 맞춥니다.',
      try: [
        '학습한 뒤 오류 히스토그램에서 임계값 선을 끌어 보세요. 오른쪽으로 옮기면 정밀도는 오르고 재현율은 내려가며, 왼쪽으로 옮기면 그 반대입니다.',
        '학습 설정에서 임계값 k를 2로 하고 다시 학습시키세요. 임계값이 평균 + 2·표준편차로 올라가 정상 박동을 잘못 고르는 일이 줄고(정밀도 상승), 대신 이상치를 놓칠 위험이 생깁니다(재현율은 그대로이거나 떨어짐).',
        '`encoder`를 열고 `d8`을 선택해 지우고 다시 잇기를 누르세요. 이제 코드는 수 16개입니다. 다시 학습시켜 히스토그램에서 비정상 박동이 정상 쪽으로 다가오는지 보세요.',
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
        'Train, then look on the map for digits that overlap (often 4 and 9).',
        'Open `encoder`, give `latent` 3 units and train again: no map this time, because only a code of two numbers can be drawn as a plane.',
        'Train the autoencoder preset (64 numbers) too and compare the reconstructions: with two numbers the errors are larger and details are lost.',
      ],
    },
    ko: {
      title: '2차원 잠재 공간',
      summary: '숫자를 두 개의 수로 압축해 숫자별 색으로 지도에 그립니다.',
      shows:
        '잠재 유닛이 둘뿐이라 모든 숫자가 평면 위의 점이 됩니다. 학습한 뒤 산점도는 테스트 숫자를 그 코드 위치에 놓습니다. 비슷한 숫자끼리 가까이 모이는데, 인코더가 데이터가 놓인 저차원 곡면(매니폴드)을 찾았다는 뜻입니다.',
      try: [
        '학습한 뒤 지도에서 서로 겹치는 숫자를 찾아보세요(흔히 4와 9).',
        '`encoder`를 열고 `latent`를 3 유닛으로 바꿔 다시 학습시키면 이번에는 지도가 나오지 않습니다. 수 두 개짜리 코드만 평면에 그릴 수 있기 때문입니다.',
        '오토인코더 예제(수 64개)도 학습시켜 복원 결과를 비교해 보세요. 수 두 개로는 오류가 더 크고 세부가 사라집니다.',
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
        'Follow the sizes: the encoder takes 224 down to 7 (`block5_pool`), then `upscore2`, `upscore_pool4` and `upscore8` read 7 · 2 = 14, 14 · 2 = 28 and 28 · 8 = 224.',
        'Delete `score_pool3`, then select `fuse_pool3` and press Delete and reconnect: `upscore_pool4` now feeds `upscore8`, so pool4’s scores are enlarged ×16 in all with no pool3 detail, as in FCN-16s; the output stays [224, 224, 21].',
        'Open the Summary: `fc6` holds 102,764,544 weights (7·7·512·4,096 + 4,096), three quarters of the total.',
      ],
    },
    ko: {
      title: 'FCN-8s (학습용 관찰)',
      summary: '분류기를 픽셀 분류기로 바꾼 모델: Dense 층 없이 픽셀마다 21개 클래스.',
      shows:
        '완전 합성곱 신경망은 분류기의 Dense 층을 합성곱(fc6 7×7, fc7 1×1)으로 바꾸어 위치 정보가 끝까지 남게 합니다. 1×1 합성곱이 7×7 격자에서 PASCAL의 21개 클래스 점수를 매기고, 전치 합성곱이 점수를 224×224로 다시 키웁니다. 이때 pool4와 pool3의 더 세밀한 점수를 더해 경계를 또렷하게 합니다.',
      try: [
        '크기를 따라가 보세요: 인코더가 224를 7(`block5_pool`)로 줄이고, `upscore2`, `upscore_pool4`, `upscore8`의 공식이 7 · 2 = 14, 14 · 2 = 28, 28 · 8 = 224로 다시 키웁니다.',
        '`score_pool3`을 지운 뒤 `fuse_pool3`을 선택하고 지우고 다시 잇기를 누르세요. `upscore_pool4`가 `upscore8`로 바로 이어져, pool3의 세부 없이 pool4의 점수를 모두 16배로 키우는 FCN-16s와 같은 구조가 됩니다. 출력은 그대로 [224, 224, 21]입니다.',
        '요약 탭을 보세요. `fc6` 하나에 가중치 102,764,544개(7·7·512·4,096 + 4,096), 전체의 4분의 3이 있습니다.',
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
        'Train and look at the mask overlays and the IoU of each image: where do the mistakes sit (edges, small shapes)?',
        'Delete `score_pool1`, then select `fuse_pool1` and press Delete and reconnect: `upscore2` now feeds `upscore_final` directly; train again and compare mean IoU.',
        'Set `upscore_final`’s strides to 1 and press Start in Train: it is refused, because the output is 32×32 pixels and the masks 64×64.',
      ],
    },
    ko: {
      title: 'FCN (작은 버전)',
      summary: '64×64 도형 그림의 모든 픽셀을 배경, 원, 사각형, 삼각형으로 분류합니다.',
      shows:
        '합성곱 세 번이 도형의 모습을 배우며 그림을 16×16으로 줄이고, 1×1 합성곱이 위치마다 4개 클래스 점수를 냅니다. ×2 전치 합성곱 두 번이 이를 다시 64×64로 키우며, 중간에 pool1의 점수를 더해 세부를 되살립니다. 모든 픽셀은 4개 클래스에 대한 softmax로 끝납니다.',
      try: [
        '학습한 뒤 마스크 겹쳐 보기와 이미지별 IoU를 보세요. 틀린 곳은 어디에 있나요(경계, 작은 도형)?',
        '`score_pool1`을 지운 뒤 `fuse_pool1`을 선택하고 지우고 다시 잇기를 누르세요. `upscore2`가 `upscore_final`로 바로 이어집니다. 다시 학습시켜 평균 IoU를 비교해 보세요.',
        '`upscore_final`의 strides를 1로 바꾸고 학습 패널에서 시작을 누르세요. 출력이 32×32 픽셀인데 마스크는 64×64라서 학습이 거절됩니다.',
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
        'Select `crop1` and read its formula: 568 − 2·88 = 392.',
        'Select `crop2` and press Delete and reconnect (Ctrl+Delete): `concat2` now gets the uncropped 280×280 map and names the exact Cropping2D that fixes it, [[40, 40], [40, 40]], with a button that puts it back.',
        'Set `image`’s shape to 576, 576, 1: `pool3` warns that (137 + 2·0 − 2) / 2 = 67.5 leaves the last row and column unread, and `concat3` finds 105 against 104; the crops fit only an input that every pooling halves exactly, as 572 does.',
      ],
    },
    ko: {
      title: 'U-Net (원본, 학습용 관찰)',
      summary: '572×572 U-Net: 패딩 없는 합성곱이라 건너뛰기 연결을 잘라 붙입니다.',
      shows:
        '인코더는 채널을 두 배로 늘리며 이미지를 네 번 절반으로 줄이고, 디코더는 2×2 업-합성곱으로 키운 뒤 같은 단계의 인코더 특징 맵을 이어 붙입니다. 3×3 합성곱마다 패딩이 없어 2픽셀씩 줄어들기 때문에 인코더 맵이 디코더보다 커서, 먼저 잘라 냅니다(변마다 4, 16, 40, 88픽셀). 논문 그림의 회색 화살표입니다. 출력은 388×388×2입니다.',
      try: [
        '`crop1`을 선택해 공식을 읽어 보세요: 568 − 2·88 = 392.',
        '`crop2`를 선택하고 지우고 다시 잇기(Ctrl+Delete)를 누르세요. `concat2`가 잘리지 않은 280×280 맵을 받게 되어, 이를 고칠 정확한 Cropping2D [[40, 40], [40, 40]]를 알려 주고 다시 넣는 버튼도 보여 줍니다.',
        '`image`의 shape를 576, 576, 1로 바꾸면 `pool3`가 (137 + 2·0 − 2) / 2 = 67.5라서 마지막 행과 열이 읽히지 않는다고 경고하고, `concat3`이 105 대 104의 불일치를 찾습니다. 정해 둔 자르기는 모든 풀링이 정확히 절반으로 나누는 입력(572처럼)에만 맞습니다.',
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
        'Train it and fcn-small with the same epochs and Samples to use; compare mean IoU and the mask overlays.',
        'Delete the skip edge from `down1_conv2` into `concat1`, then select `concat1` and press Delete and reconnect; train again and compare the boundaries and mean IoU.',
        'Set `down1_conv2`’s padding to "valid": 64 becomes 62, `pool2` drops the last row of the odd 31, and `concat2` reports 31×31 against 30×30, which is why the original U-Net crops.',
        'Select `up2` and open Convolution, step by step: each of the 16×16 input cells stamps a 2×2 kernel onto the 32×32 output, 2 apart, so no two stamps overlap.',
      ],
    },
    ko: {
      title: 'U-Net (작은 버전)',
      summary: '"same" 패딩을 쓴 3단계 U-Net으로 64×64 도형을 분할합니다.',
      shows:
        'padding이 "same"이면 인코더와 디코더 맵의 크기가 같아서 건너뛰기 연결을 자를 필요가 없습니다. 단계마다 인코더의 세밀한 특징과 디코더가 키운 추상적인 특징을 이어 붙입니다. 그래서 같은 크기의 FCN보다 경계를 더 또렷하게 그립니다.',
      try: [
        '이 모델과 fcn-small을 같은 에포크와 같은 사용할 샘플 수로 학습시키고 평균 IoU와 마스크 겹쳐 보기를 비교해 보세요.',
        '`down1_conv2`에서 `concat1`로 가는 건너뛰기 연결을 지운 뒤, `concat1`을 선택하고 지우고 다시 잇기를 누르세요. 다시 학습시켜 경계와 평균 IoU를 비교해 보세요.',
        '`down1_conv2`의 padding을 "valid"로 바꾸면 64가 62가 되고, `pool2`가 홀수인 31의 마지막 행을 버리며, `concat2`가 31×31 대 30×30의 불일치를 알립니다. 원본 U-Net이 잘라 붙이는 이유입니다.',
        '`up2`를 선택하고 ‘합성곱, 한 단계씩’을 펼치세요. 16×16 입력 칸마다 2×2 커널을 32×32 출력에 2칸 간격으로 찍으므로 겹치는 곳이 없습니다.',
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
        'Train, then look at the box overlays: true boxes dashed white, found boxes in their class’s colour with class and score.',
        'After training, drag the NMS IoU threshold above the overlays up to 1: overlapping duplicates of one shape are no longer removed, so more boxes appear.',
        'Select `pool3` and press Delete and reconnect: `grid` becomes [16, 16, 8], more cells, each covering 4×4 pixels instead of 8×8.',
      ],
    },
    ko: {
      title: '원스테이지 탐지기',
      summary: '8×8 격자의 칸마다 물체 여부, 상자, 클래스를 한 번에 예측합니다.',
      shows:
        '원스테이지 탐지기(YOLO, SSD)는 이미지를 격자로 나누고, 칸마다 물체의 중심이 그 안에 있는지, 상자, 클래스를 한꺼번에 예측합니다. 후보 영역을 따로 뽑는 단계가 없습니다. R-CNN 같은 투스테이지 탐지기는 먼저 물체가 있을 만한 영역을 추천받고 각각을 분류합니다. 더 정확하지만 느립니다. 상자는 정답과 IoU(겹친 넓이 ÷ 합친 넓이)로 비교하며, IoU ≥ 0.5이면 맞힌 것으로 세고, 겹치는 중복은 NMS(non-max suppression)로 지웁니다.',
      try: [
        '학습한 뒤 상자 겹쳐 보기를 보세요: 흰 점선은 정답 상자, 클래스 색깔 상자는 클래스와 점수가 붙은 예측입니다.',
        '학습한 뒤 겹쳐 보기 위의 NMS IoU 임계값을 1까지 끌어 올려 보세요. 한 도형에 겹친 중복 상자가 더는 지워지지 않아 상자가 더 많이 보입니다.',
        '`pool3`를 선택하고 지우고 다시 잇기를 누르면 `grid`가 [16, 16, 8]이 됩니다. 칸이 많아지고, 칸 하나가 8×8 대신 4×4 픽셀을 맡습니다.',
      ],
    },
  },
  'ssd.json': {
    topic: 'detection',
    en: {
      title: 'SSD-style detector',
      summary: 'Default boxes of three shapes on two feature maps, each box classified and nudged in one pass.',
      shows:
        'Like the grid detector, this is one-stage: no region proposals, every box is judged in the same single pass. SSD puts a set of default boxes (anchors) on each cell of more than one feature map: here 8×8 cells with small boxes and 4×4 cells with big ones, each in three aspect ratios (1, 2 and ½), 240 boxes per image. For every default box the head gives 4 numbers that move and stretch it onto an object, a background score and a score per class. While training, a default box learns an object when their IoU (overlap ÷ union) is at least 0.5, and background when it is under 0.4; since almost all boxes are background, only the three background boxes per object that the model gets most wrong count (hard-negative mining). The box error is a smooth L1, the class error a cross-entropy. Afterwards, boxes of the same class that overlap a better one are removed by non-max suppression (NMS). The results give mAP@0.5 and the milliseconds per image, to set beside the grid detector: the course notes say one-stage detectors are faster than two-stage ones (R-CNN family), which first propose regions of interest and classify each one. Measured on a 2-core machine (wasm), on the same 400 held-out images after each preset’s own 12 epochs: mAP@0.5 0.98 here against 0.95 for the grid detector, and about 7.6 against 5.8 ms per image — the boxes at two scales find shapes better and cost time.',
      try: [
        'Train, then compare mAP@0.5 and the ms per image above the AP bars with the grid detector (detector.json) trained for the same epochs.',
        'After training, drag the NMS IoU threshold above the overlays up to 1: neighbouring default boxes that found the same shape all show.',
        'Select `boxes_8x8` and set its aspectRatios to [1], and the filters of `head_8x8` to 8: one default box per cell instead of three. The shapes here are about as wide as they are high; train again and see whether mAP changes, and what that says about choosing aspect ratios for your own data.',
        'Give `boxes_4x4` the size of `boxes_8x8` (sizes [0.25]) and train again: no default box fits the biggest shapes any more; watch the AP.',
      ],
    },
    ko: {
      title: 'SSD 방식 탐지기',
      summary: '두 특징 맵에 모양이 세 가지인 기본 상자를 두고, 상자마다 분류와 위치 보정을 한 번에 합니다.',
      shows:
        '격자 탐지기처럼 원스테이지입니다. 후보 영역을 뽑지 않고, 모든 상자를 한 번의 계산으로 판단합니다. SSD는 여러 특징 맵의 칸마다 기본 상자(앵커) 묶음을 둡니다. 여기서는 8×8 칸에 작은 상자, 4×4 칸에 큰 상자를 두고 각각 가로세로 비율을 세 가지(1, 2, ½)로 해서 이미지 한 장에 상자가 240개입니다. 헤드는 기본 상자마다 상자를 물체 쪽으로 옮기고 늘일 숫자 4개, 배경 점수, 클래스별 점수를 냅니다. 학습할 때 기본 상자는 물체와의 IoU(겹친 넓이 ÷ 합친 넓이)가 0.5 이상이면 그 물체를, 0.4 미만이면 배경을 배웁니다. 상자 대부분이 배경이므로 물체 하나당 모델이 가장 많이 틀린 배경 상자 세 개만 손실에 넣습니다(hard negative mining). 상자 오차는 smooth L1, 클래스 오차는 교차 엔트로피입니다. 끝으로 같은 클래스에서 더 좋은 상자와 많이 겹치는 상자는 NMS(비최대 억제)로 지웁니다. 결과에는 mAP@0.5와 이미지 한 장당 밀리초가 나오니 격자 탐지기와 나란히 비교해 보세요. 강의 노트에 따르면 원스테이지 탐지기는 관심 영역을 먼저 추천받고 하나씩 분류하는 투스테이지 탐지기(R-CNN 계열)보다 빠릅니다. 코어 2개짜리 컴퓨터(wasm)에서 각 예제의 기본 설정대로 12 에포크 학습한 뒤 같은 테스트 이미지 400장으로 재어 보면, mAP@0.5는 이 모델이 0.98, 격자 탐지기가 0.95이고, 이미지당 시간은 약 7.6 ms 대 5.8 ms입니다. 두 크기의 기본 상자가 도형을 더 잘 찾는 대신 시간이 더 듭니다.',
      try: [
        '학습한 뒤 AP 막대 위의 mAP@0.5와 이미지당 ms를, 같은 에포크만큼 학습한 격자 탐지기(detector.json)와 비교해 보세요.',
        '학습한 뒤 겹쳐 보기 위의 NMS IoU 임계값을 1까지 끌어 올려 보세요. 같은 도형을 찾은 이웃 기본 상자들이 모두 보입니다.',
        '`boxes_8x8`을 선택해 aspectRatios를 [1]로, `head_8x8`의 filters를 8로 바꾸세요. 칸마다 기본 상자가 세 개에서 한 개로 줄어듭니다. 여기 도형들은 너비와 높이가 비슷하니, 다시 학습해 mAP가 달라지는지 보고 내 데이터에 맞는 가로세로 비율을 고르는 일에 대해 생각해 보세요.',
        '`boxes_4x4`에 `boxes_8x8`과 같은 크기(sizes [0.25])를 주고 다시 학습하세요. 가장 큰 도형에 맞는 기본 상자가 없어지면 AP가 어떻게 되는지 보세요.',
      ],
    },
  },
  'faster-rcnn.json': {
    topic: 'detection',
    en: {
      title: 'Two-stage detector (Faster R-CNN)',
      summary: 'Stage 1 proposes regions that may hold an object; stage 2 crops each one from the shared feature map, classifies it and refines its box.',
      shows:
        'A two-stage detector of the R-CNN family. The grid and SSD detectors judge every cell or default box in one pass; this one first asks where objects might be. Stage 1, the Region Proposal Network (`rpn_conv`, `rpn_head`), gives each of 384 anchors (8×8 cells, two sizes, three aspect ratios) an objectness score and 4 numbers that move the anchor; `proposals` keeps the 32 best after non-max suppression (NMS: a box overlapping a better one by more than the IoU threshold is dropped; IoU = overlap area ÷ union area). These boxes are the regions of interest (RoIs). Stage 2: `roi_align` cuts every RoI out of the feature map that `features` computed once for the whole image and resamples it to 4×4, whatever its size; `roi_fc` and `roi_head` then classify each RoI (background or a class) and refine its box. Training is end to end in one step (Faster R-CNN’s approximate joint training): the RPN learns objectness and box from anchors matched to the true boxes by IoU, the RoI head learns from the batch’s own proposals matched the same way (IoU ≥ 0.5: that class; under 0.3: background), and its gradient reaches the backbone through RoIAlign; the proposals themselves are constants. Stage 2 runs once per proposal, which is why two-stage detectors are slower than one-stage ones, as the course notes say. Measured on a 2-core machine (wasm), on the same 400 held-out images after each preset’s own 12 epochs: mAP@0.5 0.99 here, 0.98 for SSD and 0.95 for the grid; and in one timing run of all three side by side, about 5.9 ms per image here against 2.9 for SSD and 2.5 for the grid. Mask R-CNN adds a third head to this same design: a small mask for every RoI, which gives instance segmentation (each object its own mask, two circles are two instances) where U-Net and FCN do semantic segmentation (a class per pixel, both circles one region).',
      try: [
        'Train, then tick “Show stage 1’s proposals” above the overlays: the thin dashed pink boxes are the RoIs stage 1 passed on, the solid ones what stage 2 made of them. Train again and watch the proposals gather on the shapes epoch by epoch.',
        'Select `proposals` and set proposals to 8, train again and read the ms per image and mAP@0.5 above the AP bars; then try 64. More RoIs cost stage 2 more time per image; too few miss shapes.',
        'After training, drag the NMS IoU threshold above the overlays up to 1: several refined RoIs on one shape all show.',
        'Train ssd.json and detector.json for the same epochs and compare their mAP@0.5 and ms per image with this one.',
      ],
    },
    ko: {
      title: '투스테이지 탐지기 (Faster R-CNN)',
      summary: '1단계가 물체가 있을 만한 영역을 제안하고, 2단계가 공유 특징 맵에서 영역마다 잘라 분류하고 상자를 다듬습니다.',
      shows:
        'R-CNN 계열의 투스테이지 탐지기입니다. 격자 탐지기와 SSD는 모든 칸이나 기본 상자를 한 번의 계산으로 판단하지만, 이 모델은 먼저 물체가 어디 있을지를 묻습니다. 1단계인 RPN(영역 제안 네트워크, `rpn_conv`, `rpn_head`)은 앵커 384개(8×8 칸, 크기 두 가지, 가로세로 비율 세 가지)마다 물체일 점수와 앵커를 옮길 숫자 4개를 냅니다. `proposals`는 NMS(비최대 억제: 더 좋은 상자와 IoU 임계값보다 많이 겹치는 상자를 지움, IoU = 겹친 넓이 ÷ 합친 넓이)를 거쳐 가장 좋은 32개를 남깁니다. 이 상자들이 관심 영역(RoI)입니다. 2단계에서는 `roi_align`이 `features`가 이미지 전체에 대해 한 번 계산한 특징 맵에서 RoI마다 그 영역을 잘라, 크기와 상관없이 4×4로 다시 샘플링합니다. 그다음 `roi_fc`와 `roi_head`가 RoI마다 배경인지 어느 클래스인지 분류하고 상자를 다듬습니다. 학습은 한 단계로 끝까지 이어서 합니다(Faster R-CNN의 근사 공동 학습). RPN은 IoU로 정답 상자에 짝지은 앵커에서 물체일 점수와 상자를 배우고, RoI 헤드는 그 배치에서 나온 제안을 같은 방식으로 짝지어 배웁니다(IoU 0.5 이상은 그 클래스, 0.3 미만은 배경). RoI 헤드의 기울기는 RoIAlign을 지나 백본까지 가고, 제안 상자 자체는 상수로 다룹니다. 2단계는 제안마다 한 번씩 돌기 때문에, 강의 노트 말대로 투스테이지 탐지기는 원스테이지보다 느립니다. 코어 2개짜리 컴퓨터(wasm)에서 각 예제의 기본 설정대로 12 에포크 학습한 뒤 같은 테스트 이미지 400장으로 재어 보면, mAP@0.5는 이 모델이 0.99, SSD가 0.98, 격자가 0.95입니다. 세 모델을 나란히 한 번에 잰 이미지당 시간은 이 모델이 약 5.9 ms로, SSD의 2.9 ms, 격자의 2.5 ms보다 깁니다. Mask R-CNN은 같은 구조에 세 번째 헤드를 더해 RoI마다 작은 마스크를 냅니다. 그래서 물체 하나하나에 마스크가 따로 생기는 인스턴스 분할(원 두 개는 인스턴스 두 개)을 할 수 있습니다. U-Net과 FCN이 하는 시맨틱 분할은 픽셀마다 클래스만 정하므로 두 원이 한 영역이 됩니다.',
      try: [
        '학습한 뒤 겹쳐 보기 위의 ‘1단계의 제안 보기’를 켜세요. 분홍색 가는 점선 상자는 1단계가 넘긴 RoI이고, 실선 상자는 2단계가 그것을 다듬은 결과입니다. 다시 학습시키며 에포크마다 제안이 도형 위로 모이는 모습을 보세요.',
        '`proposals`를 선택해 proposals를 8로 바꾸고 다시 학습한 뒤, AP 막대 위의 이미지당 ms와 mAP@0.5를 읽으세요. 그다음 64로도 해 보세요. RoI가 많을수록 2단계가 이미지 한 장에 쓰는 시간이 늘고, 너무 적으면 도형을 놓칩니다.',
        '학습한 뒤 겹쳐 보기 위의 NMS IoU 임계값을 1까지 끌어 올려 보세요. 한 도형 위에서 다듬어진 여러 RoI가 모두 보입니다.',
        'ssd.json과 detector.json을 같은 에포크만큼 학습시켜 mAP@0.5와 이미지당 ms를 이 모델과 비교해 보세요.',
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
        'Train and watch the fixed-noise grid: the same 16 noise vectors turn from grey noise into blobs, then strokes, epoch by epoch.',
        'Watch the two loss curves, generator and discriminator: neither should reach zero; if the discriminator’s falls to zero, the generator has lost.',
        'Open `generator`, select `bn1`, `bn2` and `bn3` (Shift-click) and press Delete and reconnect; train again and see whether the losses still settle.',
      ],
    },
    ko: {
      title: 'DCGAN',
      summary: '생성자는 잡음에서 숫자를 만들고, 판별자는 가짜를 잡아내도록 배웁니다.',
      shows:
        '생성자는 무작위 수 100개를 28×28 이미지로 바꿉니다(Dense → Reshape → 전치 합성곱, tanh). 판별자는 점수 하나를 내는 작은 CNN입니다. 둘은 각자의 옵티마이저로 번갈아 학습합니다. 판별자는 진짜 이미지에 대한 출력을 1과, 생성된 이미지에 대한 출력을 0과 비교하고, 생성자는 판별자가 자기 이미지를 진짜라고 할수록(가짜 출력을 1과 비교) 보상을 받습니다.',
      try: [
        '학습시키며 고정된 잡음으로 만든 격자를 보세요. 같은 잡음 벡터 16개가 에포크마다 회색 잡음에서 얼룩으로, 다시 획으로 바뀝니다.',
        '생성자와 판별자의 두 손실 곡선을 보세요. 어느 쪽도 0이 되면 안 됩니다. 판별자 손실이 0으로 떨어지면 생성자가 진 것입니다.',
        '`generator`를 열고 `bn1`, `bn2`, `bn3`을 Shift-클릭으로 함께 선택한 뒤 지우고 다시 잇기를 누르세요. 다시 학습시켜 손실이 여전히 안정되는지 보세요.',
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
        'Train and look at the rows: A (real), A→B, A→B→A; the last should give back the first.',
        'In Train set Cycle loss weight and Identity loss weight to 0 and train again: nothing ties a translation to its input any more, so A→B→A drifts from A (the cycle L1 at the end is higher) and digits may change identity.',
        'Open pix2pix and train it: it learns from matched pairs, so a target row shows what each generated digit should be; CycleGAN has no target, only the cycle back to A.',
      ],
    },
    ko: {
      title: 'CycleGAN',
      summary: '짝지은 데이터 없이 두 숫자 스타일 사이를 변환합니다.',
      shows:
        '생성자 둘이 A→B와 B→A로 변환하고, 판별자 둘이 각 도메인을 판별합니다. 짝이 없는 데이터에서는 적대적 손실만으로는 생성자가 그럴듯한 B를 아무것이나 만들어, 받은 숫자가 무엇이었는지 잊어버릴 수 있습니다. 순환 손실이 이를 막습니다. A→B→A로 변환한 결과가 원본으로 돌아와야 하므로(L1 거리) 스타일이 바뀌어도 내용이 남습니다. 항등 손실은 생성자에 자기 목표 도메인을 넣었을 때 그대로 두게 합니다.',
      try: [
        '학습시키고 줄을 보세요: A (실제), A→B, A→B→A. 마지막 줄이 첫 줄로 돌아와야 합니다.',
        '학습 설정에서 순환 손실 가중치와 항등 손실 가중치를 0으로 하고 다시 학습시키세요. 변환을 입력에 묶어 두는 것이 없어져 A→B→A가 A에서 멀어지고(마지막 순환 L1이 더 큼), 숫자가 다른 숫자로 바뀔 수도 있습니다.',
        'pix2pix를 열어 학습시켜 보세요. 짝지은 데이터로 배우므로 생성된 숫자마다 맞춰 볼 정답 줄이 있습니다. CycleGAN에는 정답이 없고 A로 돌아오는 순환만 있습니다.',
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
        'Train and compare the rows: input (the edge map), generated, target.',
        'In Train set L1 loss weight to 0 and train again: sharper but often wrong digits; set it to 1000: right but blurrier ones.',
        'Open `generator`, delete the skip edge from `down1_lrelu` into `skip1`, select `skip1` and press Delete and reconnect; train again and watch fine strokes get lost.',
      ],
    },
    ko: {
      title: 'pix2pix',
      summary: '짝지은 변환: 윤곽선에서 숫자를 그려 냅니다.',
      shows:
        '학습 예시마다 (윤곽선, 숫자) 짝이 있습니다. U-Net 생성자는 윤곽선을 숫자로 바꾸며 건너뛰기 연결로 세부를 전달합니다. PatchGAN 판별자는 윤곽선과 진짜 또는 생성된 숫자를 함께 보고 4×4 패치마다 판단합니다. 생성자의 손실에는 출력을 진짜 숫자로 끌어당기는 L1 항(가중치 100)이 더해지고, 적대적 항은 결과를 또렷하게 유지합니다.',
      try: [
        '학습시키고 줄을 비교해 보세요: 입력(윤곽선), 생성, 정답.',
        '학습 설정에서 L1 손실 가중치를 0으로 하고 다시 학습시키면 또렷하지만 자주 틀린 숫자가, 1000으로 하면 맞지만 흐린 숫자가 나옵니다.',
        '`generator`를 열고 `down1_lrelu`에서 `skip1`로 가는 건너뛰기 연결을 지운 뒤, `skip1`을 선택하고 지우고 다시 잇기를 누르세요. 다시 학습시켜 가는 획이 사라지는지 보세요.',
      ],
    },
  },
};
