// The CDK app (cdk.json): one SconesWorkflowStack, configured with context values
// (`-c key=value`, see app-settings.ts), checked with cdk-nag's AwsSolutions rules: an
// unacknowledged finding fails the synth.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AppSettingsError, readAppSettings, type AppSettings } from './app-settings.js';
import { SconesWorkflowStack } from './scones-workflow-stack.js';

const app = new App();
let settings: AppSettings;
try {
  settings = readAppSettings((key) => app.node.tryGetContext(key));
} catch (error) {
  if (!(error instanceof AppSettingsError)) throw error;
  // One line for a value the person can fix, not a stack trace.
  console.error(error.message);
  process.exit(1);
}
// No env unless asked for: the CDK CLI sets CDK_DEFAULT_REGION to us-east-1 when nothing is
// configured, and a stack pinned to it would bake us-east-1 into the template.
new SconesWorkflowStack(app, settings.stackName, {
  env: settings.env,
  description: 'Scones Unlimited image-classification workflow',
  bucketName: settings.bucketName,
  workflow: settings.workflow,
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
