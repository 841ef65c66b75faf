/** Which instance a hook gates: options, then new inputs, old inputs, then a crs- ID. */
import { InputError } from "../../provider/api/errors";
import { hookInstance } from "../../provider/hooks/hookTarget";

describe("hookInstance", () => {
  const inputs = { newInputs: { instanceId: "crs-newnew01" }, oldInputs: { instanceId: "crs-oldold01" }, id: "crs-idid0001" };

  it("takes options.instanceId over everything the resource says", () => {
    expect(hookInstance(inputs, "crs-option01")).toEqual({ instanceId: "crs-option01", from: "options.instanceId" });
  });

  it("takes the new instanceId input, then the old one, then a crs- ID", () => {
    expect(hookInstance(inputs)).toEqual({ instanceId: "crs-newnew01", from: "newInputs.instanceId" });
    expect(hookInstance({ ...inputs, newInputs: {} })).toEqual({ instanceId: "crs-oldold01", from: "oldInputs.instanceId" });
    expect(hookInstance({ id: "crs-idid0001", newInputs: { name: "x" } })).toEqual({ instanceId: "crs-idid0001", from: "id" });
  });

  it("finds none for a resource that is not an instance and names no instance", () => {
    expect(hookInstance({ id: "params-1234", newInputs: { name: "x" } })).toBeUndefined();
    expect(hookInstance({ id: "" })).toBeUndefined();
  });

  it("refuses an instanceId input that is not an instance ID, naming the input", () => {
    expect(() => hookInstance({ newInputs: { instanceId: "cache" } })).toThrow(InputError);
    expect(() => hookInstance({ newInputs: { instanceId: "cache" } })).toThrow(/newInputs\.instanceId must be a Redis instance ID.*"cache"/);
  });
});
