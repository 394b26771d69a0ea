import { buildImageClassificationWorkflow } from '@scones/workflow';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { workflowDefinitionOptions } from './definition-placeholders.js';
import { WorkflowStateMachine } from './state-machines/workflow-state-machine.js';
import type { StepLambdas } from './step-lambdas.js';
import {
  reviewKindOf,
  workflowSubstitutions,
  type ReviewDestination,
} from './workflow-substitutions.js';

export interface SingleImageClassificationProps {
  steps: StepLambdas;
  review: ReviewDestination;
  /** Also an EXPRESS machine with the same definition, for StartSyncExecution. */
  express: boolean;
  logRetention: logs.RetentionDays;
}

/**
 * The single-image state machine from @scones/workflow (STANDARD: StartExecution, kept a year,
 * exactly once), and the same definition as an EXPRESS machine, which StartSyncExecution runs
 * and answers with the result.
 */
export class SingleImageClassification extends Construct {
  readonly standard: sfn.StateMachine;
  readonly express?: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: SingleImageClassificationProps) {
    super(scope, id);
    const machine = (machineId: string, type: sfn.StateMachineType, comment: string) =>
      new WorkflowStateMachine(this, machineId, {
        workflow: buildImageClassificationWorkflow(
          workflowDefinitionOptions(reviewKindOf(props.review)),
        ),
        substitutions: workflowSubstitutions(props.steps.functions, props.review),
        type,
        comment,
        roleDescription: `Runs the ${comment} state machine`,
        logRetention: props.logRetention,
      }).stateMachine;
    this.standard = machine(
      'Standard',
      sfn.StateMachineType.STANDARD,
      'Scones image classification',
    );
    if (props.express) {
      this.express = machine(
        'Express',
        sfn.StateMachineType.EXPRESS,
        'Scones image classification, synchronous (StartSyncExecution)',
      );
    }
  }
}
