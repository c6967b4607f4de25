/**
 * Why "Delete and reconnect" (dissolveNodes in src/graph/commands.ts)
 * refuses a node. Keys: `dissolve.<case>`.
 */
export const dissolve = {
  en: {
    'dissolve.no-node': 'there is no node "{{id}}" here to remove',
    'dissolve.takes-no-input': '{{kind}} "{{id}}" takes no input, so there is no path through it to keep: use Delete',
    'dissolve.nothing-in': 'nothing is connected to {{kind}} "{{id}}", so there is no path through it to keep: use Delete',
    'dissolve.several-inputs': '{{kind}} "{{id}}" has {{count}} inputs, so it is not clear which one should take its place: delete the edges you do not want first, or use Delete',
    'dissolve.several-outputs': '{{kind}} "{{id}}" sends out {{count}} different outputs, so it is not clear which one its input should replace: use Delete',
  },
  ko: {
    'dissolve.no-node': '여기에는 지울 노드가 없습니다: "{{id}}"',
    'dissolve.takes-no-input': '{{kind}} "{{id}}": 입력을 받지 않는 층이라 이어 줄 경로가 없습니다. 삭제를 쓰세요',
    'dissolve.nothing-in': '{{kind}} "{{id}}": 연결된 입력이 없어 이어 줄 경로가 없습니다. 삭제를 쓰세요',
    'dissolve.several-inputs': '{{kind}} "{{id}}": 입력이 {{count}}개라 어느 것을 대신 이어야 할지 알 수 없습니다. 필요 없는 연결을 먼저 지우거나 삭제를 쓰세요',
    'dissolve.several-outputs': '{{kind}} "{{id}}": 서로 다른 출력 {{count}}개를 내보내서 입력을 어디에 이어야 할지 알 수 없습니다. 삭제를 쓰세요',
  },
} as const;
