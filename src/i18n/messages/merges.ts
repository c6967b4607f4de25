/**
 * Words of the merge nodes (Add, Multiply, Average, Maximum, Concatenate):
 * their diagnostics, the advice after the shapes, and the labels of their
 * one-click fixes (src/nodes/common/merge.ts, merge-fix.ts, concatenate.ts).
 * Keys: `merge.<code>`, `merge.advice.<what to do>`, `merge.fix.<fix>`.
 * Values that are not words: ports (`in1`), sizes (`24×24`), crop and pad
 * numbers (`[[2, 2], [2, 2]]`), node ids.
 */
export const merges = {
  en: {
    'merge.missing-input_one': '{{kind}} needs at least 2 inputs, got {{count}}: connect another branch to it',
    'merge.missing-input_other': '{{kind}} needs at least 2 inputs, got {{count}}: connect another branch to it',
    'merge.shape-mismatch': '{{kind}} needs inputs of equal shape: in0 is {{a}}, {{port}} is {{b}}; {{advice}}',
    'merge.concat-mismatch': 'Concatenate needs equal {{what}} on all inputs: in0 is {{a}}, {{port}} is {{b}}; {{advice}}',
    'merge.concat.rank-mismatch': 'Concatenate needs inputs with the same number of axes: in0 is {{a}}, {{port}} is {{b}}',
    'merge.concat.bad-axis': 'Concatenate axis {{axis}} does not exist for inputs of rank {{rank}} ({{shape}}); use -1 to join along channels',
    'merge.axis.height': 'height',
    'merge.axis.width': 'width',
    'merge.axis.channels': 'channels',
    'merge.axis.n': 'axis {{n}}',

    'merge.advice.crop': 'crop {{port}} to {{size}} with Cropping2D {{edges}} (as U-Net does)',
    'merge.advice.pad': 'pad {{port}} to {{size}} with ZeroPadding2D {{edges}}',
    'merge.advice.adjust-crop': 'change {{node}} before {{port}} to crop {{edges}}, so {{port}} becomes {{size}}',
    'merge.advice.adjust-pad': 'change {{node}} before {{port}} to pad {{edges}}, so {{port}} becomes {{size}}',
    'merge.advice.remove': '{{node}} before {{port}} is no longer needed: without it {{port}} is {{size}} like the others; remove it',
    'merge.advice.project': 'the channels differ ({{a}} vs {{b}}): project {{port}} to {{filters}} channels with a 1×1 Conv2D, or give both branches the same number of filters',
    'merge.advice.set-filters': 'the channels differ ({{a}} vs {{b}}): set {{node}} before {{port}} to {{filters}} filters',
    'merge.advice.project-stride': '{{port}} is {{k}} times larger: project it with a 1×1 Conv2D with {{filters}} filters and stride {{k}}, as a ResNet shortcut does',
    'merge.advice.channels-too': '{{advice}} (the channels differ too: {{a}} vs {{b}})',
    'merge.advice.or': '{{a}}, or {{b}}',
    'merge.advice.same-shape': 'make the branches produce the same shape',
    'merge.advice.unknown-size': 'tfjs needs the {{what}} to be equal when it builds the model, and an unknown (?) size does not match {{n}}: give the Inputs fixed sizes',
    'merge.advice.other-axes': 'all axes except the joined one ({{axis}}) must match',

    'merge.fix.insert-crop': 'Insert Cropping2D {{edges}} before {{port}}',
    'merge.fix.insert-pad': 'Insert ZeroPadding2D {{edges}} before {{port}}',
    'merge.fix.adjust-crop': 'Change {{node}} to crop {{edges}}',
    'merge.fix.adjust-pad': 'Change {{node}} to pad {{edges}}',
    'merge.fix.remove': 'Remove {{node}} (no longer needed)',
    'merge.fix.project': 'Insert 1×1 Conv2D ({{filters}} filters) before {{port}}',
    'merge.fix.project-stride': 'Insert 1×1 Conv2D ({{filters}} filters, stride {{k}}) before {{port}}',
    'merge.fix.set-filters': 'Set filters of {{node}} to {{filters}}',
    'merge.fix.axis': 'Set axis to -1',
  },
  ko: {
    'merge.missing-input': '{{kind}}에는 입력이 2개 이상 필요한데 {{count}}개만 연결되어 있습니다. 다른 가지를 하나 더 연결하세요',
    'merge.shape-mismatch': '{{kind}}의 입력은 모양이 같아야 합니다. in0은 {{a}}, {{port}}은(는) {{b}}입니다. {{advice}}',
    'merge.concat-mismatch': 'Concatenate의 입력은 모두 같은 {{what}}여야 합니다. in0은 {{a}}, {{port}}은(는) {{b}}입니다. {{advice}}',
    'merge.concat.rank-mismatch': 'Concatenate의 입력은 축 개수가 같아야 합니다. in0은 {{a}}, {{port}}은(는) {{b}}입니다',
    'merge.concat.bad-axis': 'Concatenate의 axis {{axis}}은(는) 축이 {{rank}}개인 입력({{shape}})에는 없습니다. 채널 방향으로 이으려면 -1을 쓰세요',
    'merge.axis.height': '높이',
    'merge.axis.width': '너비',
    'merge.axis.channels': '채널 수',
    'merge.axis.n': '{{n}}번 축 크기',

    'merge.advice.crop': 'U-Net처럼 Cropping2D {{edges}}로 {{port}}을(를) 잘라 {{size}}(으)로 맞추세요',
    'merge.advice.pad': '{{port}}에 ZeroPadding2D {{edges}}로 0을 채워 {{size}}(으)로 맞추세요',
    'merge.advice.adjust-crop': '{{port}} 앞의 {{node}}에서 자르는 양을 {{edges}}(으)로 바꿔 {{port}}을(를) {{size}}(으)로 맞추세요',
    'merge.advice.adjust-pad': '{{port}} 앞의 {{node}}에서 채우는 양을 {{edges}}(으)로 바꿔 {{port}}을(를) {{size}}(으)로 맞추세요',
    'merge.advice.remove': '{{port}} 앞의 {{node}}은(는) 이제 필요 없습니다. 없애면 {{port}}도 다른 입력처럼 {{size}}입니다',
    'merge.advice.project': '채널 수가 다릅니다({{a}} 대 {{b}}). 1×1 Conv2D로 {{port}}을(를) {{filters}}채널로 바꾸거나, 두 가지의 필터 수를 같게 하세요',
    'merge.advice.set-filters': '채널 수가 다릅니다({{a}} 대 {{b}}). {{port}} 앞의 {{node}}의 필터 수를 {{filters}}(으)로 바꾸세요',
    'merge.advice.project-stride': '{{port}}이(가) {{k}}배 큽니다. ResNet의 지름길(shortcut) 연결처럼 필터 {{filters}}개, stride {{k}}인 1×1 Conv2D를 거치게 하세요',
    'merge.advice.channels-too': '{{advice}} (채널 수도 다릅니다: {{a}} 대 {{b}})',
    'merge.advice.or': '{{a}}. 또는 {{b}}',
    'merge.advice.same-shape': '두 가지가 같은 모양을 내도록 맞추세요',
    'merge.advice.unknown-size': 'tfjs가 모델을 만들려면 {{what}}도 같아야 하는데, 알 수 없는 크기(?)는 {{n}}과(와) 같다고 볼 수 없습니다. Input에 고정된 크기를 주세요',
    'merge.advice.other-axes': '이어 붙이는 축({{axis}})을 뺀 나머지 축은 모두 같아야 합니다',

    'merge.fix.insert-crop': '{{port}} 앞에 Cropping2D {{edges}} 넣기',
    'merge.fix.insert-pad': '{{port}} 앞에 ZeroPadding2D {{edges}} 넣기',
    'merge.fix.adjust-crop': '{{node}}의 자르는 양을 {{edges}}(으)로 바꾸기',
    'merge.fix.adjust-pad': '{{node}}의 채우는 양을 {{edges}}(으)로 바꾸기',
    'merge.fix.remove': '{{node}} 없애기 (이제 필요 없음)',
    'merge.fix.project': '{{port}} 앞에 1×1 Conv2D (필터 {{filters}}개) 넣기',
    'merge.fix.project-stride': '{{port}} 앞에 1×1 Conv2D (필터 {{filters}}개, stride {{k}}) 넣기',
    'merge.fix.set-filters': '{{node}}의 filters를 {{filters}}(으)로 바꾸기',
    'merge.fix.axis': 'axis를 -1로 바꾸기',
  },
} as const;
