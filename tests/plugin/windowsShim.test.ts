/**
 * Windows: the engine probes `pulumi-resource-<name>.exe`, then `.cmd`, in a plugin directory
 * (sdk/go/common/workspace/plugins.go, getCandidateExtensions), never the POSIX sh script. The
 * installed package ships a `.cmd` that runs the same entry point as the sh script, found the same
 * two ways. (No Windows machine here: the test reads the script as cmd.exe would expand it.)
 */
import * as fs from "fs";
import * as path from "path";
import { packedProject } from "../support/packedProject";

jest.setTimeout(120_000);

const NAME = "pulumi-resource-tencentcloud-redis-task";

/** The script paths relative to the script's directory (`%~dp0`), as its `set "main=…"` lines name them, in order. */
function entryCandidates(script: string, marker: string): string[] {
  return [...script.matchAll(new RegExp(`${marker}([^"\\s]*main\\.js)`, "g"))].map((m) => m[1].replace(/\\/g, "/").replace(/^\//, ""));
}

test("the installed package holds the .cmd beside the sh script, with CRLF line ends", () => {
  const installed = path.join(packedProject(), "node_modules", "pulumi-tencentcloud-redis-task");
  const cmd = fs.readFileSync(path.join(installed, `${NAME}.cmd`), "utf8");
  expect(cmd.split("\n").every((line, i, all) => i === all.length - 1 || line.endsWith("\r"))).toBe(true);
  expect(cmd).toMatch(/^@echo off\r\n/);
  // The arguments (the engine address) are passed on, and node's exit code is the script's.
  expect(cmd).toMatch(/node "%main%" %\*\r\n/);
  expect(cmd).toContain("exit /b %ERRORLEVEL%");
});

test("the .cmd runs the entry point the sh script runs, trying the same two places in the same order", () => {
  const installed = path.join(packedProject(), "node_modules", "pulumi-tencentcloud-redis-task");
  const cmdEntries = entryCandidates(fs.readFileSync(path.join(installed, `${NAME}.cmd`), "utf8"), "%~dp0");
  const shEntries = entryCandidates(fs.readFileSync(path.join(installed, NAME), "utf8"), "\\$dir/");
  expect(cmdEntries).toEqual(shEntries);
  expect(cmdEntries).toHaveLength(2);
  // In the installed package the first is there.
  expect(fs.existsSync(path.join(installed, cmdEntries[0]))).toBe(true);
});
