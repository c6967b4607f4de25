/**
 * Several files picked or dropped at once: the one .json (a graph, a
 * model.json or a netloom weights manifest) and the .bin weight files that
 * go with it.
 */

/** The weight files of one model, together, above this many bytes are refused before they are read (400 MB). */
export const MAX_WEIGHT_BYTES = 400 * 1024 * 1024;

const isBin = (f: File) => /\.bin$/i.test(f.name);

export function splitPicked(files: File[]): { json: File[]; bins: File[] } {
  return { json: files.filter((f) => !isBin(f)), bins: files.filter(isBin) };
}

export function binBytes(bins: File[]): number {
  return bins.reduce((a, f) => a + f.size, 0);
}

/** File name → bytes, for importModel / fitFileWeights. */
export async function readBins(bins: File[]): Promise<Map<string, ArrayBuffer>> {
  return new Map(await Promise.all(bins.map(async (f) => [f.name, await f.arrayBuffer()] as const)));
}

/** “a.bin”, “b.bin” for a message. */
export function quoteNames(names: string[]): string {
  return names.map((n) => `“${n}”`).join(', ');
}
