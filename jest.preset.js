// Shared Jest settings for every package: TypeScript through SWC (types are checked by the
// `typecheck` target, not by Jest), Node environment, and workspace packages resolved to
// their sources so a test never runs against a stale `dist`.
const path = require('node:path');

const packagesDir = path.join(__dirname, 'packages');

// The AWS SDK warns on Node 20 that its future versions need Node 22; the Lambdas target
// nodejs22.x, and the warning would only bury the test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.[cm]?[tj]s$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: { target: 'es2022', parser: { syntax: 'typescript' }, keepClassNames: true },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    '^@scones/([a-z0-9-]+)/lambda$': `${packagesDir}/$1/src/lambda/index.ts`,
    '^@scones/([a-z0-9-]+)$': `${packagesDir}/$1/src/index.ts`,
    // Sources import siblings with the `.js` extension Node's ESM/nodenext rules want.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/out-tsc/'],
  testTimeout: 30000,
};
