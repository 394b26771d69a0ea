// The infra README's least-privilege review lists every IAM statement the stack grants. This
// test fails when the synthesized permissions and that list differ, so a new permission cannot
// land unreviewed; `npx nx run infra:permissions` rewrites the list (then review it).
import path from 'node:path';
import { generatedTable, markdownTable, tableCell } from '../../../tools/testing/generated-table';
import { resources, workflowApp } from './stack';

const README = path.join(__dirname, '../README.md');

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

// CloudFormation intrinsics as a person reads them, logical ids without their hash suffix.
function render(value: Json): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(render).join(', ');
  if (value && typeof value === 'object') {
    if ('Fn::Join' in value) {
      const [separator, parts] = value['Fn::Join'] as [string, Json[]];
      return parts.map(render).join(separator);
    }
    if ('Fn::GetAtt' in value) return `<${shortId(String((value['Fn::GetAtt'] as Json[])[0]))}>`;
    if ('Ref' in value) return `{${shortId(String(value['Ref']))}}`;
  }
  return JSON.stringify(value);
}

const shortId = (logicalId: string) =>
  logicalId.replace(/^Workflow/, '').replace(/[0-9A-F]{8}$/, '');

/** One row per statement: role, trusted service, effect and actions, resources, condition. */
function permissionRows(): string[][] {
  const { stack, template } = workflowApp({
    workflow: {
      endpoint: { model: { modelDataUrl: 's3://models/scones/model.tar.gz' } },
      lowConfidence: { mode: 'review' },
    },
  });
  const synthesized = template();
  const roles = resources(synthesized, 'AWS::IAM::Role');
  const trusted = (roleId: string) =>
    render(
      (
        roles[roleId]?.Properties['AssumeRolePolicyDocument'] as {
          Statement: { Principal: { Service: Json } }[];
        }
      ).Statement.map((statement) => statement.Principal.Service) as Json,
    );
  const rows: string[][] = [];
  for (const policy of Object.values(resources(synthesized, 'AWS::IAM::Policy'))) {
    const roleIds = (policy.Properties['Roles'] as { Ref: string }[]).map((role) => role.Ref);
    const statements = (
      policy.Properties['PolicyDocument'] as { Statement: Record<string, Json>[] }
    ).Statement;
    for (const roleId of roleIds) {
      for (const statement of statements) {
        rows.push([
          shortId(roleId),
          trusted(roleId),
          `${statement['Effect'] === 'Allow' ? '' : 'DENY '}${[statement['Action']].flat().join(', ')}`,
          render(statement['Resource'] as Json).replaceAll(`${stack.account}`, '{account}'),
          statement['Condition'] ? render(statement['Condition']) : '',
        ]);
      }
    }
  }
  for (const [id, role] of Object.entries(roles)) {
    if (role.Properties['ManagedPolicyArns'])
      rows.push([
        shortId(id),
        trusted(id),
        'MANAGED POLICY',
        render(role.Properties['ManagedPolicyArns'] as Json),
        '',
      ]);
  }
  return rows.sort((a, b) => a.join('|').localeCompare(b.join('|')));
}

function table(rows: string[][]): string {
  return markdownTable(
    ['role', 'trusted by', 'actions', 'resources', 'condition'],
    rows.map((row) => row.map((text) => (text ? `\`${tableCell(text)}\`` : ''))),
  );
}

describe("the infra README's permissions review", () => {
  it('lists exactly the IAM statements the stack grants (npx nx run infra:permissions updates it)', () => {
    const { written, generated } = generatedTable(
      README,
      'permissions',
      table(permissionRows()),
      'UPDATE_PERMISSIONS',
    );
    expect(written).toEqual(generated);
  }, 60_000);
});
