/** What the demo needs of an engine: one deployment of the root project, and what it left behind. */

/** The end of one `up`. */
export interface Deployment {
  code: number;
  /** Everything the engine printed. */
  output: string;
  /** Stack outputs (absent when the deployment failed before exporting). */
  outputs: Record<string, unknown>;
  /** Type tokens of the resources the deployment created. */
  createdTypes: string[];
}

/** An engine the demo can deploy the root project with. */
export interface DemoEngine {
  /** How the demo announces it. */
  name: string;
  /** Deploys the root project, gated on `requestId`, in a stack of its own named `stack`. */
  up(stack: string, requestId: number, apiVersion: "v2" | "v3"): Promise<Deployment>;
  cleanup(): void;
}

/** Stack config of the root project for one run: credentials of the emulator, region, task. */
export function demoConfig(project: string, requestId: number, apiVersion: string, secretId: string): Record<string, string> {
  return {
    "tencentcloud:secretId": secretId,
    "tencentcloud:region": "ap-guangzhou",
    [`${project}:requestId`]: String(requestId),
    [`${project}:apiVersion`]: apiVersion,
  };
}
