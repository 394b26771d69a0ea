// The shapes in which state machines hand a step its input (see the design's tolerant reader):
// every step adapter is tested with each.

/** `[name, wrap]` pairs: how each shape wraps a body, for bodies made inside a test. */
export const INPUT_SHAPES: [string, (body: object) => unknown][] = [
  ['the bare body', (body) => body],
  ['a {statusCode, body} envelope', (body) => ({ statusCode: 200, body })],
  [
    'an envelope whose body is a JSON string',
    (body) => ({ statusCode: 200, body: JSON.stringify(body) }),
  ],
  [
    'a whole lambda:invoke result',
    (body) => ({ StatusCode: 200, Payload: { statusCode: 200, body } }),
  ],
  ['a {body} without statusCode', (body) => ({ body })],
  ['a {body} holding an envelope', (body) => ({ body: { statusCode: 200, body } })],
  ['a {body} whose body is a JSON string', (body) => ({ body: JSON.stringify(body) })],
  [
    'an envelope nested in the body of another',
    (body) => ({ statusCode: 200, body: { statusCode: 200, body } }),
  ],
  [
    'our own envelope, the record at the top level too',
    (body) => ({ ...body, statusCode: 200, body }),
  ],
  ['a JSON string of an envelope', (body) => JSON.stringify({ statusCode: 200, body })],
  [
    'a lambda:invoke result whose Payload is a JSON string',
    (body) => ({ StatusCode: 200, Payload: JSON.stringify({ statusCode: 200, body }) }),
  ],
];

/**
 * `[name, event]` pairs of one body in every accepted input shape, for `it.each`.
 *
 * @example
 * it.each(inputShapes(body))('gives the same envelope for %s', async (_shape, event) => ...);
 */
export function inputShapes(body: object): [string, unknown][] {
  return INPUT_SHAPES.map(([name, wrap]) => [name, wrap(body)]);
}
