/** The signers against Tencent's published vectors (REFERENCE §1 and §2), byte for byte. */
import { canonicalV2Query, signV2, v2StringToSign, V2_PATH } from "../../provider/api/signV2";
import { signTc3, tc3Date } from "../../provider/api/signV3";

describe("API 2.0 signature (official vector)", () => {
  const docParams = {
    Action: "DescribeInstances",
    InstanceIds_0: "ins-09dx96dg",
    Nonce: "11886",
    Region: "ap-guangzhou",
    SecretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA",
    SignatureMethod: "HmacSHA256",
    Timestamp: "1465185768",
  };
  const docSecretKey = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA";
  const docStringToSign =
    "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Nonce=11886&Region=ap-guangzhou" +
    "&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&SignatureMethod=HmacSHA256&Timestamp=1465185768";

  it("builds the documented string to sign, turning `_` into `.` in names", () => {
    expect(V2_PATH).toBe("/v2/index.php");
    expect(v2StringToSign("GET", "cvm.api.qcloud.com", docParams)).toBe(docStringToSign);
  });

  it("leaves Signature out of the string to sign", () => {
    expect(v2StringToSign("GET", "cvm.api.qcloud.com", { ...docParams, Signature: "anything" })).toBe(docStringToSign);
  });

  it("signs it with HmacSHA256 to the documented value", () => {
    expect(signV2(docSecretKey, docStringToSign, "HmacSHA256")).toBe("0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s=");
  });

  it("signs the HmacSHA1 variant to the documented value", () => {
    const sha1String = v2StringToSign("GET", "cvm.api.qcloud.com", { ...docParams, SignatureMethod: "HmacSHA1" });
    expect(sha1String).toBe(docStringToSign.replace("SignatureMethod=HmacSHA256", "SignatureMethod=HmacSHA1"));
    expect(signV2(docSecretKey, sha1String, "HmacSHA1")).toBe("nPVnY6njQmwQ8ciqbPl5Qe+Oru4=");
  });

  it("uses the POST method word for POST", () => {
    expect(v2StringToSign("POST", "cvm.api.qcloud.com", docParams)).toBe("POST" + docStringToSign.slice(3));
  });

  it("keeps a non-default port in the host it signs", () => {
    expect(v2StringToSign("GET", "127.0.0.1:8443", { Action: "X" })).toBe("GET127.0.0.1:8443/v2/index.php?Action=X");
  });
});

describe("API 2.0 canonical query", () => {
  it("sorts names in byte order: upper case before lower case, so requestId after Timestamp", () => {
    const query = canonicalV2Query({ requestId: "11963", Timestamp: "1", Action: "DescribeTaskInfo", Nonce: "7", Region: "ap-guangzhou" });
    expect(query).toBe("Action=DescribeTaskInfo&Nonce=7&Region=ap-guangzhou&Timestamp=1&requestId=11963");
  });

  it("sorts by the name after `_` becomes `.` and joins values raw, not URL-encoded", () => {
    // `.` (0x2E) sorts before `0` (0x30), `_` (0x5F) would sort after `Z`.
    const query = canonicalV2Query({ A_Z: "1", A0: "2", Token: "a/b+c=d&e f" });
    expect(query).toBe("A.Z=1&A0=2&Token=a/b+c=d&e f");
  });
});

describe("API 3.0 TC3-HMAC-SHA256 (official vector)", () => {
  const body = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
  const signature = signTc3({
    secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA",
    secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
    service: "cvm",
    host: "cvm.tencentcloudapi.com",
    timestamp: 1551113065,
    contentType: "application/json; charset=utf-8",
    body,
  });

  it("dates the credential scope in UTC", () => {
    expect(tc3Date(1551113065)).toBe("2019-02-25");
    // 23:59:59 and 00:00:00 UTC fall on different dates whatever the local zone.
    expect(tc3Date(Date.UTC(2024, 0, 1, 23, 59, 59) / 1000)).toBe("2024-01-01");
    expect(tc3Date(Date.UTC(2024, 0, 2, 0, 0, 0) / 1000)).toBe("2024-01-02");
  });

  it("computes the documented payload hash", () => {
    expect(signature.payloadHash).toBe("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
  });

  it("computes the documented canonical request hash", () => {
    expect(signature.canonicalRequestHash).toBe("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
  });

  it("computes the documented signature", () => {
    expect(signature.signature).toBe("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
  });

  it("builds the documented Authorization header", () => {
    expect(signature.authorization).toBe(
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA/2019-02-25/cvm/tc3_request, " +
        "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
    );
  });
});
