/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }] },
  // office-addin-mock imports office-addin-manifest, which loads ESM-only packages jest can't require.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/test/support/officeAddinManifestStub.js' },
  testTimeout: 60000,
};
