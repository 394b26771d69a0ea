import { CfnMapping, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';

// The registries AWS publishes SageMaker's built-in (1P) image-classification algorithm from,
// by region (AWS's own public accounts, listed in the SageMaker algorithm registry paths).
const REGISTRY_BY_REGION: Record<string, string> = {
  'us-east-1': '811284229777',
  'us-east-2': '825641698319',
  'us-west-1': '632365934929',
  'us-west-2': '433757028032',
  'ca-central-1': '469771592824',
  'eu-west-1': '685385470294',
  'eu-west-2': '644912444149',
  'eu-central-1': '813361260812',
  'ap-northeast-1': '501404015308',
  'ap-northeast-2': '306986355934',
  'ap-south-1': '991648021394',
  'ap-southeast-1': '475088953585',
  'ap-southeast-2': '544295431143',
};

/**
 * The container image of the built-in image-classification algorithm for the stack's region,
 * resolved at deploy time, so one template serves every region listed.
 */
export function imageClassificationAlgorithmImage(scope: Construct): string {
  const mapping = new CfnMapping(scope, 'ImageClassificationRegistry', {
    lazy: true,
    mapping: Object.fromEntries(
      Object.entries(REGISTRY_BY_REGION).map(([region, account]) => [region, { account }]),
    ),
  });
  const stack = Stack.of(scope);
  return `${mapping.findInMap(stack.region, 'account')}.dkr.ecr.${stack.region}.${stack.urlSuffix}/image-classification:1`;
}
