import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from './nag.js';
import { stepBundleDir, type StepName } from './step-bundles.js';

export interface StepLambdaProps {
  step: StepName;
  description: string;
  environment: Record<string, string>;
  /** Below the state's TimeoutSeconds, so the state machine sees the function's own timeout. */
  timeout: Duration;
  memorySize: number;
  logRetention: logs.RetentionDays;
}

/**
 * One step Lambda from the step package's own bundle: nodejs24.x on arm64 (the bundles target node24), X-Ray tracing,
 * JSON logs to its own log group, and a role that may write to that log group and nothing else
 * until the caller grants more.
 */
export class StepLambda extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: StepLambdaProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the Scones ${props.step} step`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${this.logGroup.logGroupArn}:log-stream:*`],
      }),
    );
    this.function = new lambda.Function(this, 'Function', {
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(stepBundleDir(props.step)),
      handler: 'index.handler',
      role: this.role,
      environment: props.environment,
      timeout: props.timeout,
      memorySize: props.memorySize,
      tracing: lambda.Tracing.ACTIVE,
      loggingFormat: lambda.LoggingFormat.JSON,
      logGroup: this.logGroup,
    });
    const logGroupId = Stack.of(this).getLogicalId(
      this.logGroup.node.defaultChild as logs.CfnLogGroup,
    );
    acknowledge(
      this.role,
      `AwsSolutions-IAM5[Resource::<${logGroupId}.Arn>:log-stream:*]`,
      'Lambda names its log streams at run time; the grant covers only this function’s own log group.',
    );
    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray (PutTraceSegments, PutTelemetryRecords) can only be granted on all resources.',
    );
  }
}

/** @deprecated The old name of {@link StepLambda} ("step function" means a state machine). */
export const StepFunction = StepLambda;
/** @deprecated The old name of {@link StepLambdaProps}. */
export type StepFunctionProps = StepLambdaProps;
