// Shared Jest settings for every package: TypeScript through SWC (types are checked by the
// `typecheck` target, not by Jest), Node environment, and workspace packages resolved to
// their sources so a test never runs against a stale `dist`.
const path = require('node:path');

const packagesDir = path.join(__dirname, 'packages');

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
