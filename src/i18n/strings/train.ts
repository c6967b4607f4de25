/** Strings of the training panel: controls, progress, charts (English and Korean side by side). */
export const train = {
  en: {
    toggle: 'Train',
  },
  ko: {
    toggle: '학습',
  },
} satisfies { en: Record<string, string>; ko: Record<string, string> };
