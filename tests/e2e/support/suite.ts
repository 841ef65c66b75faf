/**
 * The fixture most end-to-end files share: one emulator (task IDs from `firstId`), stacks of the
 * programs in `tests/e2e/programs` configured with the emulator's credentials, all cleaned up
 * after the file. Registers its own beforeAll/afterAll; call it at the top of a file.
 */
import { E2eEmulator, EMULATOR_CONFIG, EMULATOR_SECRETS } from "./emulator";
import { PulumiStack } from "./pulumiStack";
import { userProject } from "./userProject";

/** Options of {@link E2eSuite.stack}. */
export interface SuiteStackOptions {
  /** Stack config on top of the emulator's credentials and region. */
  config?: Record<string, string>;
  secrets?: Record<string, string>;
  /** The environment of every command; default: the emulator as `TENCENTCLOUD_REDIS_ENDPOINT`. */
  env?: NodeJS.ProcessEnv;
  /** The project directory; default a fresh copy of the program in a user's project. */
  projectDir?: string;
}

/** What {@link e2eSuite} gives a test file. */
export interface E2eSuite {
  /** The file's emulator (started in beforeAll). */
  readonly emulator: E2eEmulator;
  /** A new stack of `program`, disposed after the file. */
  stack(program: string, options?: SuiteStackOptions): Promise<PulumiStack>;
}

/** Sets up the file's emulator and stack cleanup; see the file comment. */
export function e2eSuite(firstId: number): E2eSuite {
  let emulator: E2eEmulator | undefined;
  const stacks: PulumiStack[] = [];
  beforeAll(async () => {
    emulator = await E2eEmulator.start(firstId);
  });
  afterAll(async () => {
    for (const stack of stacks) stack.dispose();
    await emulator?.close();
  });
  return {
    get emulator() {
      if (!emulator) throw new Error("the suite's emulator is started in beforeAll");
      return emulator;
    },
    async stack(program, options = {}) {
      const stack = await PulumiStack.init({
        projectDir: options.projectDir ?? userProject(program),
        env: options.env ?? { TENCENTCLOUD_REDIS_ENDPOINT: this.emulator.url },
        config: { ...EMULATOR_CONFIG, ...options.config },
        secrets: { ...EMULATOR_SECRETS, ...options.secrets },
      });
      stacks.push(stack);
      return stack;
    },
  };
}
