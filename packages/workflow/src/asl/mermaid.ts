import type { Catcher, ChoiceRule, State, StateMachineFragment } from './types.js';

/**
 * Renders any definition as a Mermaid flowchart: one node per state (Map item processors and
 * Parallel branches as subgraphs), solid arrows for transitions, dotted ones labelled with the
 * errors a Catch sends on.
 *
 * @example
 * console.log(toMermaid(buildImageClassificationDefinition(options)));
 */
export function toMermaid(definition: StateMachineFragment): string {
  const lines = [
    'flowchart TD',
    '  start((start))',
    `  start --> ${nodeId('', definition.StartAt)}`,
  ];
  renderFragment(definition, '', lines, '  ');
  lines.push(
    '  classDef fail fill:#fde2e1,stroke:#c0392b,color:#5b1a14',
    '  classDef done fill:#e3f4e1,stroke:#2e7d32,color:#1b3d1d',
  );
  return `${lines.join('\n')}\n`;
}

function renderFragment(
  fragment: StateMachineFragment,
  scope: string,
  lines: string[],
  indent: string,
): void {
  for (const [name, state] of Object.entries(fragment.States)) {
    const id = nodeId(scope, name);
    if (state.Type === 'Map' || state.Type === 'Parallel') {
      lines.push(
        `${indent}subgraph ${id} [${quote(`${name} (${state.Type})`)}]`,
        `${indent}  direction TB`,
      );
      const children = state.Type === 'Map' ? [state.ItemProcessor] : state.Branches;
      children.forEach((child, i) => {
        const childScope = `${id}_${i}`;
        lines.push(
          `${indent}  ${childScope}_start((start)) --> ${nodeId(childScope, child.StartAt)}`,
        );
        renderFragment(child, childScope, lines, `${indent}  `);
      });
      lines.push(`${indent}end`);
    } else {
      lines.push(`${indent}${id}${shape(name, state)}`);
    }
    for (const edge of edges(state)) {
      const arrow = edge.dotted ? '-.->' : '-->';
      const label = edge.label ? `|${quote(edge.label)}|` : '';
      lines.push(
        `${indent}${id} ${arrow}${label} ${edge.to === null ? endId(scope) : nodeId(scope, edge.to)}`,
      );
    }
  }
  const ends = Object.values(fragment.States).some(
    (state) => state.Type === 'Succeed' || ('End' in state && state.End),
  );
  if (ends) lines.push(`${indent}${endId(scope)}((end))`);
}

interface Edge {
  to: string | null;
  label?: string;
  dotted?: boolean;
}

function edges(state: State): Edge[] {
  const found: Edge[] = [];
  if (state.Type === 'Choice') {
    state.Choices.forEach((rule) => found.push({ to: rule.Next, label: describeRule(rule) }));
    if (state.Default) found.push({ to: state.Default, label: 'otherwise' });
    return found;
  }
  if (state.Type === 'Fail') return found;
  if (state.Type === 'Succeed') return [{ to: null }];
  if (state.Next) found.push({ to: state.Next });
  if (state.End) found.push({ to: null });
  if ('Catch' in state) {
    for (const c of state.Catch ?? [])
      found.push({ to: c.Next, label: describeCatch(c), dotted: true });
  }
  return found;
}

function shape(name: string, state: State): string {
  const label = quote(name);
  switch (state.Type) {
    case 'Choice':
      return `{${label}}`;
    case 'Fail':
      return `[[${label}]]:::fail`;
    case 'Succeed':
      return `([${label}]):::done`;
    case 'Pass':
      return `(${label})`;
    default:
      return `[${label}]`;
  }
}

function describeCatch(c: Catcher): string {
  return c.ErrorEquals.map((error) => (error === 'States.ALL' ? 'any other error' : error)).join(
    '<br/>',
  );
}

function describeRule(rule: ChoiceRule): string {
  const comparison = Object.entries(rule).find(([key]) => !['Variable', 'Next'].includes(key));
  if (!rule.Variable || !comparison) return 'rule';
  return `${rule.Variable} ${comparison[0]} ${JSON.stringify(comparison[1])}`;
}

function nodeId(scope: string, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'state';
  return scope ? `${scope}_${safe}` : safe;
}

function endId(scope: string): string {
  return scope ? `${scope}_finish` : 'finish';
}

// Mermaid labels in double quotes; a double quote inside is written as an entity.
function quote(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}
