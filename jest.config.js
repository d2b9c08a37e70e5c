/**
 * Test projects (see README): unit, integration (handlers against the embedded store),
 * contract (the store port on every available adapter), e2e (H5 build in Chromium).
 * `npm test` (scripts/test.ts) decides which run on this machine and says why.
 */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
]

const base = {
  testEnvironment: 'node',
  // Each file starts a real embedded Postgres; on a busy 2-core machine that takes seconds.
  testTimeout: 30_000,
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // ESM-only packages must be transformed for Jest's CommonJS runtime.
  transformIgnorePatterns: ['/node_modules/(?!(@middy|jose|zod)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
}

module.exports = {
  // A global option: Jest ignores testTimeout inside `projects`, which left tests that start an
  // embedded Postgres inside the test itself at Jest's 5 s default on a busy machine.
  testTimeout: 30_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      // Fails a test file whose replies or logs carried a full ID number or mobile number.
      setupFilesAfterEnv: ['<rootDir>/tests/support/pii-scan.ts'],
    },
    {
      ...base,
      // The chains that write across documents, again through the real CloudBase SDK against
      // the local CloudBase service (functions/local/cloudbase-service.ts).
      displayName: 'integration-cloudbase',
      testMatch: [
        '<rootDir>/tests/integration/applications-chain.test.ts',
        '<rootDir>/tests/integration/applications-rules.test.ts',
        '<rootDir>/tests/integration/cards.test.ts',
        '<rootDir>/tests/integration/followups.test.ts',
        '<rootDir>/tests/integration/followup-records.test.ts',
        '<rootDir>/tests/integration/materials.test.ts',
        '<rootDir>/tests/integration/placement.test.ts',
        '<rootDir>/tests/integration/sessions.test.ts',
        '<rootDir>/tests/integration/staff-roles.test.ts',
        '<rootDir>/tests/integration/welfare-posts.test.ts',
        '<rootDir>/tests/integration/zero-watch-budget.test.ts',
      ],
      setupFiles: ['<rootDir>/tests/support/use-cloudbase.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/pii-scan.ts'],
    },
    { ...base, displayName: 'contract', testMatch: ['<rootDir>/tests/contract/**/*.test.ts'] },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
    },
  ],
}
