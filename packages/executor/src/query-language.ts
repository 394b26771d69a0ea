/**
 * A definition the local interpreter cannot run as written. aws-local-stepfunctions implements
 * the JSONPath query language only: a JSONata definition's `Arguments`, `Output`, `Assign` and
 * `Condition` would be ignored, and the run would mean something else than on AWS.
 */
export class UnsupportedDefinitionError extends Error {
  override readonly name = 'UnsupportedDefinitionError';
}

/**
 * Refuses a definition that uses JSONata anywhere (the whole machine or one state, in a Map's
 * item processor or a Parallel branch too), naming where.
 *
 * @throws UnsupportedDefinitionError
 * @example
 * requireJsonPath({ QueryLanguage: 'JSONata', StartAt: 'A', States: {} }); // throws
 */
export function requireJsonPath(definition: object, where = 'the definition'): void {
  const fragment = definition as {
    QueryLanguage?: string;
    States?: Record<
      string,
      { QueryLanguage?: string; ItemProcessor?: object; Iterator?: object; Branches?: object[] }
    >;
  };
  if (fragment.QueryLanguage === 'JSONata') throw jsonata(where);
  for (const [name, state] of Object.entries(fragment.States ?? {})) {
    if (state.QueryLanguage === 'JSONata') throw jsonata(`state "${name}"`);
    const nested = [state.ItemProcessor, state.Iterator, ...(state.Branches ?? [])];
    for (const inner of nested) if (inner) requireJsonPath(inner, `state "${name}"`);
  }
}

function jsonata(where: string): UnsupportedDefinitionError {
  return new UnsupportedDefinitionError(
    `${where} uses the JSONata query language, which the local interpreter (aws-local-stepfunctions) does not implement: ` +
      'its Arguments, Output, Assign and Condition would be ignored. Run it on AWS, or write it with JSONPath ' +
      '(Parameters, ResultSelector, OutputPath) to run it here.',
  );
}
