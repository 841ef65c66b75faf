/** Small HTTP helpers: bounded body reading and answers that keep connections reusable. */
import type { IncomingMessage, ServerResponse } from "http";

/** Bodies above this are refused: DescribeTaskInfo requests are a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Reads the whole request body as UTF-8; rejects with `tooLarge` set past {@link MAX_BODY_BYTES}. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error("request body too large"), { tooLarge: true }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Sends a complete answer with Content-Length, so keep-alive clients can reuse the socket. */
export function sendText(res: ServerResponse, status: number, contentType: string, text: string): void {
  const body = Buffer.from(text, "utf8");
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": body.length });
  res.end(body);
}

/**
 * Sends a JSON answer as `application/json` without a charset, as Tencent's endpoints answer
 * (JSON is UTF-8 by definition): the official Python SDK looks for errors only in answers whose
 * Content-Type is exactly `application/json`, and would take an error for an empty success.
 */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendText(res, status, "application/json", JSON.stringify(value));
}

/**
 * Announces a full JSON body, sends only its start, then destroys the socket: what a client
 * sees when a connection is reset mid-response.
 */
export function resetMidResponse(res: ServerResponse): void {
  const partial = '{"Response":{"Status":"runn';
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": partial.length + 100 });
  // Destroy only once the partial body is flushed, so the client really gets a truncated answer.
  res.write(partial, () => res.socket?.destroy());
}

/** Resolves after `ms` real milliseconds (0: at once). */
export function delay(ms: number): Promise<void> {
  // Unref'd: a delayed answer to a request nobody waits for any more must not keep a closed emulator's process alive.
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms).unref()) : Promise.resolve();
}
