/** What a payload template of a Map state can refer to: its input (`$`) and the item (`$$.Map.Item`). */
export interface TemplateScope {
  input: unknown;
  item?: { Index: number; Value: unknown };
}

/**
 * Resolves a payload template (a Map state's ItemSelector, its ItemReader's Parameters): keys
 * ending in `.$` take the value at a path into the state input (`$`, `$.field.inner`) or into
 * the item (`$$.Map.Item.Value.Key`, `$$.Map.Item.Index`); nested templates are resolved too;
 * other keys are copied as they are. Paths are dotted field names, the JSONPath subset the
 * Scones definitions use (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemselector.html).
 *
 * @throws Error (as States.Runtime would end the run) for a path that matches nothing.
 * @example
 * resolveTemplate({ 's3_key.$': '$$.Map.Item.Value.Key', image_data: '' }, { input, item: { Index: 0, Value: { Key: 'a.png' } } });
 * // { s3_key: 'a.png', image_data: '' }
 */
export function resolveTemplate(
  template: Record<string, unknown>,
  scope: TemplateScope,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) => {
      if (key.endsWith('.$')) return [key.slice(0, -2), valueAt(String(value), scope)];
      if (isTemplate(value)) return [key, resolveTemplate(value, scope)];
      return [key, value];
    }),
  );
}

function isTemplate(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(path: string, scope: TemplateScope): unknown {
  let root: unknown;
  let rest: string;
  if (path === '$$.Map.Item' || path.startsWith('$$.Map.Item.')) {
    if (!scope.item) throw new Error(`${path} is only defined in an ItemSelector`);
    [root, rest] = [scope.item, path.slice('$$.Map.Item'.length)];
  } else if (path === '$' || path.startsWith('$.')) {
    [root, rest] = [scope.input, path.slice(1)];
  } else {
    throw new Error(`${path} is not a path the local Map understands ($.field or $$.Map.Item...)`);
  }
  let value = root;
  for (const field of rest.split('.').filter(Boolean)) {
    if (typeof value !== 'object' || value === null || !(field in value)) {
      throw new Error(`The path ${path} matches nothing in the input`);
    }
    value = (value as Record<string, unknown>)[field];
  }
  return value;
}
