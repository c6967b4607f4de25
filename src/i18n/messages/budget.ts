/**
 * Words of the memory budget (src/analysis/budget.ts): a graph too big to
 * run, to train, or to train with its batch size, and the training check's
 * refusal naming a batch size that fits. English and Korean; keys `budget.…`.
 * Sizes come as "4.2 GB" strings, optimizers as their code names (adam).
 */
export const budget = {
  en: {
    'budget.too-large-to-run':
      'one sample needs at least {{need}} ({{weights}} of weights, {{outputs}} of layer outputs), more than the {{limit}} tfjs can hold: netloom cannot build or train this graph. Make the input smaller, downsample earlier (strides or pooling), or use fewer filters',
    'budget.too-large-to-run.outputs':
      'one sample needs at least {{need}} ({{weights}} of weights, {{outputs}} of layer outputs; {{node}} alone outputs {{largest}}), more than the {{limit}} tfjs can hold: netloom cannot build or train this graph. Make the input smaller, downsample earlier (strides or pooling), or use fewer filters',
    'budget.too-large-to-run.weights':
      'one sample needs at least {{need}} ({{weights}} of weights, {{largest}} of them in {{node}}; {{outputs}} of layer outputs), more than the {{limit}} tfjs can hold: netloom cannot build or train this graph. Use fewer units or filters, or downsample more before Flatten',
    'budget.too-large-to-train':
      "training needs about {{need}} even one sample at a time ({{state}} for the weights, their gradients and {{optimizer}}'s state, {{sample}} per sample for layer outputs and their gradients), more than the {{limit}} tfjs can hold: too big to train in a browser, but fine to study and export",
    'budget.batch-too-large': 'training with batch size {{batch}} ({{optimizer}}) needs about {{need}}, more than the {{limit}} tfjs can hold: batch size {{fits}} fits',
    'budget.train-refused': 'training with batch size {{batch}} and {{optimizer}} needs about {{need}}, more than the {{limit}} tfjs can hold: choose batch size {{fits}} or smaller',
    'budget.train-refused.any':
      'training needs about {{one}} even with batch size 1 and {{optimizer}}, more than the {{limit}} tfjs can hold: too big to train in a browser; study it or export the code',
    'budget.ask-first': 'training with batch size {{batch}} and {{optimizer}} needs about {{need}}: within the {{limit}} tfjs can hold, but above {{ask}}, where the app asks before it starts',
  },
  ko: {
    'budget.too-large-to-run':
      '샘플 하나에만 최소 {{need}}가 필요합니다(가중치 {{weights}}, 층 출력 {{outputs}}). tfjs가 담을 수 있는 {{limit}}보다 많아 netloom은 이 그래프를 만들거나 학습시킬 수 없습니다. 입력을 줄이거나, 더 앞에서 크기를 줄이거나(strides, 풀링), 필터 수를 줄이세요',
    'budget.too-large-to-run.outputs':
      '샘플 하나에만 최소 {{need}}가 필요합니다(가중치 {{weights}}, 층 출력 {{outputs}}, 그중 {{node}}의 출력만 {{largest}}). tfjs가 담을 수 있는 {{limit}}보다 많아 netloom은 이 그래프를 만들거나 학습시킬 수 없습니다. 입력을 줄이거나, 더 앞에서 크기를 줄이거나(strides, 풀링), 필터 수를 줄이세요',
    'budget.too-large-to-run.weights':
      '샘플 하나에만 최소 {{need}}가 필요합니다(가중치 {{weights}}, 그중 {{node}}에 {{largest}}, 층 출력 {{outputs}}). tfjs가 담을 수 있는 {{limit}}보다 많아 netloom은 이 그래프를 만들거나 학습시킬 수 없습니다. units나 필터 수를 줄이거나, Flatten 앞에서 크기를 더 줄이세요',
    'budget.too-large-to-train':
      '샘플을 하나씩 학습해도 약 {{need}}가 필요합니다(가중치와 기울기, {{optimizer}} 상태에 {{state}}, 샘플마다 층 출력과 그 기울기에 {{sample}}). tfjs가 담을 수 있는 {{limit}}보다 많아 브라우저에서 학습하기에는 너무 크지만, 구조를 공부하고 코드로 내보내기에는 좋습니다',
    'budget.batch-too-large': '이 설정(배치 크기 {{batch}}, {{optimizer}})으로 학습하면 약 {{need}}가 필요해 tfjs가 담을 수 있는 {{limit}}보다 많습니다: 배치 크기 {{fits}}이면 들어갑니다',
    'budget.train-refused': '이 설정(배치 크기 {{batch}}, {{optimizer}})으로 학습하면 약 {{need}}가 필요해 tfjs가 담을 수 있는 {{limit}}보다 많습니다: 배치 크기를 {{fits}} 이하로 고르세요',
    'budget.train-refused.any':
      '배치 크기를 1로 해도({{optimizer}}) 학습에 약 {{one}}가 필요해 tfjs가 담을 수 있는 {{limit}}보다 많습니다: 브라우저에서 학습하기에는 너무 큽니다. 구조를 살펴보거나 코드를 내보내세요',
    'budget.ask-first': '이 설정(배치 크기 {{batch}}, {{optimizer}})으로 학습하면 약 {{need}}가 필요합니다: tfjs가 담을 수 있는 {{limit}} 안이지만, 앱에서는 {{ask}}를 넘으면 시작하기 전에 묻습니다',
  },
} satisfies { en: Record<string, string>; ko: Record<string, string> };
