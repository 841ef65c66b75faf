/** Removes this run's per-run fixtures (the fresh clones). */
import * as fs from "fs";
import { clonesDir } from "./freshClone";

export default async function globalTeardown(): Promise<void> {
  if (process.env.E2E_RUN_ID) fs.rmSync(clonesDir(process.env.E2E_RUN_ID), { recursive: true, force: true });
}
