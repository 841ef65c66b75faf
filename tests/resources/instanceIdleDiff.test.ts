/**
 * InstanceIdle's diff on plain values: a gate recorded idle whose program did not change shows no
 * change, whichever door recorded it (the plugin records failOn with its default filled in).
 */
import { instanceIdleCore } from "../../provider/resources/instanceIdle/core";

const inputs = { instanceId: "crs-yamlidl1", timeout: "5m", minPollInterval: "200ms", maxPollInterval: "1s" };
const recorded = { ...inputs, apiVersion: "v3", region: "ap-guangzhou", failOn: "none", idle: true, polls: 2, tasks: [], waitedSeconds: 0 };

describe("InstanceIdle diff", () => {
  test("a recorded idle gate whose program omits failOn (default none) has no changes", async () => {
    expect(await instanceIdleCore.diff("crs-yamlidl1", recorded, inputs)).toMatchObject({ changes: false, replaces: [] });
  });

  test("failOn set to failedSinceStart is a change (an in-place update), as is a gate recorded not ready", async () => {
    expect(await instanceIdleCore.diff("crs-yamlidl1", recorded, { ...inputs, failOn: "failedSinceStart" })).toMatchObject({ changes: true, replaces: [] });
    expect(await instanceIdleCore.diff("crs-yamlidl1", { ...recorded, idle: false }, inputs)).toMatchObject({ changes: true, replaces: [] });
  });
});
