/** A Task state found in a definition, at any depth (Map item processors, Parallel branches). */
export interface TaskStateRef {
  name: string;
  resource: string;
  hasRetry: boolean;
}

interface StatesContainer {
  States?: Record<string, Record<string, unknown>>;
}

/** Every state name with its definition, nested ones included. */
export function allStates(definition: StatesContainer): [string, Record<string, unknown>][] {
  const found: [string, Record<string, unknown>][] = [];
  for (const [name, state] of Object.entries(definition.States ?? {})) {
    found.push([name, state]);
    const nested = [
      state['ItemProcessor'],
      state['Iterator'],
      ...((state['Branches'] as unknown[]) ?? []),
    ];
    for (const child of nested) {
      if (child && typeof child === 'object') found.push(...allStates(child as StatesContainer));
    }
  }
  return found;
}

/** The Task states of a definition, nested ones included. */
export function taskStates(definition: object): TaskStateRef[] {
  return allStates(definition as StatesContainer)
    .filter(([, state]) => state['Type'] === 'Task')
    .map(([name, state]) => ({
      name,
      resource: String(state['Resource']),
      hasRetry: Array.isArray(state['Retry']) && state['Retry'].length > 0,
    }));
}
