import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  prettier,
  {
    ignores: ['**/dist', '**/out-tsc', '**/coverage', '**/.scones', '**/cdk.out'],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs', '**/*.cts'],
    rules: {
      // Dependencies go one way: contracts <- steps <- everything else. A step library never
      // imports another step library, and the workflow's sources name the steps only by ARN
      // (its tests run the real steps with the executor: see the stricter rule below).
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^(\\.\\./)+tools/testing/.*$'],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:aws', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:step', onlyDependOnLibsWithTags: ['type:contracts', 'type:aws'] },
            { sourceTag: 'type:executor', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:model', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:monitor', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:dataset', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:infra',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:aws',
                'type:step',
                'type:definition',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:step',
                'type:definition',
                'type:executor',
                'type:model',
                'type:monitor',
                'type:dataset',
              ],
            },
            {
              sourceTag: 'type:definition',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:step', 'type:executor'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests assert on values they just checked exist.
    files: ['packages/*/tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['packages/workflow/src/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          depConstraints: [
            { sourceTag: 'type:definition', onlyDependOnLibsWithTags: ['type:contracts'] },
          ],
        },
      ],
    },
  },
  {
    // Each package.json declares exactly the dependencies its sources import.
    files: ['packages/*/package.json'],
    rules: {
      '@nx/dependency-checks': [
        'error',
        { ignoredFiles: ['{projectRoot}/jest.config.cjs', '{projectRoot}/tests/**/*'] },
      ],
    },
    languageOptions: { parser: await import('jsonc-eslint-parser') },
  },
  {
    // The infra package deploys the step packages' bundles, found at synth time, and its CDK
    // app (not part of the published package) runs cdk-nag.
    files: ['packages/infra/package.json'],
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          ignoredFiles: [
            '{projectRoot}/jest.config.cjs',
            '{projectRoot}/tests/**/*',
            '{projectRoot}/src/app.ts',
          ],
          ignoredDependencies: ['@scones/serialize', '@scones/classify', '@scones/threshold'],
        },
      ],
    },
  },
];
