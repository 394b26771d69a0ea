/** What an ItemSelector can refer to: the Map state's input (`$`) and the item (`$$.Map.Item`). */
export interface SelectorScope {
  input: unknown;
  item: { Index: number; Value: unknown };
}

/**
 * Applies a Map state's ItemSelector (a payload template) to one item: keys ending in `.$` take
 * the value at a path into the state input (`$.field`) or the item (`$$.Map.Item.Value.Key`,
 * `$$.Map.Item.Index`); other keys are copied. Dotted paths only, as the batch definition uses.
 */
export function applyItemSelector(
  template: Record<string, unknown>,
  scope: SelectorScope,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) => {
      if (!key.endsWith('.$')) return [key, value];
      return [key.slice(0, -2), valueAt(String(value), scope)];
    }),
  );
}

function valueAt(path: string, scope: SelectorScope): unknown {
  const [root, rest] = path.startsWith('$$.Map.Item.')
    ? [scope.item, path.slice('$$.Map.Item.'.length)]
    : [scope.input, path.replace(/^\$\.?/, '')];
  let value: unknown = root;
  for (const field of rest.split('.').filter(Boolean)) {
    if (typeof value !== 'object' || value === null || !(field in value)) {
      throw new Error(`ItemSelector path ${path} matches nothing`);
    }
    value = (value as Record<string, unknown>)[field];
  }
  return value;
}
