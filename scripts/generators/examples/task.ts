/**
 * task: Incident Network phases 5 and 6 and Agent Commerce Network phase 3. None of these is
 * signed (a task carries the vendor liaison's signed capability): there is nothing for a builder
 * to make.
 */
import type { FulfillmentPackage, ProcessTaskRequest, ProcessTaskResponse, TaskCreated } from '../../../src/generated/types.js';
import { toHex } from '../../../src/encoding/bytes.js';
import type { Capability } from './capability.js';
import type { Expectation } from './shared.js';
import { at, broken, invalid, missing, mut, valid, without } from './shared.js';
import { COORD_ID, entry, iso, PARTIES, T0, TASK_ID, VENDOR_ID } from './world.js';

export interface Tasks {
  readonly taskCreated: TaskCreated;
  readonly processRequest: ProcessTaskRequest;
  readonly fulfillment: FulfillmentPackage;
}

export function taskFamily({ vendorToken }: Pick<Capability, 'vendorToken'>): Tasks {
  const { coordinator, executor } = PARTIES;
  const taskCreated = valid<TaskCreated>('task/task-created', 'incident-network', {
    task_id: TASK_ID,
    incident_id: 'INC-2026-0428',
    target_service: 'inference-gateway',
    target_rule: 'geo-restrict-v42',
    bounded_action: 'disable_rule',
    provider_instructions: 'Disable the geo-restrict rule for the affected region.',
    vendor_liaison_capability: vendorToken,
    execution_deadline: T0 + 900,
  });
  valid<TaskCreated>('task/task-created', 'minimal', { task_id: 'task_INC-2026-0428_002', target_service: 'inference-gateway', bounded_action: 'purge_cache', vendor_liaison_capability: vendorToken, execution_deadline: T0 + 600 });
  invalid('task/task-created', 'without-capability', without(taskCreated, 'vendor_liaison_capability'), missing('', 'vendor_liaison_capability'));
  invalid('task/task-created', 'deadline-as-iso-string', { ...taskCreated, execution_deadline: iso(T0 + 900) }, at('/execution_deadline', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('task/task-created', 'deadline-after-capability-expires', { ...taskCreated, execution_deadline: T0 + 1800 }, broken('/execution_deadline', 'deadline-within-capability', 'ERR_RULE_EXCEEDS_LIMIT'));
  // incident-network's deadline is the capability's expiry itself (T0 + 900); one second later is not.
  invalid('task/task-created', 'deadline-one-second-after-capability-expires', { ...taskCreated, execution_deadline: vendorToken.expires_at + 1 }, broken('/execution_deadline', 'deadline-within-capability', 'ERR_RULE_EXCEEDS_LIMIT'));

  const processRequest = valid<ProcessTaskRequest>('task/process-task-request', 'incident-network', {
    task: {
      task_id: TASK_ID,
      target_service: 'inference-gateway',
      target_rule: 'geo-restrict-v42',
      bounded_action: 'disable_rule',
      provider_coordinator_capability: entry(COORD_ID, 2, VENDOR_ID),
    },
    provider_coordinator_seed_hex: toHex(coordinator.seed),
    provider_executor_public_key: executor.hex,
    control_url: 'http://127.0.0.1:48211',
    service_token: 'demo-token',
    provider_executor_url: 'http://127.0.0.1:48217',
    executor_ttl_seconds: 600,
  });
  valid('task/process-task-request', 'without-secrets', without(processRequest, 'provider_coordinator_seed_hex', 'service_token'));
  invalid('task/process-task-request', 'coordinator-capability-without-parent', mut(processRequest, (d) => delete d.task.provider_coordinator_capability.parent_capability_id), missing('/task/provider_coordinator_capability', 'parent_capability_id'));
  invalid('task/process-task-request', 'control-url-without-scheme', { ...processRequest, control_url: '127.0.0.1:48211' }, at('/control_url', 'format', 'ERR_SCHEMA_FORMAT'));
  invalid('task/process-task-request', 'zero-ttl', { ...processRequest, executor_ttl_seconds: 0 }, at('/executor_ttl_seconds', 'minimum', 'ERR_SCHEMA_RANGE'));

  const denial = valid<ProcessTaskResponse>('task/process-task-response', 'revoked-ancestor.incident-network', {
    execution: { verdict: 'deny', reason: 'ancestor capability revoked', revoked_capability_id: VENDOR_ID, denied_at_depth: 1 },
  });
  valid<ProcessTaskResponse>('task/process-task-response', 'executed.incident-network', { execution: { verdict: 'allow', receipt_id: 'rcpt-019d921b-executor-0001', completed_at: T0 + 42 } });
  invalid('task/process-task-response', 'deny-without-reason', mut(denial, (d) => delete d.execution.reason), missing('/execution', 'reason'));
  const dependency: Expectation = { instancePath: '/execution', keyword: 'dependentRequired', path: '/execution/denied_at_depth', code: 'ERR_SCHEMA_DEPENDENCY' };
  invalid('task/process-task-response', 'revoked-without-depth', mut(denial, (d) => delete d.execution.denied_at_depth), dependency);
  invalid('task/process-task-response', 'allow-naming-revoked-ancestor', { execution: { verdict: 'allow', revoked_capability_id: VENDOR_ID, denied_at_depth: 1 } }, at('/execution/revoked_capability_id', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));

  const fulfillment = valid<FulfillmentPackage>('task/fulfillment-package', 'commerce-network', {
    fulfillment_id: 'fulfillment_vanguard_001',
    job_id: 'job_lattice_001',
    service_family: 'security-review',
    deliverables: ['executive-summary.md', 'findings.json', 'remediation-checklist.md'],
    status: 'completed_with_findings',
    severity_summary: { critical: 0, high: 2, medium: 5, low: 7 },
  });
  valid<FulfillmentPackage>('task/fulfillment-package', 'clean-review', { ...without(fulfillment, 'severity_summary'), fulfillment_id: 'fulfillment_vanguard_002', job_id: 'job_lattice_002', status: 'completed' });
  invalid('task/fulfillment-package', 'findings-without-summary', without(fulfillment, 'severity_summary'), missing('', 'severity_summary'));
  invalid('task/fulfillment-package', 'no-deliverables', { ...fulfillment, deliverables: [] }, at('/deliverables', 'minItems', 'ERR_SCHEMA_ITEMS'));
  invalid('task/fulfillment-package', 'negative-finding-count', mut(fulfillment, (d) => (d.severity_summary.low = -1)), at('/severity_summary/low', 'minimum', 'ERR_SCHEMA_RANGE'));
  return { taskCreated, processRequest, fulfillment };
}
