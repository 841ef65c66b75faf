/** The resource cores behind the dynamic door, as the serialized stubs (`providerStub.ts`) call them by package name. */
import { instanceIdleCore } from "../../resources/instanceIdle/core";
import { taskWaitCore } from "../../resources/taskWait/core";
import { dynamicDoor } from "./dynamicDoor";

/** TaskWait's provider; its `configure` is also called directly by stubs that earlier versions wrote into state. */
export const taskWaitProvider = dynamicDoor(taskWaitCore);

/** InstanceIdle's provider. */
export const instanceIdleProvider = dynamicDoor(instanceIdleCore);
