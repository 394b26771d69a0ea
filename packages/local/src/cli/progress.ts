/**
 * A one-line progress bar on stderr while many files are uploaded or classified; silent when
 * stderr is not a terminal (CI logs, pipes) or when there is only one file.
 *
 * @example
 * const bar = progressBar('uploading');
 * bar.update(10, 1200); // uploading [..............................] 10/1200
 */
export function progressBar(label = '', stream: NodeJS.WriteStream = process.stderr) {
  const enabled = Boolean(stream.isTTY);
  return {
    update(done: number, total: number): void {
      if (!enabled || total < 2) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(
        `\r${label ? `${label} ` : ''}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
      );
      if (done === total) stream.write('\r\x1b[K');
    },
  };
}
