import type { IncomingMessage } from 'node:http';

/** The body is over the limit: the request was read no further. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Reads a request body, stopping as soon as it passes `maxBytes`. */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (declared > maxBytes)
    return Promise.reject(
      new BodyTooLargeError(`The body is ${declared} bytes; at most ${maxBytes} are accepted.`),
    );
  // Events rather than `for await`: this runs for every request the endpoint serves.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        request.off('data', onData).pause();
        reject(new BodyTooLargeError(`The body is over ${maxBytes} bytes.`));
      }
    };
    request.on('data', onData);
    request.once('end', () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
    );
    request.once('error', reject);
  });
}
