"""
Resource hooks that gate the tencentcloud provider's Redis resources on the instance's tasks,
as the Node package's ``instanceIdleHook`` and ``retryOnInstanceBusy`` do:

- :func:`instance_idle_hook`: a ``pulumi.ResourceHook`` for ``before_create`` / ``before_update`` /
  ``before_delete`` that waits until the Redis instance has no running task, and raises (failing
  the step, naming the instance and the task) on timeout or, with ``fail_on="failedSinceStart"``,
  on a task that fails meanwhile. With ``after=True``, for ``after_create`` / ``after_update``: a
  failing after-hook fails the ``up`` (Pulumi CLI 3.274), but the resource stays created in state and
  the next ``up`` does not wait again; a gate that resumes is a TaskWait or InstanceIdle resource.
- :func:`retry_on_instance_busy`: a ``pulumi.ErrorHook`` that retries a step refused with an
  instance-busy code (``ResourceUnavailable.InstanceLockedError`` …) once the instance is idle.

The instance is ``instance_id``, else the resource's ``instanceId`` input, else its ID when that
is an instance ID (``crs-…``). Settings come from the arguments, then stack config
``tencentcloud:*``, then the environment, read when the hook is made. The hooks run in the
program's process and call DescribeTaskList (API 3.0) themselves, with the standard library.
"""
import asyncio
import sys
from typing import Any, Mapping, Optional, Sequence

import pulumi

from ._instance_tasks import (
    INSTANCE_BUSY_CODES,
    InputError,
    InstanceBusyError,
    busy_message,
    instance_busy_code,
    is_instance_id,
    parse_duration,
    parse_instance_id,
    resolve_settings,
    wait_for_idle,
)

__all__ = ["instance_idle_hook", "retry_on_instance_busy", "INSTANCE_BUSY_CODES", "InstanceBusyError", "InputError", "instance_busy_code"]

_FAIL_ON = ("none", "failedSinceStart")


def _config(key: str) -> Optional[str]:
    value = pulumi.runtime.get_config(key)
    return value if isinstance(value, str) and value else None


def _write(line: str) -> None:
    # Where a TaskWait's progress lines go: stderr, which the CLI shows.
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


class _Hook:
    """Options checked and settings read when a hook is made."""

    def __init__(self, name, instance_id, task_types, fail_on, timeout, min_poll_interval, max_poll_interval, region, endpoint, api_version, after, max_retries):
        if not isinstance(name, str) or not name:
            raise InputError(f"a hook's name must be a non-empty string; got {name!r}")
        if api_version not in (None, "v3"):
            raise InputError(f'api_version must be "v3": listing an instance\'s tasks needs API 3.0 DescribeTaskList; got {api_version!r}')
        self.name = name
        self.instance_id = None if instance_id is None else parse_instance_id(instance_id, "instance_id")
        if task_types is not None and (isinstance(task_types, str) or not all(isinstance(t, str) and t.startswith("FLOW_") for t in task_types)):
            raise InputError(f'task_types must be a list of task type names such as ["FLOW_RESIZE"]; got {task_types!r}')
        self.task_types = list(task_types) if task_types else None
        if fail_on is not None and fail_on not in _FAIL_ON:
            raise InputError(f'fail_on must be "none" or "failedSinceStart"; got {fail_on!r}')
        self.after = after
        self.fail_on = fail_on or ("failedSinceStart" if after else "none")
        self.timeout = parse_duration(timeout, "timeout")
        self.min_interval = parse_duration(min_poll_interval, "min_poll_interval")
        self.max_interval = max(parse_duration(max_poll_interval, "max_poll_interval"), self.min_interval)
        if not isinstance(max_retries, int) or isinstance(max_retries, bool) or max_retries < 0:
            raise InputError(f"max_retries must be a whole number of retries, 0 or more; got {max_retries!r}")
        self.max_retries = max_retries
        self.settings = resolve_settings({"region": region, "endpoint": endpoint}, _config)

    def instance_of(self, args) -> Optional[str]:
        if self.instance_id:
            return self.instance_id
        for field in ("new_inputs", "old_inputs"):
            value = (getattr(args, field, None) or {}).get("instanceId")
            if value:
                return parse_instance_id(value, f"{field}.instanceId")
        return args.id if is_instance_id(getattr(args, "id", None)) else None

    async def wait(self, resource: str, instance_id: str) -> Mapping[str, Any]:
        if isinstance(self.settings, str):
            raise InputError(self.settings)
        # The listing blocks on HTTP; a worker thread keeps the program's event loop free.
        return await asyncio.to_thread(
            wait_for_idle,
            self.settings,
            instance_id,
            label=f"{self.name} {resource}",
            timeout=self.timeout,
            min_interval=self.min_interval,
            max_interval=self.max_interval,
            task_types=self.task_types,
            fail_on=self.fail_on,
            write=_write,
        )


