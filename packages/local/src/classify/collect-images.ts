import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** A path the user gave cannot be used; nothing was classified. */
export class InputPathError extends Error {
  override readonly name = 'InputPathError';
}

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);

/**
 * The files to classify: files named on the command line as they are (whatever they hold: the
 * workflow itself says when one is not an image), and the PNG and JPEG files found in folders,
 * recursively, sorted.
 *
 * @throws InputPathError for a path that does not exist or a folder with no images.
 */
export async function collectImages(paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) throw new InputPathError('Name at least one image file or folder.');
  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info) throw new InputPathError(`No such file or folder: ${given}`);
    if (info.isFile()) {
      files.push(given);
      continue;
    }
    const found = (await readdir(given, { recursive: true, withFileTypes: true }))
      .filter(
        (entry) => entry.isFile() && IMAGE_EXTENSIONS.has(path.extname(entry.name).toLowerCase()),
      )
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    if (found.length === 0) {
      throw new InputPathError(`No images in ${given}: it holds no .png, .jpg or .jpeg files.`);
    }
    files.push(...found);
  }
  return files;
}
