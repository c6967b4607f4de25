/**
 * An image folder per class → Dataset. Files are decoded (through an
 * ImageDecoder), resized to the model's input H×W×C and labelled by their
 * class folder. Undecodable files are skipped and named in a warning (or
 * fail the load with `strict`); mixed sizes are resized and said so; an
 * empty folder, or fewer than two classes with images, is an error.
 */
import type { Dataset } from '../dataset.ts';
import { fail, internal, ok, warning, type DataResult, type DataWarning } from '../result.ts';
import { text, type TextValue } from '../../i18n/text.ts';
import type { ImageDecoder } from './decoder.ts';
import { rgbaToInput, type Channels } from './resize.ts';

export interface ImageFile {
  /** The class (the name of the folder the file is in). */
  className: string;
  file: Blob;
  /** For messages, e.g. "cats/001.png"; defaults to File.name. */
  name?: string;
}

export interface ImageFolderOptions {
  height: number;
  width: number;
  channels: Channels;
  decoder: ImageDecoder;
  /** Every class folder, including empty ones (their names make the messages clearer). */
  folders?: string[];
  /** Fewest classes with images (default 2: classifying needs two; 1 for an autoencoder). */
  minClasses?: number;
  /** Fail on the first undecodable file instead of skipping it. */
  strict?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ImageFolderData {
  /** shape [height, width, channels], 0–1; classes sorted by name. */
  dataset: Dataset;
  /** The file each sample came from, in sample order. */
  files: string[];
}

const MAX_SIDE = 1024;
const MAX_IMAGES = 100_000;

export async function loadImageFolder(entries: readonly ImageFile[], options: ImageFolderOptions): Promise<DataResult<ImageFolderData>> {
  try {
    return await load(entries, options);
  } catch (e) {
    return internal(text('data.reading-images'), e);
  }
}

async function load(entries: readonly ImageFile[], o: ImageFolderOptions): Promise<DataResult<ImageFolderData>> {
  const { height, width, channels } = o;
  for (const [name, v] of [['height', height], ['width', width]] as const) {
    if (!Number.isInteger(v) || v < 1 || v > MAX_SIDE) return fail('bad-option', text(`data.images.bad-${name}`, { max: String(MAX_SIDE), got: String(v) }));
  }
  if (channels !== 1 && channels !== 3) return fail('bad-option', text('data.images.bad-channels', { got: String(channels) }));
  const files = entries.filter((e) => !isSystemFile(nameOf(e)));
  if (files.length === 0) {
    const folders = o.folders?.length ? o.folders.map((f) => `"${f}"`).join(', ') : '';
    return fail('empty', folders ? text('data.images.empty.folders', { folders }) : text('data.images.empty'));
  }
  if (files.length > MAX_IMAGES) return fail('bad-option', text('data.images.too-many', { count: files.length, max: MAX_IMAGES }));

  const size = height * width * channels;
  const x = new Float32Array(files.length * size);
  const kept: { className: string; name: string }[] = [];
  const skipped: string[] = [];
  const sizes = new Map<string, number>();
  for (let i = 0; i < files.length; i++) {
    if (o.signal?.aborted) return fail('cancelled', text('data.images.cancelled'));
    const f = files[i]!;
    const name = nameOf(f);
    let decoded;
    try {
      decoded = await o.decoder.decode(f.file);
      const { width: w, height: h, data } = decoded.image;
      if (!(w > 0 && h > 0 && data.length === w * h * 4)) throw new Error('no pixels');
    } catch (e) {
      if (o.strict) {
        const t = e instanceof Error && e.message ? text('data.images.unreadable.why', { name, why: e.message }) : text('data.images.unreadable', { name });
        return fail('unreadable', t, { file: name });
      }
      skipped.push(name);
      o.onProgress?.(i + 1, files.length);
      continue;
    }
    const key = `${decoded.sourceWidth}×${decoded.sourceHeight}`;
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
    rgbaToInput(decoded.image, { height, width, channels }, x.subarray(kept.length * size, (kept.length + 1) * size));
    kept.push({ className: f.className, name });
    o.onProgress?.(i + 1, files.length);
  }

  const warnings: DataWarning[] = [];
  if (skipped.length) {
    warnings.push(warning('skipped-file', text('data.images.skipped', { count: skipped.length, names: listNames(skipped) }), skipped));
  }
  if (kept.length === 0) return fail('unreadable', text('data.images.none-readable', { count: files.length, names: listNames(skipped) }), { file: skipped[0] });

  const target = `${width}×${height}`;
  if (sizes.size > 1) {
    const list = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, n]) => `${k}: ${n}`).join(', ');
    warnings.push(warning('resized', text('data.images.sizes', { count: sizes.size, list: `${list}${sizes.size > 4 ? ', …' : ''}`, target })));
  } else if (!sizes.has(target)) {
    warnings.push(warning('resized', text('data.images.resized', { count: kept.length, size: [...sizes.keys()][0]!, target })));
  }

  const classNames = [...new Set(kept.map((k) => k.className))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const minClasses = o.minClasses ?? 2;
  if (classNames.length < minClasses) {
    const empty = (o.folders ?? []).filter((f) => !classNames.includes(f));
    const have = classNames.length === 1 ? text('data.images.only-one', { name: classNames[0]! }) : text('data.found', { count: classNames.length });
    const why: TextValue = empty.length ? text('data.images.empty-folders', { count: empty.length, folders: empty.map((f) => `"${f}"`).join(', ') }) : '';
    return fail('one-class', text('data.images.few-classes', { min: minClasses, have, why }));
  }
  const index = new Map(classNames.map((c, i) => [c, i]));
  return ok(
    {
      dataset: {
        shape: [height, width, channels],
        count: kept.length,
        x: kept.length === files.length ? x : x.slice(0, kept.length * size),
        y: Int32Array.from(kept, (k) => index.get(k.className)!),
        classNames,
      },
      files: kept.map((k) => k.name),
    },
    warnings,
  );
}

const nameOf = (e: ImageFile) => e.name ?? (e.file as Partial<File>).name ?? 'unnamed file';

/** Files every OS leaves in folders; never images, never worth a warning. */
export function isSystemFile(path: string): boolean {
  const base = path.split('/').pop() ?? path;
  return base.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(base);
}

function listNames(names: string[]): TextValue {
  const shown = names.slice(0, 5).map((n) => `"${n}"`).join(', ');
  return names.length > 5 ? text('data.and-more', { shown, count: names.length - 5 }) : shown;
}
