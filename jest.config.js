// One config, two projects: `--selectProjects unit` needs nothing running,
// `--selectProjects integration` talks to LocalStack (see tests/integration/local-stack.ts).
const shared = {
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  // A global option: jest 30 ignores it inside a project. The integration suite calls LocalStack,
  // where a first call may wait for cold Lambda starts.
  testTimeout: 30_000,
  // Global too: the workflow coverage gate runs after every other integration test file.
  testSequencer: '<rootDir>/tests/integration/run-coverage-gate-last.js',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/unit/setup-env.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/integration/setup-env.ts'],
      globalSetup: '<rootDir>/tests/integration/global-setup.ts',
    },
  ],
};
