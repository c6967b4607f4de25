/** Strings of the panels area (English and Korean side by side). */
export const panels = {
  en: {} as Record<string, string>,
  ko: {} as Record<string, string>,
};
