/**
 * The "instance busy" error codes of the mutating Redis APIs (REFERENCE §2b) and how to find one
 * in an error's text: the bridged tencentcloud provider writes `[TencentCloudSDKError]
 * Code=ResourceUnavailable.InstanceLockedError, Message=…`, the Python SDK `code:…`, and this
 * package's own errors `API error ResourceUnavailable.InstanceLockedError: …`. All of them show
 * the code as one dotted token, so one token scan reads them all.
 */

/** The codes with which Redis refuses a change while another task runs on the instance. */
export const INSTANCE_BUSY_CODES = [
  "ResourceUnavailable.InstanceLockedError",
  "ResourceUnavailable.InstanceStatusAbnormal",
  "ResourceUnavailable.InstanceStatusError",
  "ResourceUnavailable.InstanceStateError",
  "ResourceInUse.InstanceBeenLocked",
] as const;

/** One of {@link INSTANCE_BUSY_CODES}. */
export type InstanceBusyCode = (typeof INSTANCE_BUSY_CODES)[number];

// A dotted API code standing alone: a longer code that merely starts with a busy one
// (`…InstanceLockedErrorX`) is another code, so the token ends where letters and digits end.
const CODE_TOKEN = /(?<![A-Za-z0-9.])[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+(?![A-Za-z0-9])/g;

/** The first busy code named in `text`, or undefined when it names none. */
export function instanceBusyCode(text: string): InstanceBusyCode | undefined {
  for (const [token] of text.matchAll(CODE_TOKEN)) {
    if ((INSTANCE_BUSY_CODES as readonly string[]).includes(token)) return token as InstanceBusyCode;
  }
  return undefined;
}
