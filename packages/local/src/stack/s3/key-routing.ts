import S3Error from 's3rver/lib/models/error';
import { MAX_KEY_BYTES } from './object-keys.js';

/** What the middleware reads and sets of s3rver's request context (a Koa context). */
interface RoutedRequest {
  path: string;
  routerPath?: string;
}

/**
 * Lets every key reach s3rver's router as one piece. Its route `/:bucket/:key*` matches only
 * non-empty segments, so `double//slash.png` answered 404. The router is shown the key with
 * each `/` escaped, and decodes it back to the key; a final `/` stays as it is, since s3rver
 * appends one to the key when the path ends with it. A key over S3's 1,024 bytes is refused
 * with S3's `KeyTooLongError`.
 *
 * @example
 * server.middleware.splice(server.middleware.length - 1, 0, routeWholeKeys);
 */
export function routeWholeKeys(ctx: RoutedRequest, next: () => Promise<void>): Promise<void> {
  const match = /^\/([^/]+)\/(.+)$/s.exec(ctx.path);
  if (match) {
    const [, bucket, key] = match;
    if (Buffer.byteLength(decodeKey(key)) > MAX_KEY_BYTES)
      throw new S3Error('KeyTooLongError', 'Your key is too long', {
        MaxSizeAllowed: MAX_KEY_BYTES,
      });
    const body = key.endsWith('/') ? key.slice(0, -1) : key;
    if (body === '') {
      // The key "/": nothing would be left for the router, so the path itself says it.
      ctx.path = ctx.routerPath = `/${bucket}/%2F`;
    } else {
      const end = body === key ? '' : '/';
      ctx.routerPath = `/${bucket}/${body.replaceAll('/', '%2F')}${end}`;
    }
  }
  return next();
}

function decodeKey(pathKey: string): string {
  try {
    return decodeURIComponent(pathKey);
  } catch {
    return pathKey;
  }
}
