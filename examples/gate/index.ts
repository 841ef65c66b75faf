/**
 * The gate example: a Redis task (here, a resize whose task ID comes from config) must succeed
 * before the release goes out. `pulumi up` blocks on the TaskWait; a failed task stops it.
 *
 *   pulumi config set requestId 11963
 *   pulumi up
 */
import * as pulumi from "@pulumi/pulumi";
import { TaskWait } from "pulumi-tencentcloud-redis-task";
import { ReleaseMarker } from "./releaseMarker";

const config = new pulumi.Config();

const gate = new TaskWait("resize-gate", {
  requestId: config.require("requestId"),
  apiVersion: config.get("apiVersion") === "v3" ? "v3" : "v2",
  timeout: config.get("timeout") ?? "10m",
});

const release = new ReleaseMarker("release", { version: config.get("version") ?? "1.0.0", afterTask: gate.requestId }, { dependsOn: [gate] });

export const taskStatus = gate.statusText;
export const taskPolls = gate.polls;
export const taskWaitedSeconds = gate.waitedSeconds;
export const taskCompletedAt = gate.completedAt;
export const releasedAt = release.releasedAt;
