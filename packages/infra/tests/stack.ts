import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SconesWorkflowStack, type SconesWorkflowStackProps } from '../src/index.js';

/** A fresh app with one workflow stack, checked by cdk-nag's AwsSolutions rules on synth. */
export function workflowApp(props: Partial<SconesWorkflowStackProps> = {}) {
  const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'cdk-out-')) });
  const stack = new SconesWorkflowStack(app, 'Scones', {
    env: { account: '123456789012', region: 'eu-west-1' },
    workflow: { endpoint: { existingEndpointName: 'Scones-Classifier' }, ...props.workflow },
    ...props,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, template: () => Template.fromStack(stack as Stack) };
}

export type Resource = { Type: string; Properties: Record<string, unknown> };

/** Every resource of a type in a template, by logical id. */
export function resources(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

/** The one resource of a type whose logical id starts with this prefix (it names its construct path). */
export function resourceAt(template: Template, type: string, idPrefix: string): Resource {
  const found = Object.entries(resources(template, type)).filter(([id]) => id.startsWith(idPrefix));
  if (found.length !== 1)
    throw new Error(`${found.length} resources of type ${type} have ids starting ${idPrefix}`);
  return found[0]![1];
}

/** The state machines: the single-image ones, batch and training, by their constructs. */
export const MACHINES = {
  standard: 'WorkflowSingleImageStandard',
  express: 'WorkflowSingleImageExpress',
  batch: 'WorkflowBatchMachine',
  training: 'WorkflowTrainingMachine',
} as const;

export const machineOf = (template: Template, machine: keyof typeof MACHINES) =>
  resourceAt(template, 'AWS::StepFunctions::StateMachine', MACHINES[machine]);

/** The statements of the IAM policies attached to the role with this logical-id prefix. */
export function roleStatements(template: Template, rolePrefix: string): Record<string, unknown>[] {
  return Object.values(resources(template, 'AWS::IAM::Policy'))
    .filter((policy) =>
      (policy.Properties['Roles'] as { Ref: string }[]).some((role) =>
        role.Ref.startsWith(rolePrefix),
      ),
    )
    .flatMap(
      (policy) =>
        (policy.Properties['PolicyDocument'] as { Statement: Record<string, unknown>[] }).Statement,
    );
}

export const actionsOf = (statement: Record<string, unknown>) =>
  [statement['Action']].flat() as string[];
