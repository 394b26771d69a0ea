/**
 * Writes to a stream and resolves once the bytes are handed to the OS, so a process may exit
 * right after without cutting piped output (Node writes to pipes asynchronously).
 *
 * @example
 * await writeWhole(process.stdout, `${JSON.stringify(results)}\n`);
 */
export function writeWhole(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** Prints a line (or many) on stdout, whole. */
export function printLine(text: string): Promise<void> {
  return writeWhole(process.stdout, `${text}\n`);
}
