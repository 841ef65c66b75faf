"""
A small client for one question, standard library only: which tasks of a Redis instance are
still initialising or running (API 3.0 DescribeTaskList, TC3-HMAC-SHA256 signed), and a wait
until none is. Used by :mod:`pulumi_tencentcloud_redis_task.hooks`; it mirrors the Node
package's instance wait (same busy codes, same listing, same backoff shape) without needing
Node in a Python program.
"""
import datetime
import hashlib
import hmac
import json
import os
import random
import re
import time
import urllib.error
import urllib.request
from typing import Callable, Dict, List, Mapping, Optional, Sequence

DEFAULT_ENDPOINT = "https://redis.tencentcloudapi.com"
VERSION = "2018-04-12"
PAGE_SIZE = 100

#: The codes with which Redis refuses a change while another task runs on the instance.
INSTANCE_BUSY_CODES = (
    "ResourceUnavailable.InstanceLockedError",
    "ResourceUnavailable.InstanceStatusAbnormal",
    "ResourceUnavailable.InstanceStatusError",
    "ResourceUnavailable.InstanceStateError",
    "ResourceInUse.InstanceBeenLocked",
)

# A dotted API code standing alone, as `Code=…`, `code:…` and "API error …" texts all show it.
_CODE_TOKEN = re.compile(r"(?<![A-Za-z0-9.])[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+(?![A-Za-z0-9])")
_INSTANCE_ID = re.compile(r"^crs-[a-z0-9]{8}$")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h)")
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}

#: `Result` codes: 0 initialising, 1 running, 2 succeeded, 4 failed.
_ACTIVE = (0, 1)
_FAILED = 4
_RESULT_TEXT = {0: "Initializing", 1: "Running", 2: "Succeeded", 4: "Failed"}
#: Answer type codes the progress lines name (the rest show as their code).
_TYPE_NAMES = {
    "001": "FLOW_CREATE", "002": "FLOW_RESIZE", "003": "FLOW_CLOSE", "004": "FLOW_CLEAN", "005": "FLOW_STARTUP",
    "006": "FLOW_DELETE", "007": "FLOW_SETPWD", "009": "FLOW_EXPORTBACKUP", "010": "FLOW_RESTOREBACKUP",
    "012": "FLOW_BACKUPINSTANCE", "017": "FLOW_AUTOBACKUP", "034": "FLOW_MODIFYINSTANCEPARAMS",
    "043": "FLOW_UpgradeVersion", "044": "FLOW_MODIFYCONNECTIONCONFIG",
}


class InputError(ValueError):
    """A hook option that cannot be used; the message names the option and the expected form."""


class InstanceBusyError(Exception):
    """A wait that did not end with the instance idle: timeout, a failed task, or an API error."""

    def __init__(self, message: str, instance_id: str, state: str, task_id: Optional[int] = None):
        super().__init__(message)
        self.instance_id = instance_id
        self.state = state
        self.task_id = task_id


def instance_busy_code(text: str) -> Optional[str]:
    """The first instance-busy code named in ``text``, or None."""
    for token in _CODE_TOKEN.findall(text or ""):
        if token in INSTANCE_BUSY_CODES:
            return token
    return None


def parse_duration(value, field: str) -> float:
    """Seconds from ``"90s"``, ``"45m"``, ``"1h30m"``, ``"500ms"`` or a number of seconds."""
    seconds = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d+(\.\d+)?", text):
            seconds = float(text)
        elif re.fullmatch(r"(\d+(?:\.\d+)?(?:ms|s|m|h))+", text):
            seconds = sum(float(n) * _UNIT_SECONDS[u] for n, u in _DURATION_PART.findall(text))
    if seconds is None or not seconds > 0:
        raise InputError(f'{field} must be a positive duration such as "90s", "45m", "1h30m" or a number of seconds; got {value!r}')
    return seconds


def parse_instance_id(value, field: str) -> str:
    if isinstance(value, str) and _INSTANCE_ID.match(value):
        return value
    raise InputError(f'{field} must be a Redis instance ID as the console shows it, "crs-" and 8 lower-case letters or digits such as "crs-5a4py64p"; got {value!r}')


def is_instance_id(value) -> bool:
    return isinstance(value, str) and bool(_INSTANCE_ID.match(value))


def describe_task(task: Mapping) -> str:
    """``FLOW_RESIZE 1234 (Running, 45%)``, as the Node package names a task."""
    kind = _TYPE_NAMES.get(str(task.get("TaskType")), str(task.get("TaskType") or "task"))
    progress = task.get("Progress") if isinstance(task.get("Progress"), (int, float)) else 0
    return f"{kind} {task.get('TaskId')} ({_RESULT_TEXT.get(task.get('Result'), task.get('Result'))}, {round(progress * 100)}%)"


