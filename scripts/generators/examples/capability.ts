/**
 * capability: Incident Network's chain (root -> vendor liaison -> provider coordinator ->
 * provider executor), issued and delegated through {@link issueCapability} and
 * {@link delegateCapability} (without delegation links, as Incident Network writes its tokens);
 * Agent Commerce Network's procurement capability; a revocation through {@link revokeCapability};
 * the revoke response and lineage chains (not signed).
 */
import type { CapabilityScope, CapabilityToken, Constraint, LineageChain, LineageEntry, RevokeResponse, ToolGrant } from '../../../src/generated/types.js';
import { signCompact } from '../../../src/crypto/envelopes.js';
import { delegateCapability, issueCapability, revokeCapability, type DelegationInput } from '../../../src/issue/capability.js';
import type { IssueResult } from '../../../src/issue/issue.js';
import { resign } from '../../lib/parties.js';
import { at, broken, clone, extra, invalid, made, missing, mut, nonEmpty, signAs, valid, without, type Expectation } from './shared.js';
import { COORD_ID, entry, EXEC_ID, iso, KEYS, PARTIES, PROCUREMENT_ID, ROOT_ID, T0, usd, VENDOR_ID, type Party } from './world.js';

export interface Capability {
  readonly rootToken: CapabilityToken;
  readonly vendorToken: CapabilityToken;
  readonly coordinatorToken: CapabilityToken;
  readonly executorToken: CapabilityToken;
  readonly procurementToken: CapabilityToken;
  readonly lineage: LineageChain;
}

/** A lineage chain's entry for a token. */
export const lineageEntry = (t: CapabilityToken): LineageEntry => entry(t.id, t.delegation_depth ?? 0, t.parent_capability_id ?? null);

const createTask = (maxInvocations: number, total: number, perCall: number): ToolGrant => ({
  server_id: 'acp-broker',
  tool_name: 'create_task',
  operations: ['invoke', 'delegate'],
  max_invocations: maxInvocations,
  max_total_cost: usd(total),
  max_cost_per_invocation: usd(perCall),
});
// Incident Network delegates the coordinator's provider-ops/disable_edge_rule grant from the vendor
// capability, whose printed excerpt shows only acp-broker/create_task. Under writ's attenuation
// (SPEC.md 12.2) every child grant must sit within a delegable parent grant, so the root and the
// vendor capabilities carry this grant after the printed one (SPEC.md 8).
// Incident Network's approval-required scenario: a broader rollback needs a signed approval before
// dispatch. Calls on the provider-ops grant above $3.00 need one, on every hop.
const APPROVAL_ABOVE_300 = { type: 'require_approval_above', value: { threshold_units: 300 } } as const;
const providerOps = (maxInvocations: number, total: number): ToolGrant => ({
  server_id: 'provider-ops',
  tool_name: 'disable_edge_rule',
  operations: ['invoke', 'delegate'],
  constraints: [APPROVAL_ABOVE_300],
  max_invocations: maxInvocations,
  max_total_cost: usd(total),
  max_cost_per_invocation: usd(500),
});
/**
 * Incident Network's custom constraint on the rule the grant may disable. Its value is an array
 * ([name, rule]), which the schema allows (a constraint's value is any JSON); the generated type
 * has it as an object, hence the cast.
 */
const targetRule = (rule: string): Constraint => ({ type: 'custom', value: ['target_rule', rule] as unknown as NonNullable<Constraint['value']> });
const disableRule = (maxInvocations: number): ToolGrant => ({
  server_id: 'provider-ops',
  tool_name: 'disable_edge_rule',
  operations: ['invoke', 'delegate'],
  constraints: [targetRule('geo-restrict-v42'), APPROVAL_ABOVE_300],
  max_invocations: maxInvocations,
  max_total_cost: usd(500),
  max_cost_per_invocation: usd(500),
});
/** The executor's one grant: the rule, invoked once, not delegated further. */
const executorGrant = (): ToolGrant => ({ ...disableRule(1), operations: ['invoke'] });

