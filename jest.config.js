/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }] },
  // office-addin-mock imports office-addin-manifest, which loads ESM-only packages jest can't require.
  // numfmt 4 names a CommonJS file (dist/index.cjs) it doesn't ship; dist/index.js is that CommonJS build.
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/test/support/officeAddinManifestStub.js',
    '^numfmt$': '<rootDir>/node_modules/numfmt/dist/index.js',
  },
  testTimeout: 60000,
};
