import {
  IMAGE_CLASSIFICATION_STATES as S,
  buildImageClassificationDefinition,
  toMermaid,
  type StateMachineDefinition,
} from '../../src/index.js';

const functions = { serialize: 's', classify: 'c', threshold: 't' };

describe('toMermaid', () => {
  it('draws every state once, transitions solid and catches dotted with their errors', () => {
    const definition = buildImageClassificationDefinition({ functions });
    const chart = toMermaid(definition);
    expect(chart.startsWith('flowchart TD\n')).toBe(true);
    for (const name of Object.keys(definition.States)) {
      expect(chart.match(new RegExp(`^  \\w+[\\[({]+"${name}"`, 'gm'))).toHaveLength(1);
    }
    expect(chart).toContain('  start --> Serialize_image');
    expect(chart).toContain('  Serialize_image --> Classify_image');
    expect(chart).toContain(
      '  Check_confidence -.->|"ThresholdConfidenceNotMetError"| Below_threshold',
    );
    expect(chart).toContain('  Classify_image -.->|"any other error"| Step_failed');
    expect(chart).toContain(`  Below_threshold[["${S.belowThreshold}"]]:::fail`);
    expect(chart).toContain('  Classified --> finish');
  });

  it('draws Choice rules, Map item processors as subgraphs, and escapes quotes', () => {
    const definition: StateMachineDefinition = {
      StartAt: 'Which "kind"?',
      States: {
        'Which "kind"?': {
          Type: 'Choice',
          Choices: [{ Variable: '$.kind', StringEquals: 'batch', Next: 'Each image' }],
          Default: 'Done',
        },
        'Each image': {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Pass', End: true } } },
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    };
    const chart = toMermaid(definition);
    expect(chart).toContain('Which_kind{"Which #quot;kind#quot;?"}');
    expect(chart).toContain('Which_kind -->|"$.kind StringEquals #quot;batch#quot;"| Each_image');
    expect(chart).toContain('Which_kind -->|"otherwise"| Done');
    expect(chart).toContain('subgraph Each_image ["Each image (Map)"]');
    expect(chart).toContain('Each_image_0_start((start)) --> Each_image_0_Work');
    expect(chart).toContain('Each_image_0_Work --> Each_image_0_finish');
    expect(chart).toContain('Done(["Done"]):::done');
  });
});
