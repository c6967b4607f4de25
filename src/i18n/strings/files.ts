/** Strings of the files area (English and Korean side by side). */
export const files = {
  en: {} as Record<string, string>,
  ko: {} as Record<string, string>,
};