class Settings:
    """Credentials, region and endpoint, resolved as TaskWait resolves them."""

    def __init__(self, secret_id: str, secret_key: str, region: str, endpoint: str, token: Optional[str] = None):
        self.secret_id = secret_id
        self.secret_key = secret_key
        self.region = region
        self.endpoint = endpoint.rstrip("/")
        self.token = token


_SOURCES = {
    "secret_id": ("tencentcloud:secretId", ("TENCENTCLOUD_SECRET_ID",)),
    "secret_key": ("tencentcloud:secretKey", ("TENCENTCLOUD_SECRET_KEY",)),
    "token": ("tencentcloud:securityToken", ("TENCENTCLOUD_SECURITY_TOKEN", "TENCENTCLOUD_SESSION_TOKEN")),
    "region": ("tencentcloud:region", ("TENCENTCLOUD_REGION",)),
    "endpoint": ("tencentcloud-redis-task:endpoint", ("TENCENTCLOUD_REDIS_ENDPOINT",)),
}


def resolve_settings(explicit: Mapping[str, Optional[str]], config: Callable[[str], Optional[str]], env: Mapping[str, str] = os.environ):
    """Settings from ``explicit``, then stack config, then the environment; a string naming what is missing instead."""
    values: Dict[str, Optional[str]] = {}
    for name, (key, variables) in _SOURCES.items():
        value = explicit.get(name) or config(key) or next((env[v] for v in variables if env.get(v)), None)
        values[name] = value
    missing = [name for name in ("secret_id", "secret_key", "region") if not values[name]]
    if missing:
        keys = ", ".join(_SOURCES[n][0] for n in missing)
        variables = ", ".join(_SOURCES[n][1][0] for n in missing)
        return f"Tencent Cloud settings are missing: set the stack config {keys} (pulumi config set [--secret] KEY VALUE) or the environment variables {variables}"
    return Settings(values["secret_id"], values["secret_key"], values["region"], values["endpoint"] or DEFAULT_ENDPOINT, values["token"])


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


def tc3_authorization(secret_id: str, secret_key: str, host: str, service: str, timestamp: int, body: bytes, content_type: str = "application/json") -> str:
    """The TC3-HMAC-SHA256 ``Authorization`` header of a POST to ``/``."""
    date = datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).strftime("%Y-%m-%d")
    canonical = f"POST\n/\n\ncontent-type:{content_type}\nhost:{host}\n\ncontent-type;host\n{hashlib.sha256(body).hexdigest()}"
    scope = f"{date}/{service}/tc3_request"
    to_sign = f"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n{hashlib.sha256(canonical.encode('utf-8')).hexdigest()}"
    key = _hmac(_hmac(_hmac(("TC3" + secret_key).encode("utf-8"), date), service), "tc3_request")
    signature = hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"TC3-HMAC-SHA256 Credential={secret_id}/{scope}, SignedHeaders=content-type;host, Signature={signature}"


class ApiError(Exception):
    """A DescribeTaskList call that failed; ``retryable`` when trying again later may succeed."""

    def __init__(self, message: str, retryable: bool):
        super().__init__(message)
        self.retryable = retryable


_FAIL_FAST = re.compile(r"^(AuthFailure|InvalidParameter|MissingParameter|UnauthorizedOperation|InvalidAction|NoSuchVersion|ResourceNotFound)")


def call_v3(settings: Settings, action: str, payload: Mapping, timeout: float = 10.0) -> Mapping:
    """One signed API 3.0 call of the Redis service; the answer's ``Response``."""
    url = settings.endpoint + "/"
    host = urllib.request.urlparse(url).netloc
    body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    timestamp = int(time.time())
    content_type = "application/json; charset=utf-8"
    headers = {
        "Content-Type": content_type,
        "Host": host,
        "X-TC-Action": action,
        "X-TC-Version": VERSION,
        "X-TC-Timestamp": str(timestamp),
        "X-TC-Region": settings.region,
        # The service is the first label of the public host, whatever host the request goes to.
        "Authorization": tc3_authorization(settings.secret_id, settings.secret_key, host, "redis", timestamp, body, content_type),
    }
    if settings.token:
        headers["X-TC-Token"] = settings.token
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            text = answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        raise ApiError(f"{action} failed: HTTP {error.code}", retryable=error.code >= 500 or error.code == 429)
    except (urllib.error.URLError, OSError) as error:
        raise ApiError(f"{action} failed: {error}", retryable=True)
    try:
        response = json.loads(text)["Response"]
    except (ValueError, KeyError, TypeError):
        raise ApiError(f"{action} failed: unexpected answer {text[:200]!r}", retryable=True)
    failure = response.get("Error")
    if failure:
        code = str(failure.get("Code"))
        raise ApiError(f"{action} failed: API error {code}: {failure.get('Message')} (RequestId {response.get('RequestId')})", retryable=not _FAIL_FAST.match(code))
    return response


