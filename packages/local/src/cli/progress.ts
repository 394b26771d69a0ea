/**
 * A one-line progress bar on stderr while many files are classified; silent when stderr is not
 * a terminal (CI logs, pipes) or when there is only one file.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  const enabled = Boolean(stream.isTTY);
  return {
    update(done: number, total: number): void {
      if (!enabled || total < 2) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      if (done === total) stream.write('\r\x1b[K');
    },
  };
}
