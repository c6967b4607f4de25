/**
 * Files picked or dropped as a folder → PathedFile[] (paths with '/', the
 * picked folder first): from an <input webkitdirectory> FileList, or by
 * walking the entries of a drag-and-drop (a dropped folder arrives as a
 * directory entry, not as files).
 */
import type { PathedFile } from '../../../data/images/group-by-folder.ts';

export function fromFileList(list: FileList | readonly File[]): PathedFile[] {
  return Array.from(list, (f) => ({ path: f.webkitRelativePath || f.name, file: f }));
}

/** Everything dropped, folders walked to the bottom; the names of the dropped top-level items come back too. */
export async function fromDrop(dt: DataTransfer): Promise<{ files: PathedFile[]; names: string[] }> {
  const entries = Array.from(dt.items)
    .map((it) => (it.kind === 'file' ? it.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (!entries.length) return { files: fromFileList(dt.files), names: Array.from(dt.files, (f) => f.name) };
  const files: PathedFile[] = [];
  for (const e of entries) await walk(e, files);
  return { files, names: entries.map((e) => e.name) };
}

async function walk(entry: FileSystemEntry, out: PathedFile[]): Promise<void> {
  const path = entry.fullPath.replace(/^\/+/, '');
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path, file });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out at most ~100 entries per call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    for (const e of batch) await walk(e, out);
  }
}