def list_tasks(settings: Settings, instance_id: str, task_types: Optional[Sequence[str]] = None) -> List[Mapping]:
    """The instance's initialising, running and failed tasks (of ``task_types``), every page."""
    tasks: List[Mapping] = []
    offset = 0
    while True:
        payload = {"InstanceId": instance_id, "Limit": PAGE_SIZE, "Offset": offset, "Result": [0, 1, _FAILED]}
        if task_types:
            payload["TaskTypes"] = list(task_types)
        page = call_v3(settings, "DescribeTaskList", payload)
        rows = page.get("Tasks") or []
        tasks.extend(rows)
        offset += PAGE_SIZE
        if not rows or len(tasks) >= int(page.get("TotalCount") or 0):
            return tasks


def wait_for_idle(
    settings: Settings,
    instance_id: str,
    *,
    label: str,
    timeout: float,
    min_interval: float,
    max_interval: float,
    task_types: Optional[Sequence[str]] = None,
    fail_on: str = "none",
    list_fn: Callable[[Settings, str, Optional[Sequence[str]]], List[Mapping]] = list_tasks,
    sleep: Callable[[float], object] = time.sleep,
    now: Callable[[], float] = time.monotonic,
    write: Callable[[str], object] = print,
) -> Dict:
    """
    Lists the instance's tasks until none (of ``task_types``) is initialising or running. Returns
    ``{"state": "idle" | "timedOut" | "failed" | "error", "active", "failed_task", "calls", "waited"}``.
    """
    started = now()
    deadline = started + timeout
    failed_before = None
    calls = 0
    last_line = None
    active: List[Mapping] = []
    delay = min_interval
    while True:
        calls += 1
        try:
            tasks = list_fn(settings, instance_id, task_types)
        except ApiError as error:
            if not error.retryable:
                return {"state": "error", "error": str(error), "active": active, "calls": calls, "waited": now() - started}
            tasks = None
        if tasks is not None:
            active = [t for t in tasks if t.get("Result") in _ACTIVE]
            failed = [t for t in tasks if t.get("Result") == _FAILED]
            if failed_before is None:
                failed_before = {t.get("TaskId") for t in failed}
            news = [t for t in failed if t.get("TaskId") not in failed_before]
            line = f"[{label}] instance {instance_id}: " + (
                f"{len(active)} task(s) running: {', '.join(describe_task(t) for t in active)}" if active else "idle, no task running"
            )
            if line != last_line:
                write(f"{line}; {calls} poll{'s' if calls != 1 else ''}, {round(now() - started)}s")
                last_line = line
            if fail_on == "failedSinceStart" and news:
                return {"state": "failed", "failed_task": news[0], "active": active, "calls": calls, "waited": now() - started}
            if not active:
                return {"state": "idle", "active": [], "calls": calls, "waited": now() - started}
        left = deadline - now()
        if left <= 0:
            return {"state": "timedOut", "active": active, "calls": calls, "waited": now() - started}
        sleep(min(delay * random.uniform(0.5, 1.0) if delay > min_interval else delay, left))
        delay = min(max_interval, delay * 1.75)


def busy_message(hook: str, resource: str, instance_id: str, result: Mapping, timeout: float, after: bool = False) -> str:
    """Why a wait did not end idle, naming the hook, the resource, the instance and the task."""
    head = f"hook {hook} for {resource}: Redis instance {instance_id}"
    if result["state"] == "timedOut":
        running = f": {', '.join(describe_task(t) for t in result['active'])} still running" if result["active"] else ""
        return f"{head} was still busy after {round(result['waited'])}s (timeout {round(timeout)}s){running}. Raise the hook's timeout, or find out why the task takes so long"
    if result["state"] == "failed":
        return f'{head}: task {describe_task(result["failed_task"])} failed while the hook waited (failOn "failedSinceStart"); {"the change was made, but its task did not succeed" if after else "the change was not made"}'
    return f"{head}: its tasks could not be listed: {result.get('error')}"