def instance_idle_hook(
    name: str,
    *,
    instance_id: Optional[str] = None,
    task_types: Optional[Sequence[str]] = None,
    fail_on: Optional[str] = None,
    timeout="30m",
    min_poll_interval="2s",
    max_poll_interval="30s",
    region: Optional[str] = None,
    endpoint: Optional[str] = None,
    api_version: Optional[str] = None,
    after: bool = False,
) -> pulumi.ResourceHook:
    """A ResourceHook that waits until the Redis instance has no running task; see the module docs."""
    hook = _Hook(name, instance_id, task_types, fail_on, timeout, min_poll_interval, max_poll_interval, region, endpoint, api_version, after, 0)

    async def wait_until_instance_idle(args: pulumi.ResourceHookArgs) -> None:
        instance = hook.instance_of(args)
        if instance is None:
            _write(f"[{hook.name} {args.name}] no instance to wait for: no instance_id, no instanceId input, and the ID {args.id!r} is not an instance ID")
            return
        result = await hook.wait(args.name, instance)
        if result["state"] != "idle":
            task = result.get("failed_task") or (result["active"][0] if result["active"] else {})
            raise InstanceBusyError(busy_message(hook.name, args.name, instance, result, hook.timeout, hook.after), instance, result["state"], task.get("TaskId"))

    return pulumi.ResourceHook(name, wait_until_instance_idle)


def retry_on_instance_busy(
    name: str,
    *,
    instance_id: Optional[str] = None,
    task_types: Optional[Sequence[str]] = None,
    fail_on: Optional[str] = None,
    timeout="30m",
    min_poll_interval="2s",
    max_poll_interval="30s",
    region: Optional[str] = None,
    endpoint: Optional[str] = None,
    api_version: Optional[str] = None,
    max_retries: int = 5,
) -> pulumi.ErrorHook:
    """An ErrorHook that retries a step refused because its Redis instance was busy; see the module docs."""
    hook = _Hook(name, instance_id, task_types, fail_on, timeout, min_poll_interval, max_poll_interval, region, endpoint, api_version, False, max_retries)

    async def retry_when_instance_idle(args: pulumi.ErrorHookArgs) -> bool:
        def say(what: str) -> None:
            _write(f"[{hook.name} {args.name}] {args.failed_operation}: {what}")

        errors = list(args.errors or [])
        code = instance_busy_code(errors[0] if errors else "")
        if code is None:
            return False
        retries = max(0, len(errors) - 1)
        if retries >= hook.max_retries:
            say(f"{code} again after {retries} retries (max_retries {hook.max_retries}); not retrying")
            return False
        try:
            instance = hook.instance_of(args)
            if instance is None:
                say(f"{code}, but no instance to wait for (set instance_id); not retrying")
                return False
            result = await hook.wait(args.name, instance)
        except Exception as error:  # the original error is the one to report
            say(f"not retrying: {error}")
            return False
        if result["state"] != "idle":
            say(f"not retrying: {busy_message(hook.name, args.name, instance, result, hook.timeout)}")
            return False
        say(f"{code}; Redis instance {instance} is idle now, retry {retries + 1} of {hook.max_retries}")
        return True

    return pulumi.ErrorHook(name, retry_when_instance_idle)
