/** What Start trains on (the data picker's choice). */
export type { DataChoice } from './data/choice.ts';
