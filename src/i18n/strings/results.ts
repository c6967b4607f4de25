/** Strings of training results and data choices: samples, confusion matrix, anomaly histogram, drawing pad, data picker. */
export const results = {
  en: {
    confusion: 'Confusion matrix',
  },
  ko: {
    confusion: '혼동 행렬',
  },
} satisfies { en: Record<string, string>; ko: Record<string, string> };
