/** Recognising the instance-busy codes in the texts that carry them. */
import { TaskApiError } from "../../provider/api/errors";
import { INSTANCE_BUSY_CODES, instanceBusyCode } from "../../provider/hooks/busyCodes";

describe("instanceBusyCode", () => {
  it("reads each busy code in the bridged provider's error text", () => {
    for (const code of INSTANCE_BUSY_CODES) {
      const text = `creating urn:pulumi:dev::p::tencentcloud:Redis/param:Param::params: 1 error occurred:\n\t* [TencentCloudSDKError] Code=${code}, Message=instance busy, RequestId=5f1c`;
      expect(instanceBusyCode(text)).toBe(code);
    }
  });

  it("reads the Python SDK's form and this package's own errors", () => {
    expect(instanceBusyCode("[TencentCloudSDKException] code:ResourceInUse.InstanceBeenLocked message:locked requestId:1")).toBe("ResourceInUse.InstanceBeenLocked");
    const own = new TaskApiError({ kind: "api", action: "ModifyInstanceParams", instanceId: "crs-abcd1234", code: "ResourceUnavailable.InstanceStateError", apiMessage: "busy", retryable: true });
    expect(instanceBusyCode(own.message)).toBe("ResourceUnavailable.InstanceStateError");
  });

  it("ignores other codes, longer codes that start like a busy one, and plain words", () => {
    expect(instanceBusyCode("[TencentCloudSDKError] Code=ResourceNotFound.InstanceNotExists, Message=no such instance")).toBeUndefined();
    expect(instanceBusyCode("Code=ResourceUnavailable.InstanceLockedErrorX, Message=…")).toBeUndefined();
    expect(instanceBusyCode("Code=X.ResourceUnavailable.InstanceLockedError")).toBeUndefined();
    expect(instanceBusyCode("the instance is locked (InstanceLockedError)")).toBeUndefined();
    expect(instanceBusyCode("")).toBeUndefined();
  });
});
