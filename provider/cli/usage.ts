/** A usage error: the CLI prints it with the command's help hint and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The flags every API command takes. */
export const API_FLAGS_HELP = `  --region R        Tencent Cloud region (default: TENCENTCLOUD_REGION)
  --endpoint URL    base URL instead of the public API (default: TENCENTCLOUD_REDIS_ENDPOINT)
  --api v2|v3       API 2.0 (default) or API 3.0
  --json            print the task record as JSON
  -h, --help        show this help

Credentials come from TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and, for temporary
credentials, TENCENTCLOUD_SECURITY_TOKEN (or TENCENTCLOUD_SESSION_TOKEN).`;
