import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface WorkflowAlarmsProps {
  stateMachine: sfn.IStateMachine;
  thresholdFunction: lambda.IFunction;
  thresholdLogGroup: logs.ILogGroup;
  /** Alarm when more than this share of images (percent) is below the threshold. Default 20. */
  lowConfidencePercent: number;
}

export const LOW_CONFIDENCE_METRIC = { namespace: 'Scones', metricName: 'LowConfidenceResults' };

/**
 * Alarms on failed executions (any in 5 minutes) and on the share of low-confidence results
 * (over the limit for 3 periods of 15 minutes), counted from the threshold function's
 * `ThresholdConfidenceNotMetError` log records against its invocations.
 */
export class WorkflowAlarms extends Construct {
  readonly failedExecutions: cloudwatch.Alarm;
  readonly lowConfidenceRate: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: WorkflowAlarmsProps) {
    super(scope, id);
    this.failedExecutions = new cloudwatch.Alarm(this, 'FailedExecutions', {
      alarmDescription:
        'Scones image classification: executions failed (not counting low confidence in review mode).',
      metric: props.stateMachine.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    new logs.MetricFilter(this, 'LowConfidenceFilter', {
      logGroup: props.thresholdLogGroup,
      filterPattern: logs.FilterPattern.stringValue(
        '$.errorType',
        '=',
        'ThresholdConfidenceNotMetError',
      ),
      metricNamespace: LOW_CONFIDENCE_METRIC.namespace,
      metricName: LOW_CONFIDENCE_METRIC.metricName,
      metricValue: '1',
      defaultValue: 0,
    });
    const period = Duration.minutes(15);
    const rate = new cloudwatch.MathExpression({
      label: 'Low-confidence results (%)',
      expression: 'IF(invocations > 0, 100 * low / invocations, 0)',
      usingMetrics: {
        low: new cloudwatch.Metric({ ...LOW_CONFIDENCE_METRIC, statistic: 'Sum', period }),
        invocations: props.thresholdFunction.metricInvocations({ statistic: 'Sum', period }),
      },
      period,
    });
    this.lowConfidenceRate = new cloudwatch.Alarm(this, 'LowConfidenceRate', {
      alarmDescription: `Scones image classification: more than ${props.lowConfidencePercent}% of images below the confidence threshold.`,
      metric: rate,
      threshold: props.lowConfidencePercent,
      evaluationPeriods: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
