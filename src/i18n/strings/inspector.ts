/** Strings of the inspector area (English and Korean side by side). */
export const inspector = {
  en: {} as Record<string, string>,
  ko: {} as Record<string, string>,
};
