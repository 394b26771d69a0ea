import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A path the user gave cannot be used; nothing was classified. */
export class InputPathError extends Error {
  override readonly name = 'InputPathError';
}

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);

/** The images found, and what was left out of the folders and why. */
export interface CollectedImages {
  files: string[];
  /** Files that are not PNG or JPEG, by extension (`(none)` for a name without one). */
  notImages: Map<string, number>;
  /** Files and folders whose names start with '.' (`.DS_Store`, `._IMG_1.jpg`, `.git`). */
  hidden: string[];
  /** Symbolic links that point nowhere. */
  brokenLinks: string[];
}

/**
 * The files to classify: files named on the command line as they are (whatever they hold: the
 * workflow itself says when one is not an image), and the PNG and JPEG files found in folders,
 * recursively and following symbolic links, sorted. In folders, names starting with '.' are
 * skipped (macOS leaves `._` AppleDouble twins of photos on shared drives), and so is every file
 * that is not PNG or JPEG; {@link skippedNote} says what was left out.
 *
 * @example
 * const { files } = await collectImages(['photos/', 'extra/bike.jpg']);
 *
 * @throws InputPathError for a path that does not exist or a folder with no images.
 */
export async function collectImages(paths: readonly string[]): Promise<CollectedImages> {
  if (paths.length === 0) throw new InputPathError('Name at least one image file or folder.');
  const found: CollectedImages = { files: [], notImages: new Map(), hidden: [], brokenLinks: [] };
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info) throw new InputPathError(`No such file or folder: ${given}`);
    if (!info.isDirectory()) {
      found.files.push(given);
      continue;
    }
    const images: string[] = [];
    await walk(given, new Set([await realpath(given)]), images, found);
    if (images.length === 0) {
      const note = skippedNote(found);
      throw new InputPathError(
        `No images in ${given}: it holds no .png, .jpg or .jpeg files${note ? ` (${note})` : ''}.`,
      );
    }
    found.files.push(...images.sort());
  }
  // A file named twice, or named and found in a folder, is classified once.
  const seen = new Set<string>();
  found.files = found.files.filter(
    (file) => !seen.has(path.resolve(file)) && seen.add(path.resolve(file)),
  );
  return found;
}

async function walk(
  folder: string,
  visited: Set<string>,
  images: string[],
  found: CollectedImages,
): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.name.startsWith('.')) {
      found.hidden.push(file);
      continue;
    }
    // stat follows symbolic links: a linked photo or folder counts as what it points to.
    const info = await stat(file).catch(() => undefined);
    if (!info) {
      found.brokenLinks.push(file);
      continue;
    }
    if (info.isDirectory()) {
      const real = await realpath(file);
      if (visited.has(real)) continue; // a link back up the tree
      await walk(file, new Set([...visited, real]), images, found);
    } else if (info.isFile()) {
      const extension = path.extname(entry.name).toLowerCase();
      if (IMAGE_EXTENSIONS.has(extension)) images.push(file);
      else
        found.notImages.set(
          extension || '(none)',
          (found.notImages.get(extension || '(none)') ?? 0) + 1,
        );
    }
  }
}

/**
 * One line saying what the folders held that is not classified, or undefined when nothing was
 * left out.
 *
 * @example
 * skippedNote(found); // "skipped 2 files that are not PNG or JPEG: .heic 1, .webp 1; skipped 1 hidden entry: photos/._bike.jpg"
 */
export function skippedNote(found: Omit<CollectedImages, 'files'>): string | undefined {
  const parts: string[] = [];
  const notImages = [...found.notImages].sort(([a], [b]) => a.localeCompare(b));
  const count = notImages.reduce((sum, [, n]) => sum + n, 0);
  if (count > 0) {
    const heic = found.notImages.has('.heic') || found.notImages.has('.heif');
    parts.push(
      `skipped ${plural(count, 'file')} that ${count === 1 ? 'is' : 'are'} not PNG or JPEG: ${notImages
        .map(([extension, n]) => `${extension} ${n}`)
        .join(
          ', ',
        )}${heic ? ' (HEIC is the iPhone camera format: convert those to JPEG first)' : ''}`,
    );
  }
  if (found.hidden.length > 0)
    parts.push(
      `skipped ${plural(found.hidden.length, 'hidden entry', 'hidden entries')} (names starting with "."): ${listed(found.hidden)}`,
    );
  if (found.brokenLinks.length > 0)
    parts.push(
      `skipped ${plural(found.brokenLinks.length, 'broken symbolic link')}: ${listed(found.brokenLinks)}`,
    );
  return parts.length ? parts.join('; ') : undefined;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listed(files: string[]): string {
  return files.length > 3
    ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`
    : files.join(', ');
}
