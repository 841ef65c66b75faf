/** Tests run from TypeScript sources; the provider-host tests use the built and packed package. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleNameMapper: {
    "^pulumi-tencentcloud-redis-task$": "<rootDir>/provider/index.ts",
    "^pulumi-tencentcloud-redis-task/policy$": "<rootDir>/provider/policy/index.ts",
  },
  testTimeout: 30000,
};
