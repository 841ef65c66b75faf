/** The part of `qcloudapi-sdk` (which ships no types) that the API 2.0 client test uses. */
declare module "qcloudapi-sdk" {
  interface QcloudApiOptions {
    SecretId: string;
    SecretKey: string;
    Region?: string;
    serviceType?: string;
    /** Replaces `<serviceType>.api.qcloud.com`, e.g. `127.0.0.1:43121`. */
    host?: string;
    protocol?: string;
    method?: "GET" | "POST";
    signatureMethod?: "sha1" | "sha256";
  }
  class QcloudApi {
    constructor(defaults: QcloudApiOptions);
    request(data: Record<string, unknown>, callback: (error: Error | null, body: any) => void): void;
  }
  export = QcloudApi;
}
