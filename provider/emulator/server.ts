/**
 * The HTTP server: routes requests to the control routes or an API version, applies faults
 * and latency to API requests, and writes one log line per request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "http";
import { V2_PATH } from "../api/signV2";
import { CONTROL_PREFIX, type ControlTarget, handleControl } from "./control";
import type { FaultInjector } from "./faults";
import type { ListingCounter } from "./listings";
import type { InstanceRegistry } from "./instances";
import { delay, readBody, resetMidResponse, sendJson, sendText } from "./http";
import type { ApiAnswer, ApiProtocol, ApiRequest } from "./protocol";
import type { StatsCounter } from "./stats";
import type { TaskStore } from "./tasks";
import { v2Protocol } from "./v2";
import { v3Protocol } from "./v3";

/** Everything the server works with; owned by `startEmulator`. */
export interface ServerDeps {
  tasks: TaskStore;
  listings: ListingCounter;
  instances: InstanceRegistry;
  faults: FaultInjector;
  stats: StatsCounter;
  control: ControlTarget;
  secretKeyOf(secretId: string): string | undefined;
  clock: () => number;
  log?: (line: string) => void;
}

const gatewayPage = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

function protocolFor(method: string, pathname: string): ApiProtocol | undefined {
  if (pathname === V2_PATH && (method === "GET" || method === "POST")) return v2Protocol;
  if (pathname === "/" && method === "POST") return v3Protocol;
  return undefined;
}

// Log values come from the request; only plain identifiers are echoed, so a log can never
// carry a signature, key or token smuggled into another parameter.
const printable = (value: string | undefined): string => (value && /^[A-Za-z0-9.]{1,64}$/.test(value) ? value : "-");

async function serveApi(req: ApiRequest, res: ServerResponse, protocol: ApiProtocol, deps: ServerDeps): Promise<string> {
  deps.stats.request(protocol.taskIdOf(req), protocol.actionOf(req));
  const decision = deps.faults.decide();
  let answer: ApiAnswer | undefined;
  if (decision.kind === "rateLimited" || (decision.kind === "failure" && decision.failure === "throttle")) {
    deps.stats.throttle();
    answer = protocol.rateLimited();
  } else if (decision.kind === "failure" && decision.failure === "internal") {
    answer = protocol.internalError();
  } else if (decision.kind === "none") {
    answer = protocol.handle(req, { now: deps.clock(), secretKeyOf: deps.secretKeyOf, tasks: deps.tasks, instances: deps.instances, listings: deps.listings });
  }
  await delay(deps.faults.latencyMs());
  if (answer) {
    sendJson(res, 200, answer.body);
    const faulted = decision.kind === "none" ? "" : ` (${decision.kind === "failure" ? `fault ${decision.failure}` : "rate limit"})`;
    return `${answer.result}${faulted}${answer.apiRequestId ? ` apiRequestId=${answer.apiRequestId}` : ""}`;
  }
  const failure = decision.kind === "failure" ? decision.failure : "none";
  if (failure === "http502") sendText(res, 502, "text/html", gatewayPage);
  else if (failure === "malformed") sendText(res, 200, "application/json; charset=utf-8", "<html>not json");
  else resetMidResponse(res);
  return `fault ${failure}`;
}

async function route(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<string> {
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", "http://emulator");
  const head = `${method} ${url.pathname}`;
  let body: string;
  try {
    body = await readBody(req);
  } catch {
    sendJson(res, 413, { error: "request body too large" });
    return `${head} -> 413`;
  }
  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    const answer = await handleControl(method, url, body, deps.control);
    if (answer) {
      sendJson(res, answer.status, answer.body);
      return `${head} -> ${answer.status}`;
    }
  }
  const protocol = protocolFor(method, url.pathname);
  if (!protocol) {
    sendJson(res, 404, { error: `no route for ${method} ${url.pathname}` });
    return `${head} -> 404`;
  }
  const apiReq: ApiRequest = { method, pathname: url.pathname, query: url.search.slice(1), headers: req.headers, body };
  const taskId = protocol.taskIdOf(apiReq);
  const result = await serveApi(apiReq, res, protocol, deps);
  return `${head} action=${printable(protocol.actionOf(apiReq))} requestId=${taskId ?? "-"} -> ${result}`;
}

/** Creates the emulator's HTTP server (not yet listening). */
export function createEmulatorServer(deps: ServerDeps): Server {
  const server = createServer((req, res) => {
    route(req, res, deps).then(
      (line) => deps.log?.(line),
      (error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: "emulator failure" });
        deps.log?.(`${req.method} ${(req.url ?? "/").split("?")[0]} -> 500 emulator failure: ${(error as Error).message}`);
      },
    );
  });
  // Node closes idle keep-alive sockets after 5 s, and a poll sent as the close arrives is reset and
  // retried: an extra call no gate asked for, which made call counts in tests depend on the
  // machine's pace. Clients poll at most every 30 s by default, so idle sockets live longer than that
  // here, as behind a load balancer (nginx keeps them 75 s). close() still drops them at once.
  server.keepAliveTimeout = 65_000;
  return server;
}
