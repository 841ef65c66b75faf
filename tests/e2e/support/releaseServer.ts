/**
 * A stand-in for the GitHub release the schema's `pluginDownloadURL` names: a local HTTP server
 * that serves the files of one directory and records every path asked for, so a test can see that
 * the engine downloaded the plugin itself. The engine is pointed at it with its own override,
 * `PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES` (a regexp on the plugin's source URL = the server's URL).
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

/** A running release server. */
export interface ReleaseServer {
  url: string;
  /** The paths requested so far, in order. */
  requests: string[];
  /** The environment that sends downloads from `pluginDownloadURL` here. */
  overrideEnv(pluginDownloadURL: string): NodeJS.ProcessEnv;
  close(): Promise<void>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Serves `dir` on 127.0.0.1. */
export async function startReleaseServer(dir: string): Promise<ReleaseServer> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname).replace(/^\/+/, "");
    requests.push(`/${name}`);
    const file = path.join(dir, path.basename(name));
    if (path.basename(name) !== name || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/gzip", "content-length": fs.statSync(file).size });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    overrideEnv: (pluginDownloadURL) => ({ PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: `^${escapeRegExp(pluginDownloadURL)}$=${url}` }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
