/**
 * Files picked or dropped as a folder tree → ImageFile entries: the class is
 * the folder directly holding the file ("animals/cats/1.png" → "cats").
 * Files with no folder of their own are reported, not guessed.
 */
import type { ImageFile } from './image-folder.ts';
import { isSystemFile } from './image-folder.ts';

export interface PathedFile {
  /** Relative path with '/' separators (File.webkitRelativePath, or built while walking a drop). */
  path: string;
  file: Blob;
}

export interface GroupedFiles {
  entries: ImageFile[];
  /** Class folder names found (sorted). */
  folders: string[];
  /** Files not inside any class folder (e.g. loose files next to the class folders). */
  loose: string[];
}

export function groupByFolder(files: readonly PathedFile[]): GroupedFiles {
  const entries: ImageFile[] = [];
  const loose: string[] = [];
  const folders = new Set<string>();
  // The common top folder (the one the user picked) is not a class.
  const parts = files.map((f) => f.path.split(/[\\/]/).filter(Boolean));
  const top = parts.length && parts.every((p) => p.length > 2 && p[0] === parts[0]![0]) ? 1 : 0;
  files.forEach((f, i) => {
    const p = parts[i]!;
    if (isSystemFile(f.path)) return;
    if (p.length - top < 2) {
      loose.push(f.path);
      return;
    }
    const className = p[p.length - 2]!;
    folders.add(className);
    entries.push({ className, file: f.file, name: p.slice(top).join('/') });
  });
  return { entries, folders: [...folders].sort(), loose };
}
