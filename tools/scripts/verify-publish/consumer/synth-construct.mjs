// The published construct in a consumer's own CDK app: it must find the step bundles inside
// the installed step packages and synthesize without Docker or AWS credentials.
import { App, Stack } from 'aws-cdk-lib';
import { ImageClassificationWorkflow } from '@scones/infra';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'cdk-out-')) });
const stack = new Stack(app, 'ConsumerStack', {
  env: { account: '123456789012', region: 'eu-west-1' },
});
new ImageClassificationWorkflow(stack, 'Workflow', {
  endpoint: { existingEndpointName: 'scones-classifier' },
  lowConfidence: { mode: 'review' },
});
const template = app.synth().getStackByName('ConsumerStack').template;
const count = (type) =>
  Object.values(template.Resources).filter((resource) => resource.Type === type).length;
// Single image (STANDARD and its EXPRESS twin), batch and training.
if (count('AWS::Lambda::Function') !== 3 || count('AWS::StepFunctions::StateMachine') !== 4) {
  throw new Error(
    `unexpected template: ${count('AWS::Lambda::Function')} functions, ${count('AWS::StepFunctions::StateMachine')} state machines`,
  );
}
console.log(
  `@scones/infra synthesized in a consumer app: ${Object.keys(template.Resources).length} resources`,
);
