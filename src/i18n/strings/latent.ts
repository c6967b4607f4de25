/** Strings of the latent-space view (English and Korean side by side). */
export const latent = {
  en: {
    title: 'Latent space after epoch {{epoch}}: {{count}} test samples at their 2-D codes',
  },
  ko: {
    title: '에포크 {{epoch}} 뒤의 잠재 공간: 테스트 샘플 {{count}}개를 2차원 코드 위치에 표시',
  },
} satisfies { en: Record<string, string>; ko: Record<string, string> };
