import { StepFunctionsError } from '../executions/step-functions-error.js';

/**
 * One page of an ordered list, after the position a `nextToken` names. The token is opaque to
 * clients and names the last item returned (not an offset), so items added before it (newer
 * executions) neither shift nor repeat the pages that follow; `scope` binds a token to the list
 * it came from (another list answers InvalidToken, as Step Functions does).
 *
 * @example
 * const { items, nextToken } = pageAfter(executions, request, (e) => e.executionArn, machineArn, 100);
 */
export function pageAfter<T>(
  items: readonly T[],
  token: string | undefined,
  keyOf: (item: T) => string,
  scope: string,
  size: number,
): { items: T[]; nextToken?: string } {
  let start = 0;
  if (token !== undefined) {
    const after = readToken(token, scope);
    const index = items.findIndex((item) => keyOf(item) === after);
    if (index === -1) throw invalid(token);
    start = index + 1;
  }
  const page = items.slice(start, start + size);
  const more = start + size < items.length;
  return {
    items: page,
    ...(more ? { nextToken: makeToken(scope, keyOf(page[page.length - 1])) } : {}),
  };
}

function makeToken(scope: string, after: string): string {
  return Buffer.from(JSON.stringify({ scope, after })).toString('base64url');
}

function readToken(token: string, scope: string): string {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      scope?: unknown;
      after?: unknown;
    };
    if (value.scope === scope && typeof value.after === 'string') return value.after;
  } catch {
    // not a token of ours
  }
  throw invalid(token);
}

function invalid(token: string): StepFunctionsError {
  return new StepFunctionsError('InvalidToken', `Invalid Token: '${token.slice(0, 80)}'`);
}
