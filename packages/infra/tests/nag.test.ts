import * as iam from 'aws-cdk-lib/aws-iam';
import { workflowApp } from './stack';

describe('cdk-nag AwsSolutions checks', () => {
  it.each([
    ['an existing endpoint, fail mode', {}],
    [
      'review mode with a new queue',
      {
        workflow: {
          endpoint: { existingEndpointName: 'e' },
          lowConfidence: { mode: 'review' as const },
        },
      },
    ],
    [
      'a new endpoint from a model',
      { workflow: { endpoint: { model: { modelDataUrl: 's3://models/scones/model.tar.gz' } } } },
    ],
    [
      'an existing bucket and a new endpoint',
      {
        bucketName: 'existing-photos',
        workflow: { endpoint: { model: { modelDataUrl: 's3://m/k.tar.gz' } } },
      },
    ],
    [
      'photos restricted to two prefixes',
      {
        workflow: {
          endpoint: { existingEndpointName: 'e' },
          photoPrefixes: ['incoming/', 'test/'],
        },
      },
    ],
  ])('find nothing unacknowledged with %s', (_variant, props) => {
    const { app } = workflowApp(props);
    expect(() => app.synth()).not.toThrow();
  });

  it('fail the synth on a finding nobody acknowledged', () => {
    const { app, stack } = workflowApp();
    const careless = new iam.Role(stack, 'Careless', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    careless.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM5\[Resource::\*\]/);
  });
});
