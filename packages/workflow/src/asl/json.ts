import type { StateMachineDefinition } from './types.js';

/**
 * The definition as the JSON string Step Functions, the CDK (`DefinitionBody.fromString`) and
 * the AWS CLI take.
 *
 * @example
 * const json = definitionToJson(buildImageClassificationDefinition(options));
 */
export function definitionToJson(
  definition: StateMachineDefinition,
  { pretty = false } = {},
): string {
  return JSON.stringify(definition, null, pretty ? 2 : undefined);
}
