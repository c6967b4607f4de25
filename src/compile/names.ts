/**
 * Layer names from node ids. tfjs saves weights under `<layer>/<weight>` and
 * accepts only [A-Za-z0-9_.-] there, Keras forbids "/", so ids are mapped
 * to safe, unique names; composites prefix their inner layers.
 */
export class NameTable {
  private used = new Set<string>();
  private byKey = new Map<string, string>();

  /** The layer name for a node id under a composite prefix; stable for the same input. */
  name(id: string, prefix = ''): string {
    const key = `${prefix}\u0000${id}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const base = safeName(prefix ? `${prefix}_${id}` : id);
    let n = base;
    for (let i = 2; this.used.has(n); i++) n = `${base}_${i}`;
    this.used.add(n);
    this.byKey.set(key, n);
    return n;
  }

  /** Reserve a name (used for suffixed helper layers such as `_pad`). */
  claim(name: string): string {
    let n = safeName(name);
    const base = n;
    for (let i = 2; this.used.has(n); i++) n = `${base}_${i}`;
    this.used.add(n);
    return n;
  }
}

export function safeName(s: string): string {
  let out = s.normalize('NFKD').replace(/[^A-Za-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_+|_+$/g, '');
  if (!out) out = 'layer';
  if (!/^[A-Za-z]/.test(out)) out = `n${out}`;
  out = out.slice(0, 80);
  // tfjs keeps per-tensor bookkeeping in plain objects keyed by name: an input
  // named "constructor" or "valueOf" makes predict() throw.
  if (out in Object.prototype) out = `${out}_`;
  return out;
}
