/**
 * Task types of DescribeTaskList. A request filters by `FLOW_*` names (`TaskTypes.N`), but the
 * answer's `TaskType` is a numeric code such as "037"; users read names everywhere, so codes are
 * translated here. The table is the one in the official SDK's `DescribeTaskListRequest` model docs.
 */

/** Every documented task type name and its code in answers. */
export const TASK_TYPE_CODES = {
  FLOW_CREATE: "001",
  FLOW_RESIZE: "002",
  FLOW_CLOSE: "003",
  FLOW_CLEAN: "004",
  FLOW_STARTUP: "005",
  FLOW_DELETE: "006",
  FLOW_SETPWD: "007",
  FLOW_EXPORTBACKUP: "009",
  FLOW_RESTOREBACKUP: "010",
  FLOW_BACKUPINSTANCE: "012",
  FLOW_MIGRATEINSTANCE: "013",
  FLOW_DELBACKUP: "014",
  FLOW_EXCHANGEINSTANCE: "016",
  FLOW_AUTOBACKUP: "017",
  FLOW_MIGRATECHECK: "022",
  FLOW_MIGRATETASK: "023",
  FLOW_CLEANDB: "025",
  FLOW_CLONEBACKUP: "026",
  FLOW_CHANGEVIP: "027",
  FLOW_EXPORSHR: "028",
  FLOW_ADDNODES: "029",
  FLOW_CHANGENET: "031",
  FLOW_MODIFYINSTACEREADONLY: "033",
  FLOW_MODIFYINSTANCEPARAMS: "034",
  FLOW_MODIFYINSTANCEPASSWORDFREE: "035",
  FLOW_SWITCHINSTANCEVIP: "036",
  FLOW_MODIFYINSTANCEACCOUNT: "037",
  FLOW_MODIFYINSTANCEBANDWIDTH: "038",
  FLOW_ENABLEINSTANCE_REPLICATE: "039",
  FLOW_DISABLEINSTANCE_REPLICATE: "040",
  FLOW_UpgradeArch: "041",
  FLOW_DowngradeArch: "042",
  FLOW_UpgradeVersion: "043",
  FLOW_MODIFYCONNECTIONCONFIG: "044",
  FLOW_CLEARNETWORK: "045",
  FLOW_REMOVE_BACKUP_FILE: "046",
  FLOW_UPGRADE_SUPPORT_MULTI_AZ: "047",
  FLOW_SHUTDOWN_MASTER: "048",
  FLOW_CHANGE_REPLICA_TO_MASTER: "049",
  FLOW_CODE_ADD_REPLICATION_INSTANCE: "050",
  FLOW_OPEN_WAN: "052",
  FLOW_CLOSE_WAN: "053",
  FLOW_UPDATE_WAN: "054",
  FLOW_CODE_DELETE_REPLICATION_INSTANCE: "055",
  FLOW_CODE_CHANGE_MASTER_INSTANCE: "056",
  FLOW_CODE_CHANGE_INSTANCE_ROLE: "057",
  FLOW_MIGRATE_NODE: "058",
  FLOW_SWITCH_NODE: "059",
  FLOW_UPGRADE_SMALL_VERSION: "060",
  FLOW_UPGRADE_PROXY_VERSION: "061",
  FLOW_MODIFY_INSTANCE_NETWORK: "062",
  FLOW_MIGRATE_PROXY_NODE: "063",
  FLOW_MIGRATION_INSTANCE_ZONE: "066",
  FLOW_UPGRADE_INSTANCE_CACHE_AND_PROXY: "067",
  FLOW_MODIFY_PROXY_NUM: "069",
  FLOW_MODIFYBACKUPMOD: "070",
} as const;

/** A documented task type name, e.g. `FLOW_RESIZE`. */
export type TaskTypeName = keyof typeof TASK_TYPE_CODES;

/** The documented names, in code order. */
export const TASK_TYPE_NAMES = Object.keys(TASK_TYPE_CODES) as TaskTypeName[];

const nameByCode = new Map<string, TaskTypeName>(TASK_TYPE_NAMES.map((name) => [TASK_TYPE_CODES[name], name]));

/** True for a documented name (exact spelling, as the API compares them). */
export function isTaskTypeName(value: unknown): value is TaskTypeName {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(TASK_TYPE_CODES, value);
}

/**
 * The name of an answer's `TaskType` code ("037" → `FLOW_MODIFYINSTANCEACCOUNT`); a name is
 * returned as it is, and an undocumented code as the code, since nothing better can be said.
 */
export function taskTypeName(code: string): string {
  if (isTaskTypeName(code)) return code;
  return nameByCode.get(code) ?? nameByCode.get(code.padStart(3, "0")) ?? code;
}

/** The code answers carry for a name (`FLOW_RESIZE` → "002"). */
export function taskTypeCode(name: TaskTypeName): string {
  return TASK_TYPE_CODES[name];
}
