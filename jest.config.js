// Two projects: unit specs beside the code (no servers), and end-to-end tests in test/ that run
// against the real local servers started once by the global setup.
const tsJest = ['<rootDir>/test/support/esm-transformer.js', { tsconfig: '<rootDir>/tsconfig.jest.json' }];
// NestJS 12 and a few other dependencies ship only ES modules; Jest's module runtime on Node 20 cannot
// require() them, so those packages are compiled to CommonJS like our own code.
const esmOnlyPackages = ['@nestjs', 'marked'];
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`];
const moduleNameMapper = { '^@roundtable/(.*)$': '<rootDir>/libs/$1/src' };
// The build's output (tests start it as a process, never import it) holds a copy of package.json, which
// jest's module map would otherwise report as a second package named roundtable.
const modulePathIgnorePatterns = ['<rootDir>/dist/'];

/** @type {import('jest').Config} */
module.exports = {
  // Jest reads the timeout from the top level only (a project's own testTimeout is ignored), so the
  // e2e tests' minute is set here; unit specs finish long before it.
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      transform: { '^.+\\.[tj]s$': tsJest },
      transformIgnorePatterns,
      moduleNameMapper,
      modulePathIgnorePatterns,
      testEnvironment: 'node',
      setupFiles: ['reflect-metadata'],
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.[tj]s$': tsJest },
      transformIgnorePatterns,
      moduleNameMapper,
      modulePathIgnorePatterns,
      testEnvironment: 'node',
      setupFiles: ['reflect-metadata'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 60_000,
      slowTestThreshold: 20,
    },
  ],
};
