/**
 * The reference example, consumer side: another stack reads the producer's exports through a
 * StackReference and acts only when the task it names has succeeded.
 *
 *   pulumi config set producerStack <org>/redis-task-reference/dev
 *   pulumi up
 */
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const producer = new pulumi.StackReference(config.require("producerStack"));

const status = producer.getOutput("status");
const statusText = producer.getOutput("statusText");

/** True when the producer's task has succeeded (status 2). */
export const taskSucceeded = status.apply((value) => value === 2);
export const summary = pulumi.interpolate`task ${producer.getOutput("requestId")} in ${producer.getOutput("region")}: ${statusText}`;
