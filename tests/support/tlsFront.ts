/**
 * An HTTPS endpoint for tests: a self-signed certificate made with `openssl` at test time (for the
 * names given), and an HTTPS server in front of an http upstream (the emulator), or answering
 * with a fixed status (a redirect, say).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import { createServer, type Server } from "https";
import { request as httpRequest } from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";

/** A certificate and its key, PEM, and the file holding the certificate (usable as a CA bundle). */
export interface TestCertificate {
  cert: string;
  key: string;
  certFile: string;
}

/** A self-signed certificate for `names` (DNS names and IP addresses), valid `days` from now (negative: expired). */
export function selfSignedCertificate(names: string[], days = 2): TestCertificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redis-task-tls-"));
  const [keyFile, certFile] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
  const san = names.map((name) => (/^[\d.]+$/.test(name) ? `IP:${name}` : `DNS:${name}`)).join(",");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile, "-days", String(days), "-subj", `/CN=${names[0]}`, "-addext", `subjectAltName=${san}`], {
    stdio: "ignore",
  });
  return { cert: fs.readFileSync(certFile, "utf8"), key: fs.readFileSync(keyFile, "utf8"), certFile };
}

/** A running HTTPS server. */
export interface TlsFront {
  /** `https://127.0.0.1:PORT`. */
  url: string;
  port: number;
  /** TCP connections accepted so far: one per attempt a client made (a refused certificate included). */
  connections(): number;
  /** HTTP requests answered so far (a keep-alive connection carries several). */
  requests(): number;
  close(): Promise<void>;
}

/** Serves HTTPS with `certificate`, forwarding every request to `upstream` (http), or answering `fixed`. */
export async function startTlsFront(certificate: TestCertificate, upstream: string | { status: number; headers: Record<string, string> }): Promise<TlsFront> {
  let requests = 0;
  const server: Server = createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
    requests++;
    if (typeof upstream !== "string") {
      req.resume();
      res.writeHead(upstream.status, upstream.headers);
      res.end();
      return;
    }
    const target = new URL(upstream);
    const forwarded = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on("error", () => res.destroy());
    req.pipe(forwarded);
  });
  let connections = 0;
  server.on("connection", () => connections++);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    requests: () => requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
