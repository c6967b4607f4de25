/** Strings of the palette area (English and Korean side by side). */
export const palette = {
  en: {} as Record<string, string>,
  ko: {} as Record<string, string>,
};
