// The README shows diagrams generated from the definitions. This test fails when one is stale;
// `npx nx run workflow:diagram` rewrites them.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildImageClassificationDefinition, toMermaid } from '../../src/index.js';

const README = path.join(__dirname, '../../README.md');
const functions = {
  serialize: '${SerializeFunctionArn}',
  classify: '${ClassifyFunctionArn}',
  threshold: '${ThresholdFunctionArn}',
};

const diagrams: Record<string, string> = {
  'image-classification': toMermaid(buildImageClassificationDefinition({ functions })),
  'image-classification-review': toMermaid(
    buildImageClassificationDefinition({
      functions,
      lowConfidence: {
        mode: 'review',
        target: { queueUrl: '${ReviewQueueUrl}', queueArn: '${ReviewQueueArn}' },
      },
    }),
  ),
};

function block(name: string, chart: string): string {
  return `<!-- diagram:${name} -->\n\n\`\`\`mermaid\n${chart}\`\`\`\n\n<!-- /diagram:${name} -->`;
}

function withDiagrams(readme: string): string {
  return Object.entries(diagrams).reduce((text, [name, chart]) => {
    const pattern = new RegExp(`<!-- diagram:${name} -->[\\s\\S]*?<!-- /diagram:${name} -->`);
    if (!pattern.test(text)) throw new Error(`README.md has no <!-- diagram:${name} --> block`);
    return text.replace(pattern, () => block(name, chart));
  }, readme);
}

describe('README diagrams', () => {
  it('match the generated definitions (npx nx run workflow:diagram updates them)', () => {
    const readme = readFileSync(README, 'utf8');
    const current = withDiagrams(readme);
    if (process.env['UPDATE_DIAGRAMS'] === '1') writeFileSync(README, current);
    else expect(readme).toBe(current);
  });
});
