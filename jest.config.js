/**
 * Two projects: `unit` (everything but tests/e2e: white box, real HTTP, the SDK's provider host
 * and analyzer) and `e2e` (the real Pulumi CLI; skipped, saying so, where none is installed).
 * Tests run from TypeScript sources; the provider-host and e2e tests use the built, packed package.
 */
const common = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleNameMapper: {
    "^pulumi-tencentcloud-redis-task$": "<rootDir>/provider/index.ts",
    "^pulumi-tencentcloud-redis-task/policy$": "<rootDir>/provider/policy/index.ts",
    "^pulumi-tencentcloud-redis-task/plugin$": "<rootDir>/provider/doors/pluginClient/index.ts",
  },
};

module.exports = {
  projects: [
    { ...common, displayName: "unit", roots: ["<rootDir>/tests"], testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/"] },
    { ...common, displayName: "e2e", roots: ["<rootDir>/tests/e2e"], globalSetup: "<rootDir>/tests/e2e/support/globalSetup.ts", globalTeardown: "<rootDir>/tests/e2e/support/globalTeardown.ts" },
  ],
  testTimeout: 30000,
};
