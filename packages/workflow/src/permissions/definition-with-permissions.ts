import type { State, StateMachineDefinition, StateMachineFragment } from '../asl/types.js';
import type { TaskPermission, TaskWithPermissions } from './task-permission.js';

/**
 * A definition and every permission its tasks declared: all a deployment needs to create the
 * state machine and its role.
 */
export interface DefinitionWithPermissions {
  readonly definition: StateMachineDefinition;
  readonly permissions: readonly TaskPermission[];
}

/** A fragment's states (a definition's, or a Map's item processor's) and its tasks' permissions. */
export interface StatesWithPermissions extends StateMachineFragment {
  readonly permissions: readonly TaskPermission[];
}

/**
 * Splits states as the builders make them (plain states, and tasks with their permissions) into
 * the ASL `States` and the permissions, each permission once.
 *
 * @example
 * const { States, permissions } = collectStates({
 *   'Serialize image': lambdaInvokeTask(props, { Next: 'Done' }),
 *   Done: { Type: 'Succeed' },
 * });
 */
export function collectStates(
  states: Record<string, State | TaskWithPermissions>,
  ...nested: (readonly TaskPermission[])[]
): { States: Record<string, State>; permissions: TaskPermission[] } {
  const States: Record<string, State> = {};
  const declared: TaskPermission[] = nested.flat();
  for (const [name, entry] of Object.entries(states)) {
    if ('state' in entry) {
      States[name] = entry.state;
      declared.push(...entry.permissions);
    } else {
      States[name] = entry;
    }
  }
  return { States, permissions: distinct(declared) };
}

function distinct(permissions: TaskPermission[]): TaskPermission[] {
  const seen = new Map<string, TaskPermission>();
  for (const permission of permissions) seen.set(JSON.stringify(permission), permission);
  return [...seen.values()];
}
