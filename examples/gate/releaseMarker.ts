/**
 * The resource this example gates: a stand-in for whatever must wait for the Redis task (an app
 * rollout, a DNS switch). A dynamic resource, so the example runs without cloud credentials.
 */
import * as pulumi from "@pulumi/pulumi";

const markerProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `release-${inputs.version}`, outs: { ...inputs, releasedAt: new Date().toISOString() } };
  },
};

/** Marks a release as done; created only after everything it depends on. */
export class ReleaseMarker extends pulumi.dynamic.Resource {
  declare readonly releasedAt: pulumi.Output<string>;

  constructor(name: string, args: { version: pulumi.Input<string>; afterTask: pulumi.Input<number> }, opts?: pulumi.CustomResourceOptions) {
    super(markerProvider, name, { ...args, releasedAt: undefined }, opts, "redis-task-example", "ReleaseMarker");
  }
}
