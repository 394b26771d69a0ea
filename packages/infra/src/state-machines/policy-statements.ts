import type { TaskPermission } from '@scones/workflow';
import type { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/** A granted resource with a wildcard, and why (to acknowledge the finding). */
export interface WildcardGrant {
  readonly resource: string;
  readonly reason: string;
}

/**
 * The IAM statements that grant what a definition's tasks declared: `${AWS::…}` become the
 * stack's partition, region and account (literals when the stack has an environment) and
 * `${Name}` the value `values` gives for it, as
 * DefinitionSubstitutions fill in the definition. Actions on the same resources share a
 * statement, and so do resources with the same actions (under the same conditions).
 *
 * @example
 * const { statements } = policyStatements(Stack.of(this), permissions, {
 *   SerializeFunctionArn: serialize.functionArn,
 * });
 */
export function policyStatements(
  stack: Stack,
  permissions: readonly TaskPermission[],
  substitutions: Readonly<Record<string, string>>,
): { statements: iam.PolicyStatement[]; wildcards: WildcardGrant[] } {
  const values: Record<string, string> = {
    ...substitutions,
    'AWS::Partition': stack.partition,
    'AWS::Region': stack.region,
    'AWS::AccountId': stack.account,
  };
  const wildcards: WildcardGrant[] = [];
  for (const permission of permissions) {
    for (const resource of permission.resources.filter((r) => r.includes('*'))) {
      if (!permission.wildcardReason)
        throw new Error(`The permission on ${resource} has a wildcard and no reason.`);
      wildcards.push({ resource: fillIn(resource, values), reason: permission.wildcardReason });
    }
  }
  const byResources = mergeBy(
    permissions,
    (p) => [p.resources, p.conditions],
    (a, b) => ({ ...a, actions: union(a.actions, b.actions) }),
  );
  const byActions = mergeBy(
    byResources,
    (p) => [p.actions, p.conditions],
    (a, b) => ({ ...a, resources: union(a.resources, b.resources) }),
  );
  const statements = byActions.map(
    (permission) =>
      new iam.PolicyStatement({
        actions: [...permission.actions],
        resources: permission.resources.map((resource) => fillIn(resource, values)),
        ...(permission.conditions
          ? { conditions: structuredClone(permission.conditions) as Record<string, unknown> }
          : {}),
      }),
  );
  return { statements, wildcards };
}

function mergeBy(
  permissions: readonly TaskPermission[],
  key: (permission: TaskPermission) => unknown,
  merge: (a: TaskPermission, b: TaskPermission) => TaskPermission,
): TaskPermission[] {
  const merged = new Map<string, TaskPermission>();
  for (const permission of permissions) {
    const id = JSON.stringify(key(permission));
    const earlier = merged.get(id);
    merged.set(id, earlier ? merge(earlier, permission) : permission);
  }
  return [...merged.values()];
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

function fillIn(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\$\{([\w:]+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new Error(
        `The permission "${template}" names \${${name}}, which this state machine does not define.`,
      );
    return value;
  });
}
