// Property-based checks that a parser either returns a valid value or throws one named error,
// never anything else. CI runs FUZZ_RUNS cases per property (default 2,000); `npm run fuzz`
// runs a long campaign.
import fc from 'fast-check';

export const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 2000);

export interface Outcomes {
  parsed: number;
  rejected: number;
}

/**
 * Checks `parse` on every generated input: it returns a value `valid` accepts, or throws an
 * instance of `NamedError`. Returns how many inputs went each way, and prints the counts.
 */
export function parsesOrRejects<T, R>(
  name: string,
  inputs: fc.Arbitrary<T>,
  parse: (input: T) => R,
  valid: (result: R) => boolean,
  NamedError: new (...args: never[]) => Error,
): Outcomes {
  const outcomes: Outcomes = { parsed: 0, rejected: 0 };
  fc.assert(
    fc.property(inputs, (input) => {
      let result: R;
      try {
        result = parse(input);
      } catch (error) {
        if (!(error instanceof NamedError)) throw error;
        outcomes.rejected += 1;
        return;
      }
      if (!valid(result)) throw new Error(`accepted but invalid: ${JSON.stringify(result)}`);
      outcomes.parsed += 1;
    }),
    { numRuns: FUZZ_RUNS },
  );
  console.log(
    `${name}: ${outcomes.parsed + outcomes.rejected} cases, ${outcomes.parsed} parsed, ${outcomes.rejected} rejected with ${NamedError.name}`,
  );
  return outcomes;
}
