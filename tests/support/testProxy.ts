/**
 * A tiny HTTP proxy for tests, as corporate proxies behave: absolute-form requests are forwarded
 * (http targets), CONNECT opens a tunnel (https targets). `hosts` maps names only the proxy can
 * resolve (`redis-task.invalid`) to real addresses, so a request reaches its target only through
 * the proxy. It counts what went through it.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "http";
import { connect, type AddressInfo, type Socket } from "net";

/** A running proxy. */
export interface TestProxy {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Each request it handled: `GET http://host:port/path` or `CONNECT host:port`. */
  readonly handled: string[];
  close(): Promise<void>;
}

/** Starts a proxy; `refuseConnect` makes it answer CONNECT with that HTTP status. */
export async function startTestProxy(hosts: Record<string, string> = {}, options: { refuseConnect?: number } = {}): Promise<TestProxy> {
  const handled: string[] = [];
  const sockets = new Set<Socket>();
  const resolve = (host: string) => hosts[host] ?? host;
  const server: Server = createServer((req: IncomingMessage, res) => {
    handled.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? "/");
    const upstream = httpRequest(
      { host: resolve(target.hostname), port: target.port || 80, method: req.method, path: target.pathname + target.search, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      res.writeHead(502, { "Content-Type": "text/plain" });
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(upstream);
  });
  server.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
    handled.push(`CONNECT ${req.url}`);
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    if (options.refuseConnect) {
      client.end(`HTTP/1.1 ${options.refuseConnect} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), resolve(host), () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    handled,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
