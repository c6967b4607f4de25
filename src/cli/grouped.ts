/**
 * Lines that say the same thing about different layers, printed once: 207
 * "frozen … trains" notes become one line naming the first layer, how many
 * more, and a few of their names. Two alike are still printed as they are;
 * --json output is never grouped.
 */

/** How many alike make a group. */
export const GROUP_FROM = 3;
/** Names listed after the first in a group line. */
const NAMES_SHOWN = 5;

export interface Said {
  severity: string;
  code: string;
  /** Where, before the layer (composite path). */
  path: string[];
  /** The layer the line is about, as its message quotes it; undefined when about no layer. */
  subject: string | undefined;
  message: string;
}

/** `severity where: message`, with the lines alike but for their layer grouped as `severity a (and 206 more like it: b, c, …): message about a`. */
export function groupedLines(items: Said[]): string[] {
  const key = (s: Said) => (s.subject === undefined ? null : `${s.severity}\u0000${s.code}\u0000${s.path.join('\u0000')}\u0000${s.message.split(`"${s.subject}"`).join('\u0001')}`);
  const groups = new Map<string, Said[]>();
  for (const s of items) {
    const k = key(s);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  const lines: string[] = [];
  for (const s of items) {
    const k = key(s);
    const group = k === null ? undefined : groups.get(k);
    const where = [...s.path, ...(s.subject !== undefined ? [s.subject] : [])].join(' › ');
    if (!group || group.length < GROUP_FROM) {
      lines.push(`${s.severity}${where ? ` ${where}` : ''}: ${s.message}`);
      continue;
    }
    if (group[0] !== s) continue;
    const others = group.slice(1).map((o) => o.subject!);
    const shown = others.slice(0, NAMES_SHOWN).join(', ') + (others.length > NAMES_SHOWN ? ', …' : '');
    lines.push(`${s.severity} ${where} (and ${others.length} more like it: ${shown}): ${s.message}`);
  }
  return lines;
}