/** A compact signature by hand: a delegation link (no builder signs a link alone), or what an invalid fixture needs. */
const compact = <T extends Record<string, unknown>>(doc: T, signer: Party): T & { signature: string } => signCompact(doc, signer.seed);

export function capabilityFamily(): Capability {
  const { trust000, commander, liaison, coordinator, executor } = PARTIES;
  const token = (name: string, result: IssueResult<CapabilityToken>): CapabilityToken => valid('capability/token', name, made(result, `token.${name}`));

  // The seed prints the root's issuer and subject as the same key: the commander holds the root
  // authority over its own incident tools.
  const rootToken = token(
    'root-commander.incident-network',
    issueCapability({ id: ROOT_ID, subject: commander.hex, scope: { grants: [createTask(100, 1000, 500), providerOps(10, 1000)] }, issued_at: T0, ttl_secs: 1800 }, KEYS.commander),
  );
  const vendorScope: CapabilityScope = { grants: [createTask(10, 500, 500), providerOps(5, 500)] };
  const vendorInput = { id: VENDOR_ID, subject: liaison.hex, scope: vendorScope, issued_at: T0, ttl_secs: 900, link: false } satisfies DelegationInput;
  const vendorToken = token('vendor-liaison.incident-network', delegateCapability(rootToken, vendorInput, KEYS.commander));
  const coordinatorInput = { id: COORD_ID, subject: coordinator.hex, scope: { grants: [disableRule(2)] }, issued_at: T0 + 5, ttl_secs: 600, link: false } satisfies DelegationInput;
  const coordinatorToken = token('provider-coordinator.incident-network', delegateCapability(vendorToken, coordinatorInput, KEYS.liaison, { ancestors: [rootToken] }));
  const executorInput = { id: EXEC_ID, subject: executor.hex, scope: { grants: [executorGrant()] }, issued_at: T0 + 10, ttl_secs: 300, link: false } satisfies DelegationInput;
  const executorToken = token('provider-executor.incident-network', delegateCapability(coordinatorToken, executorInput, KEYS.coordinator, { ancestors: [rootToken, vendorToken] }));
  // Incident Network's attenuation-deny scenario: the executor's capability asks for any rule, not the
  // one rule its chain allows. The token is well formed; its chain is not. Every builder checks the
  // chain (delegateCapability refuses it as wider than its parent, signDocument as naming a parent
  // not given): signed by hand, as a delegator that does not narrow would sign it.
  valid(
    'capability/token',
    'provider-executor-broader-rule.incident-network',
    compact({ ...without(executorToken, 'signature'), scope: { grants: [{ ...executorGrant(), constraints: [targetRule('*'), APPROVAL_ABOVE_300] }] } }, coordinator),
  );
  // Agent Commerce Network's root names no parent (no parent_capability_id member, which
  // issueCapability writes as null): signDocument signs it as it is written.
  const procurementToken = token(
    'procurement.commerce-network',
    signAs<CapabilityToken>(
      {
        id: PROCUREMENT_ID,
        issuer: trust000.hex,
        subject: '00'.repeat(32),
        scope: {
          grants: [
            { server_id: 'http-sidecar-client', tool_name: 'procurement_quote_read', operations: ['invoke'] },
            {
              server_id: 'http-sidecar-client',
              tool_name: 'procurement_job_write',
              operations: ['invoke'],
              constraints: [{ type: 'require_approval_above', value: { threshold_units: 100000 } }],
              max_invocations: 3,
              max_cost_per_invocation: usd(150000),
              max_total_cost: usd(150000),
            },
          ],
        },
        issued_at: T0 - 60,
        expires_at: T0 + 3540,
        ttl_secs: 3600,
        delegation_depth: 0,
      },
      KEYS.trust000,
      { type: 'capability/token', now: T0 - 60 },
    ),
  );
  invalid('capability/token', 'negative-cap', mut(vendorToken, (d) => (d.scope.grants[0].max_total_cost.units = -500)), at('/scope/grants/0/max_total_cost/units', 'minimum', 'ERR_SCHEMA_RANGE'));
  invalid('capability/token', 'child-without-parent-id', without(vendorToken, 'parent_capability_id'), missing('', 'parent_capability_id'));
  invalid(
    'capability/token',
    'camel-case-cap',
    mut(vendorToken, (d) => {
      d.scope.grants[0].maxInvocations = d.scope.grants[0].max_invocations;
      delete d.scope.grants[0].max_invocations;
    }),
    extra('/scope/grants/0', 'maxInvocations'),
  );
  invalid('capability/token', 'unknown-operation', mut(vendorToken, (d) => (d.scope.grants[0].operations = ['invoke', 'execute'])), at('/scope/grants/0/operations/1', 'enum', 'ERR_SCHEMA_ENUM'));
  invalid('capability/token', 'constraint-without-value', mut(coordinatorToken, (d) => (d.scope.grants[0].constraints = [{ type: 'path_prefix' }])), missing('/scope/grants/0/constraints/0', 'value'));
  invalid('capability/token', 'ttl-does-not-match', mut(vendorToken, (d) => (d.ttl_secs = 1800)), broken('/ttl_secs', 'ttl-matches', 'ERR_RULE_TTL_MISMATCH'));
  invalid('capability/token', 'expires-before-issued', mut(vendorToken, (d) => ((d.expires_at = T0 - 1), delete d.ttl_secs)), broken('/expires_at', 'valid-period', 'ERR_RULE_TIME_ORDER'));
  invalid('capability/token', 'per-call-above-total', mut(vendorToken, (d) => (d.scope.grants[0].max_cost_per_invocation.units = 600)), broken('/scope/grants/0/max_cost_per_invocation/units', 'grant-caps-agree', 'ERR_RULE_EXCEEDS_LIMIT'));
  invalid('capability/token', 'ttl-one-second-long', mut(coordinatorToken, (d) => (d.ttl_secs = 601)), broken('/ttl_secs', 'ttl-matches', 'ERR_RULE_TTL_MISMATCH'));
  // valid-period: expires_at must be after issued_at, so one second after is the shortest life.
  token('expires-one-second-after-issued', delegateCapability(coordinatorToken, { ...executorInput, id: `${EXEC_ID}-one-second`, ttl_secs: 1 }, KEYS.coordinator, { ancestors: [rootToken, vendorToken] }));
  invalid('capability/token', 'expires-when-issued', resign(mut(executorToken, (d) => ((d.expires_at = d.issued_at), delete d.ttl_secs)), coordinator), broken('/expires_at', 'valid-period', 'ERR_RULE_TIME_ORDER'));
  const { ttl_secs: _ttl, ...vendorWithoutTtl } = vendorInput;
  token('without-ttl-secs', delegateCapability(rootToken, { ...vendorWithoutTtl, expires_at: vendorToken.expires_at }, KEYS.commander));
  invalid('capability/token', 'ttl-one-second-short', resign(mut(coordinatorToken, (d) => (d.ttl_secs = 599)), liaison), broken('/ttl_secs', 'ttl-matches', 'ERR_RULE_TTL_MISMATCH'));
  // grant-caps-agree compares the caps only when a grant has both (vendor-liaison's are equal, 500 and 500).
  // Each is a root of its own, issued by the commander: a delegation from the commander's root
  // could not drop a cap the root sets (delegateCapability refuses it, ERR_CAP_LIMIT_DROPPED), so
  // a producer would not write one. (They were once vendor tokens with a cap removed, re-signed.)
  const rootWithout = (id: string, cap: 'max_cost_per_invocation' | 'max_total_cost') => {
    const scope = mut(vendorToken.scope, (d) => delete d.grants[0][cap]);
    return issueCapability({ id, subject: vendorToken.subject, scope, issued_at: vendorToken.issued_at, ttl_secs: vendorToken.ttl_secs as number }, KEYS.commander, { now: vendorToken.issued_at });
  };
  token('total-cap-without-per-call-cap', rootWithout(`${vendorToken.id}-total-cap-only`, 'max_cost_per_invocation'));
  token('per-call-cap-without-total-cap', rootWithout(`${vendorToken.id}-per-call-cap-only`, 'max_total_cost'));
  invalid('capability/token', 'per-call-one-cent-above-total', resign(mut(vendorToken, (d) => (d.scope.grants[0].max_cost_per_invocation.units = 501)), commander), broken('/scope/grants/0/max_cost_per_invocation/units', 'grant-caps-agree', 'ERR_RULE_EXCEEDS_LIMIT'));
  invalid('capability/token', 'caps-in-two-currencies', resign(mut(vendorToken, (d) => (d.scope.grants[0].max_cost_per_invocation.currency = 'EUR')), commander), broken('/scope/grants/0/max_cost_per_invocation/currency', 'grant-caps-agree', 'ERR_RULE_CURRENCY_MISMATCH'));
  {
    // Links that do not connect: the second is made by the commander, not by the first link's delegatee.
    const link = (signer: Party, capabilityId: string, delegatee: string, timestamp: number) => compact({ capability_id: capabilityId, delegator: signer.hex, delegatee, timestamp, signature: '0'.repeat(128) }, signer);
    const links = [link(commander, ROOT_ID, liaison.hex, T0), link(commander, VENDOR_ID, coordinator.hex, T0 + 5)];
    invalid('capability/token', 'delegation-links-do-not-connect', compact({ ...executorToken, delegation_chain: links, signature: '0'.repeat(128) }, coordinator), broken('/delegation_chain/1/delegator', 'delegation-links-connect', 'ERR_RULE_BROKEN_CHAIN'));
    // Links that connect: commander -> liaison -> coordinator -> executor, each hop delegated with
    // its link (the vendor and coordinator tokens that carry them are not fixtures). A link may be as
    // old as the one before it, not older.
    const vendorLinked = made(delegateCapability(rootToken, { ...vendorInput, link: true }, KEYS.commander), 'the vendor capability with its link');
    const coordinatorLinked = made(delegateCapability(vendorLinked, { ...coordinatorInput, link: true }, KEYS.liaison, { ancestors: [rootToken] }), 'the coordinator capability with its links');
    token('delegation-links-in-one-second', delegateCapability(coordinatorLinked, { ...executorInput, link: true, link_timestamp: T0 + 5 }, KEYS.coordinator, { ancestors: [rootToken, vendorLinked] }));
    const connected = [link(commander, ROOT_ID, liaison.hex, T0), link(liaison, VENDOR_ID, coordinator.hex, T0 + 5), link(coordinator, COORD_ID, executor.hex, T0 + 4)];
    invalid('capability/token', 'delegation-link-one-second-older', compact({ ...without(executorToken, 'signature'), delegation_chain: connected }, coordinator), broken('/delegation_chain/2/timestamp', 'delegation-links-connect', 'ERR_RULE_TIME_ORDER'));
  }

  const revocation = valid(
    'capability/revocation',
    'vendor-liaison.incident-network',
    made(revokeCapability(vendorToken, { revoked_at: T0 + 15, reason: 'incident scope changed; vendor hand-off withdrawn' }, KEYS.commander, { ancestors: [rootToken] }), 'revocation.vendor-liaison.incident-network'),
  );
  valid('capability/revocation', 'unsigned-local-record', { capability_id: COORD_ID, revoked_at: T0 + 20 });
  const dependency: Expectation = { instancePath: '', keyword: 'dependentRequired', path: '/revoked_by', code: 'ERR_SCHEMA_DEPENDENCY' };
  invalid('capability/revocation', 'signature-without-revoker', without(revocation, 'revoked_by'), dependency);
  invalid('capability/revocation', 'negative-time', { ...revocation, revoked_at: -1 }, at('/revoked_at', 'minimum', 'ERR_SCHEMA_RANGE'));
  invalid('capability/revocation', 'time-as-iso-string', { ...revocation, revoked_at: iso(T0 + 15) }, at('/revoked_at', 'type', 'ERR_SCHEMA_TYPE'));

  const revokeResponse = valid<RevokeResponse>('capability/revoke-response', 'incident-network', { capability_id: VENDOR_ID, revoked: true, newly_revoked: true, revoked_at: T0 + 15 });
  const alreadyRevoked = valid<RevokeResponse>('capability/revoke-response', 'already-revoked', { ...revokeResponse, newly_revoked: false });
  invalid('capability/revoke-response', 'newly-revoked-but-not-revoked', { ...revokeResponse, revoked: false }, at('/revoked', 'const', 'ERR_SCHEMA_CONST'));
  invalid('capability/revoke-response', 'revoked-without-time', without(revokeResponse, 'revoked_at'), missing('', 'revoked_at'));
  invalid('capability/revoke-response', 'revoked-as-string', { ...alreadyRevoked, revoked: 'true' }, at('/revoked', 'type', 'ERR_SCHEMA_TYPE'));

  const lineage = valid<LineageChain>('capability/lineage-chain', 'root-commander.incident-network', {
    root_capability_id: ROOT_ID,
    chain: [
      entry(ROOT_ID, 0, null),
      entry('INC-2026-0428-triage', 1, ROOT_ID),
      entry('INC-2026-0428-change', 1, ROOT_ID),
      entry(VENDOR_ID, 1, ROOT_ID),
      entry(COORD_ID, 2, VENDOR_ID),
      entry(EXEC_ID, 3, COORD_ID),
    ],
  });
  valid<LineageChain>('capability/lineage-chain', 'provider-executor-with-keys', {
    chain: nonEmpty(
      [rootToken, vendorToken, coordinatorToken, executorToken].map((t) => ({
        ...lineageEntry(t),
        issuer: t.issuer,
        subject: t.subject,
        issued_at: t.issued_at,
        expires_at: t.expires_at,
      })),
    ),
  });
  invalid('capability/lineage-chain', 'root-with-parent', mut(lineage, (d) => (d.chain[0].parent_capability_id = 'cap-elsewhere')), at('/chain/0/parent_capability_id', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('capability/lineage-chain', 'child-with-null-parent', mut(lineage, (d) => (d.chain[3].parent_capability_id = null)), at('/chain/3/parent_capability_id', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('capability/lineage-chain', 'empty', { chain: [] }, at('/chain', 'minItems', 'ERR_SCHEMA_ITEMS'));
  invalid('capability/lineage-chain', 'parent-not-listed', mut(lineage, (d) => (d.chain[4].parent_capability_id = 'INC-2026-0428-unknown')), broken('/chain/4/parent_capability_id', 'lineage-links-up', 'ERR_RULE_DANGLING_REFERENCE'));
  invalid('capability/lineage-chain', 'depth-skips-a-level', mut(lineage, (d) => (d.chain[5].delegation_depth = 4)), broken('/chain/5/delegation_depth', 'lineage-links-up', 'ERR_RULE_BROKEN_CHAIN'));
  invalid('capability/lineage-chain', 'depth-same-as-parent', mut(lineage, (d) => (d.chain[5].delegation_depth = 2)), broken('/chain/5/delegation_depth', 'lineage-links-up', 'ERR_RULE_BROKEN_CHAIN'));
  invalid('capability/lineage-chain', 'entry-listed-twice', mut(lineage, (d) => (d.chain[2] = clone(d.chain[1]))), broken('/chain/2/id', 'lineage-links-up', 'ERR_RULE_DUPLICATE'));
  invalid('capability/lineage-chain', 'root-id-names-another-entry', { ...lineage, root_capability_id: VENDOR_ID }, broken('/root_capability_id', 'lineage-links-up', 'ERR_RULE_MISMATCH'));

  return { rootToken, vendorToken, coordinatorToken, executorToken, procurementToken, lineage };
}
