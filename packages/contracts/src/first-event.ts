/**
 * A Lambda handler built when its first event arrives rather than when its module is imported,
 * so that importing an adapter reads no environment and opens no client. A build that throws
 * (a missing setting) fails that event, and the next one tries again.
 *
 * @example
 * export const handler = builtOnFirstEvent(() => thresholdHandlerFromEnvironment(process.env));
 */
export function builtOnFirstEvent<Event, Result>(
  build: () => (event: Event) => Promise<Result>,
): (event: Event) => Promise<Result> {
  let handle: ((event: Event) => Promise<Result>) | undefined;
  return async (event) => {
    handle ??= build();
    return handle(event);
  };
}
