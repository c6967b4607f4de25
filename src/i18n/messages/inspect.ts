/**
 * Words of the inspection views' worker side (src/inspect, the views'
 * worker): why a look inside the network could not be taken. Keys `inspect.…`.
 */
export const inspect = {
  en: {
    'inspect.many-inputs': 'this graph has {{count}} inputs; these views feed one sample to a graph with one input',
    'inspect.sample-misfit': 'the sample has shape {{shape}}, but the graph’s Input takes {{input}}',
    'inspect.no-such-node': 'node {{node}} is not part of the model (is it connected to an output?)',
    'inspect.cam-needs-maps': 'Grad-CAM needs a layer with feature maps (height × width × channels); {{node}} has none',
    'inspect.no-such-class': 'the model has no class {{index}}',
    'inspect.no-block': 'the graph has no {{role}} block to walk through',
    'inspect.block-ports': 'the {{role}} block needs exactly one input and one output for a walk',
    'inspect.not-built': 'the graph cannot be built yet: {{reasons}}',
    'inspect.no-model': 'there is no model to look at yet',
    'inspect.no-samples': 'no test sample fits this graph’s Input',
    'inspect.failed': 'looking inside failed: {{detail}}',
  },
  ko: {
    'inspect.many-inputs': '이 그래프는 입력이 {{count}}개입니다. 이 보기는 입력이 하나인 그래프에 샘플 하나를 넣어 봅니다',
    'inspect.sample-misfit': '샘플의 모양은 {{shape}}인데 그래프의 Input은 {{input}}을 받습니다',
    'inspect.no-such-node': '노드 {{node}}는 모델에 포함되지 않습니다(출력까지 연결되어 있나요?)',
    'inspect.cam-needs-maps': 'Grad-CAM에는 특징 맵(높이 × 너비 × 채널)을 내는 층이 필요한데 {{node}}는 그렇지 않습니다',
    'inspect.no-such-class': '모델에 {{index}}번 클래스가 없습니다',
    'inspect.no-block': '그래프에 따라 걸어 볼 {{role}} 블록이 없습니다',
    'inspect.block-ports': '잠재 공간을 걸어 보려면 {{role}} 블록의 입력과 출력이 하나씩이어야 합니다',
    'inspect.not-built': '아직 그래프를 만들 수 없습니다: {{reasons}}',
    'inspect.no-model': '아직 살펴볼 모델이 없습니다',
    'inspect.no-samples': '이 그래프의 Input에 맞는 테스트 샘플이 없습니다',
    'inspect.failed': '안을 들여다보지 못했습니다: {{detail}}',
  },
} satisfies { en: Record<string, string>; ko: Record<string, string> };
