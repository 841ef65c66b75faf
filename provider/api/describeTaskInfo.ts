/** One DescribeTaskInfo call over either API version, with transport failures made typed errors. */
import { randomInt } from "crypto";
import { endpointOf, sendRequest, type CallOptions } from "./call";
import { buildV2Request, parseV2Response } from "./protocolV2";
import { buildV3Request, parseV3Response } from "./protocolV3";
import type { ClientSettings, TaskRecord } from "./types";

export { endpointOf, type CallOptions } from "./call";

/**
 * Queries one task with DescribeTaskInfo and returns its normalized record. Throws a
 * {@link TaskApiError} for API errors, transport failures and malformed answers; its
 * `retryable` flag says whether trying again may help.
 */
export async function describeTaskInfo(requestId: number, settings: ClientSettings, options: CallOptions = {}): Promise<TaskRecord> {
  const now = (options.now ?? Date.now)();
  const request =
    settings.apiVersion === "v3"
      ? buildV3Request(requestId, settings, now)
      : buildV2Request(requestId, settings, now, (options.nonce ?? (() => randomInt(1, 2 ** 31 - 1)))());
  const response = await sendRequest(request, { requestId }, settings, options);
  const endpoint = endpointOf(settings);
  return settings.apiVersion === "v3" ? parseV3Response(requestId, response, endpoint) : parseV2Response(requestId, response, endpoint);
}
