/**
 * A raw TCP server in front of the emulator that spoils requests on purpose, at the socket
 * level: it can answer with any bytes, reset the connection mid-response, or accept and never
 * answer. Requests it lets through are piped to the emulator unchanged (the Host header
 * included, so signatures made for this server's address still verify).
 *
 * Every faulted request gets its own connection: canned answers carry `Connection: close`,
 * resets and hangs end with the socket destroyed (by this server or by the client's timeout).
 */
import { connect, createServer, type AddressInfo, type Server, type Socket } from "net";

/** What to do with one request. */
export type SocketFault =
  /** Pipe the request to the upstream (the emulator) and its answer back. */
  | { kind: "pass" }
  /** Accept, read the request, never answer. */
  | { kind: "hang" }
  /** Send the status line, headers announcing a longer body and part of it, then a TCP RST. */
  | { kind: "reset" }
  /** Answer with this HTTP response and close. */
  | { kind: "answer"; status: number; contentType: string; body: string };

/** A running fault server. */
export interface FaultServer {
  url: string;
  /** Requests seen so far, by what was done with them. */
  counts(): Record<SocketFault["kind"], number>;
  /** The raw bytes (latin1) of the first request of every connection, to prove what went on the wire. */
  requests(): string[];
  close(): Promise<void>;
}

const reasons: Record<number, string> = { 200: "OK", 502: "Bad Gateway", 503: "Service Unavailable" };

/** Resolves with the whole first request (head and Content-Length body) read from `socket`. */
function readRequest(socket: Socket): Promise<Buffer> {
  return new Promise((resolve) => {
    let buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const headEnd = buffer.indexOf("\r\n\r\n");
      if (headEnd === -1) return;
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(buffer.subarray(0, headEnd).toString("latin1"));
      if (buffer.length >= headEnd + 4 + (length ? Number(length[1]) : 0)) {
        socket.off("data", onData);
        resolve(buffer);
      }
    };
    socket.on("data", onData);
  });
}

/**
 * Starts a fault server. `plan(n)` decides the fate of the n-th request (1-based); requests
 * that pass go to `upstream` (a base URL such as the emulator's).
 */
export async function startFaultServer(plan: (n: number) => SocketFault, upstream?: string): Promise<FaultServer> {
  const counts: Record<SocketFault["kind"], number> = { pass: 0, hang: 0, reset: 0, answer: 0 };
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  let seen = 0;
  const target = upstream ? new URL(upstream) : undefined;

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined); // the client resets or aborts on purpose in these tests
    void readRequest(socket).then((request) => {
      requests.push(request.toString("latin1"));
      const fault = plan(++seen);
      counts[fault.kind]++;
      if (fault.kind === "hang") return;
      if (fault.kind === "reset") {
        socket.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"code\":0,\"data\":{\"sta", () => socket.resetAndDestroy());
        return;
      }
      if (fault.kind === "answer") {
        const body = Buffer.from(fault.body, "utf8");
        socket.end(
          Buffer.concat([
            Buffer.from(
              `HTTP/1.1 ${fault.status} ${reasons[fault.status] ?? "Status"}\r\nContent-Type: ${fault.contentType}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
              "latin1",
            ),
            body,
          ]),
        );
        return;
      }
      if (!target) throw new Error("a passing request needs an upstream");
      const up = connect(Number(target.port), target.hostname);
      sockets.add(up);
      up.on("close", () => sockets.delete(up));
      up.on("error", () => socket.destroy());
      up.write(request);
      // Later requests on this kept-alive connection go straight through.
      socket.pipe(up);
      up.pipe(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    requests: () => [...requests],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A base URL on which nothing listens (a port just released). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** The n-th request fails with `fault` while n <= `failures`, then passes. */
export function failFirst(failures: number, fault: SocketFault): (n: number) => SocketFault {
  return (n) => (n <= failures ? fault : { kind: "pass" });
}
