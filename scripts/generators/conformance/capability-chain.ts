/**
 * capability and chain (SPEC.md 12.2): Incident Network's delegation chain, commander -> vendor
 * liaison -> provider coordinator -> executor. Attenuation hop by hop (grants, patterns, caps,
 * windows), the walk (revocations, expiry, depth, cycles, forks), delegation links, the context.
 * Valid capabilities made fresh come from the builders (builders.ts); attacks are signed by hand.
 */
import type { ErrorCode } from '../../../src/issues.js';
import { resign, type Party } from '../../lib/parties.js';
import { accept, at, fixture, mut, reject, vector, type Change, type Doc } from './shared.js';
import { coordinator, executor, forkedVendor, holder, NOW1, P, root, T0, vendor } from './world.js';
import { delegatedBy, rootBy } from './builders.js';

const chain = [root, vendor, coordinator];
const chainInput = (capability: unknown, capabilities: readonly unknown[] = chain) => ({ capability, capabilities });
/** The executor's capability changed by `change` and signed again by its issuer, the coordinator: by hand, for the attacks. */
const child = (change: Change): Doc => resign(mut(executor, change), P.coordinator);
/** The executor's capability changed by `change`, delegated again by the coordinator through the builder: a child its chain accepts. */
const delegatedChild = (change: Change): Doc => delegatedBy(coordinator, mut(executor, change), P.coordinator, [root, vendor]);
/** The executor's grant with a looser require_approval_above added before its own (valid: adding a constraint narrows nothing away). */
export const shadowed = delegatedChild((d) => d.scope.grants[0].constraints.unshift({ type: 'require_approval_above', value: { threshold_units: 100000 } }));

export function capabilityChainVectors(): void {
  vector('capability/incident-network/happy-path', '12.2', 'Incident Network happy path: commander -> vendor liaison -> provider coordinator -> executor, each narrowing its parent.', chainInput(executor), at(NOW1), accept());
  vector('capability/incident-network/attenuation-deny', '12.2', 'Incident Network attenuation deny: the executor\'s capability asks for any rule, dropping the one-rule constraint its chain carries.', chainInput(fixture('capability/token', 'provider-executor-broader-rule.incident-network')), at(NOW1), reject('ERR_CAP_CONSTRAINT_DROPPED'));
  vector('capability/constraints-in-another-order', '12.2', 'Constraints are compared as a set: the same constraints in another order narrow nothing away.', chainInput(delegatedChild((d) => d.scope.grants[0].constraints.reverse())), at(NOW1), accept());
  for (const [name, description, change, code] of [
    ['tool-not-covered', 'Privilege escalation by tool: the child grants a tool no parent grant covers.', (d) => (d.scope.grants[0].tool_name = 'delete_edge_rule'), 'ERR_CAP_NOT_COVERED'],
    ['operation-widened', 'The child allows an operation (subscribe) its parent grant does not.', (d) => d.scope.grants[0].operations.push('subscribe'), 'ERR_CAP_OPERATION_WIDENED'],
    ['invocation-cap-dropped', 'Leaving the invocation cap out widens it to unlimited.', (d) => delete d.scope.grants[0].max_invocations, 'ERR_CAP_LIMIT_DROPPED'],
    ['more-invocations', 'The child allows 3 calls where its parent allows 2.', (d) => (d.scope.grants[0].max_invocations = 3), 'ERR_CAP_LIMIT_EXCEEDED'],
    ['total-cap-dropped', 'Leaving the total cost cap out widens it.', (d) => delete d.scope.grants[0].max_total_cost, 'ERR_CAP_LIMIT_DROPPED'],
    ['currency-swap', 'Currency confusion: the child\'s caps are the same numbers in another currency (500 JPY is not 500 US cents).', (d) => ((d.scope.grants[0].max_total_cost.currency = 'JPY'), (d.scope.grants[0].max_cost_per_invocation.currency = 'JPY')), 'ERR_CAP_CURRENCY_MISMATCH'],
    ['larger-total', 'The child\'s total cost cap is larger than its parent\'s.', (d) => (d.scope.grants[0].max_total_cost.units = 501), 'ERR_CAP_LIMIT_EXCEEDED'],
    ['approval-threshold-dropped', 'The child leaves out its parent\'s require_approval_above constraint.', (d) => d.scope.grants[0].constraints.pop(), 'ERR_CAP_CONSTRAINT_DROPPED'],
    ['expiry-extended', 'The child outlives its parent.', (d) => ((d.expires_at = coordinator.expires_at + 1), (d.ttl_secs = coordinator.expires_at + 1 - d.issued_at)), 'ERR_CAP_EXPIRY_EXTENDED'],
  ] satisfies [string, string, Change, ErrorCode][]) {
    vector(`capability/${name}`, '12.2', description, chainInput(child(change)), at(NOW1), reject(code));
  }
  vector('capability/parent-not-delegable', '12.2', 'The parent grant does not include delegate, so it could not be delegated.', chainInput(executor, [root, vendor, resign(mut(coordinator, (d) => (d.scope.grants[0].operations = ['invoke'])), P.liaison)]), at(NOW1), reject('ERR_CAP_NOT_DELEGABLE'));

  vector('chain/incident-network/happy-path', '12.2', 'Incident Network: the executor\'s capability is usable 20 seconds in.', chainInput(executor), at(NOW1), accept());
  vector('chain/incident-network/revoke-midchain', '12.2', 'Incident Network revoke mid-chain: the vendor liaison\'s capability is revoked after the executor\'s was issued; the kernel walks the chain and denies.', chainInput(executor), at(NOW1, { revocations: [{ capability_id: vendor.id, revoked_at: T0 + 15 }] }), reject('ERR_CHAIN_REVOKED_ANCESTOR'));
  vector('chain/incident-network/ttl-expiry', '12.2', 'Incident Network capability TTL expiry: the vendor liaison\'s capability has lapsed before the executor runs.', chainInput(executor), at(vendor.expires_at + 5), reject('ERR_CHAIN_EXPIRED'));
  vector('chain/revoked-itself', '12.2', 'The capability itself is revoked.', chainInput(vendor, [root]), at(NOW1, { revocations: [{ capability_id: vendor.id, revoked_at: T0 + 15 }] }), reject('ERR_CHAIN_REVOKED'));
  vector('chain/revocation-counts-from-its-time', '12.2', 'A revocation counts from revoked_at: before it, the chain is usable.', chainInput(executor), at(T0 + 14, { revocations: [{ capability_id: vendor.id, revoked_at: T0 + 15 }] }), accept());
  vector('chain/expires-at-is-exclusive', '12.2', 'At expires_at the capability is already gone (now < expires_at).', chainInput(executor), at(executor.expires_at), reject('ERR_CHAIN_EXPIRED'));
  vector('chain/one-second-before-expiry', '12.2', 'One second before expires_at the capability is usable.', chainInput(executor), at(executor.expires_at - 1), accept());
  vector('chain/not-yet-valid', '12.2', 'Used before its issued_at.', chainInput(executor), at(executor.issued_at - 1), reject('ERR_CHAIN_NOT_YET_VALID'));
  vector('chain/signature-broken', '12.2', 'A capability changed after signing (one more invocation).', chainInput(mut(executor, (d) => (d.scope.grants[0].max_invocations = 2))), at(NOW1), reject('ERR_SIG_INVALID'));
  vector('chain/parent-missing', '12.2', 'The parent named is not among the capabilities given.', chainInput(executor, [root, vendor]), at(NOW1), reject('ERR_CHAIN_PARENT_MISSING'));
  vector('chain/depth-lie', '12.2', 'The capability states another depth than its place in the chain.', chainInput(child((d) => (d.delegation_depth = 4))), at(NOW1), reject('ERR_CHAIN_DEPTH_MISMATCH'));
  vector('chain/too-deep', '12.2', 'A chain deeper than the verifier accepts.', chainInput(executor), at(NOW1, { max_depth: 2 }), reject('ERR_CHAIN_TOO_DEEP'));
  vector('chain/delegated-by-a-stranger', '12.2', 'Delegation by someone who does not hold the parent: issued by a key that is not the parent\'s subject.', chainInput(resign(mut(executor, (d) => (d.issuer = P.stranger.hex)), P.stranger)), at(NOW1), reject('ERR_CHAIN_ISSUER_MISMATCH'));
  vector('chain/untrusted-root', '12.2', 'The root is issued by a key that is not a trust anchor.', chainInput(executor), at(NOW1, { trust_anchors: [P.stranger.hex] }), reject('ERR_CHAIN_UNTRUSTED_ROOT'));
  vector('chain/trusted-root', '12.2', 'The root is issued by the trust anchor named.', chainInput(executor), at(NOW1, { trust_anchors: [P.commander.hex] }), accept());
  vector('chain/cycle', '12.2', 'Parent ids that lead back to a capability already on the chain.', chainInput(executor, [resign(mut(root, (d) => ((d.parent_capability_id = executor.id), (d.delegation_depth = 4))), P.commander), vendor, coordinator, executor]), at(NOW1), reject('ERR_CHAIN_CYCLE'));

  // Delegation links (SPEC.md 12.2 step 5): each is signed by its delegator and belongs to the chain.
  const link = (signer: Party, change: Change = () => {}): Doc =>
    resign(mut({ capability_id: coordinator.id, delegator: coordinator.subject, delegatee: executor.subject, timestamp: executor.issued_at, signature: '0'.repeat(128) }, change), signer);
  const withLinks = (...links: Doc[]): Doc => resign(mut(executor, (d) => (d.delegation_chain = links)), P.coordinator);
  vector('chain/delegation-link-signed', '12.2', 'The executor\'s capability carries the delegation link its delegator (the provider coordinator) signed: the chain verifies.', chainInput(delegatedBy(coordinator, executor, P.coordinator, [root, vendor], true)), at(NOW1), accept());
  vector('chain/delegation-link-forged-signature', '12.2', 'Forged delegation link: the link names the coordinator as delegator but a stranger signed it, inside a token its issuer re-signed.', chainInput(withLinks(link(P.stranger))), at(NOW1), reject('ERR_SIG_INVALID'));
  vector('chain/delegation-link-by-a-stranger', '12.2', 'A delegation link a stranger made and signed, naming itself as delegator: it issued no capability of the chain.', chainInput(withLinks(link(P.stranger, (d) => (d.delegator = P.stranger.hex)))), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
  vector('chain/delegation-link-to-a-stranger', '12.2', 'A delegation link, signed by the coordinator, to a delegatee that holds no capability of the chain.', chainInput(withLinks(link(P.coordinator, (d) => (d.delegatee = P.stranger.hex)))), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
  vector('chain/delegation-link-from-another-chain', '12.2', 'A delegation link, signed by the coordinator, that delegates a capability of another chain.', chainInput(withLinks(link(P.coordinator, (d) => (d.capability_id = 'INC-2026-0428-other')))), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
  // A link pairs one hop's holder with the next hop's (Chio: the ancestor delegated, its holder, the receiver).
  vector('chain/delegation-link-wrong-delegator', '12.2', 'A delegation link of the coordinator\'s capability signed by the commander, who issued a capability of the chain but does not hold the one delegated.', chainInput(withLinks(link(P.commander, (d) => (d.delegator = P.commander.hex)))), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
  vector('chain/delegation-link-wrong-delegatee', '12.2', 'A delegation link, signed by the coordinator, to the vendor liaison, who holds a capability of the chain but not the one delegated from the coordinator\'s.', chainInput(withLinks(link(P.coordinator, (d) => (d.delegatee = vendor.subject)))), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
  vector('chain/delegation-link-of-itself', '12.2', 'A delegation link that names the capability carrying it: a capability cannot record its own delegation onward.', chainInput(withLinks(link(P.coordinator, (d) => (d.capability_id = executor.id)))), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
  const hopLink = (from: Doc, to: Doc): Doc => resign({ capability_id: from.id, delegator: from.subject, delegatee: to.subject, timestamp: to.issued_at, signature: '0'.repeat(128) }, holder(from.subject));
  vector('chain/delegation-links-every-hop', '12.2', 'The executor\'s capability carries a link for every hop from the root, each signed by the holder of the capability it delegates: the chain verifies.', chainInput(withLinks(hopLink(root, vendor), hopLink(vendor, coordinator), hopLink(coordinator, executor))), at(NOW1), accept());
  // Patterns, resource grants and prompt grants (SPEC.md 12.2, attenuation): a root with a prefix
  // pattern, a resource grant and a prompt grant, and a vendor liaison narrowing (or widening) each.
  const wideRoot = rootBy(mut(root, (d) => {
    d.scope.grants[1].tool_name = 'disable_*';
    d.scope.resource_grants = [{ uri_pattern: 'incident://INC-2026-0428/*', operations: ['read', 'delegate'] }];
    d.scope.prompt_grants = [{ prompt_name: 'triage-*', operations: ['get', 'delegate'] }];
  }), P.commander);
  const wideVendor = (change: Change): Doc => mut(vendor, (d) => {
    d.scope.resource_grants = [{ uri_pattern: 'incident://INC-2026-0428/logs', operations: ['read'] }];
    d.scope.prompt_grants = [{ prompt_name: 'triage-edge', operations: ['get'] }];
    change(d);
  });
  /** The vendor liaison's capability under the wide root, changed by `change` and signed again by hand (for the attacks). */
  const underWide = (change: Change) => chainInput(resign(wideVendor(change), holder(root.subject)), [wideRoot]);
  /** The same, delegated by the builder: a delegate the wide root admits. */
  const withinWide = (change: Change) => chainInput(delegatedBy(wideRoot, wideVendor(change), holder(root.subject), []), [wideRoot]);
  vector('capability/patterns-narrowed', '12.2', 'A root granting disable_*, incident://INC-2026-0428/* and triage-*; its delegate names disable_edge_rule, one resource and one prompt within them: the chain verifies.', withinWide(() => {}), at(NOW1), accept());
  vector('capability/pattern-kept', '12.2', 'The delegate keeps the parent\'s own prefix pattern disable_*: equal patterns cover.', withinWide((d) => (d.scope.grants[1].tool_name = 'disable_*')), at(NOW1), accept());
  vector('capability/pattern-widened-to-any', '12.2', 'The delegate widens disable_* to *: no grant of the parent covers it.', underWide((d) => (d.scope.grants[1].tool_name = '*')), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
  vector('capability/prefix-pattern-under-prefix-pattern', '12.2', 'The delegate narrows disable_* to the pattern disable_edge*: a child\'s pattern is covered only by the same pattern or by *, so it is refused (a conservative reading SPEC states).', underWide((d) => (d.scope.grants[1].tool_name = 'disable_edge*')), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
  vector('capability/name-just-outside-the-prefix', '12.2', 'The delegate names disable-edge-rule, which the prefix disable_ does not start (a hyphen, not an underscore).', underWide((d) => (d.scope.grants[1].tool_name = 'disable-edge-rule')), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
  vector('capability/resource-widened', '12.2', 'The delegate\'s resource grant incident://* is wider than the parent\'s incident://INC-2026-0428/*.', underWide((d) => (d.scope.resource_grants[0].uri_pattern = 'incident://*')), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
  vector('capability/resource-operation-widened', '12.2', 'The delegate may subscribe to the resource; the parent\'s resource grant allows read and delegate only.', underWide((d) => (d.scope.resource_grants[0].operations = ['read', 'subscribe'])), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
  vector('capability/prompt-outside-the-pattern', '12.2', 'The delegate\'s prompt grant postmortem-edge is outside the parent\'s triage-*.', underWide((d) => (d.scope.prompt_grants[0].prompt_name = 'postmortem-edge')), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
  vector('capability/resource-not-delegable', '12.2', 'The parent\'s resource grant drops delegate: the delegate\'s resource grant is not within a delegable grant.', chainInput(resign(mut(vendor, (d) => (d.scope.resource_grants = [{ uri_pattern: 'incident://INC-2026-0428/logs', operations: ['read'] }])), holder(root.subject)), [resign(mut(wideRoot, (d) => (d.scope.resource_grants[0].operations = ['read'])), P.commander)]), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
  // One id, one capability (SPEC.md 12.2): a self-signed fork of the vendor liaison's capability.
  vector('chain/forked-id', '12.2', 'Suppress a revocation with a forked id: a self-signed capability reuses the vendor liaison\'s id, so a walk could take one and a revocation check the other.', chainInput(executor, [root, vendor, coordinator, forkedVendor]), at(NOW1), reject('ERR_CHAIN_DUPLICATE_ID'));
  vector('chain/same-capability-twice', '12.2', 'The same capability given twice (the leaf among the evidence too) is one capability.', chainInput(executor, [root, vendor, vendor, coordinator, executor]), at(NOW1), accept());
  // A child's window lies inside its parent's (SPEC.md 12.2, attenuation).
  const issuedAt = (t: number, make: (change: Change) => Doc = child): Doc => make((d) => ((d.issued_at = t), (d.ttl_secs = d.expires_at - t)));
  vector('capability/issued-before-parent', '12.2', 'Predate the parent: the executor\'s capability is issued one second before the coordinator\'s.', chainInput(issuedAt(coordinator.issued_at - 1)), at(NOW1), reject('ERR_CAP_ISSUED_BEFORE_PARENT'));
  vector('capability/issued-with-parent', '12.2', 'A capability issued in the same second as its parent is within its window.', chainInput(issuedAt(coordinator.issued_at, delegatedChild)), at(NOW1), accept());
  // Second routes (issue 11): each attenuation failure at the vendor liaison's hop (depth 1), or on
  // another grant, rather than at the executor's; each chain failure at another place in the walk.
  const vendorAs = (change: Change): Doc => resign(mut(vendor, change), P.commander);
  vector('capability/operation-widened-on-the-second-grant', '12.2', 'The vendor liaison\'s second grant (disable_edge_rule) allows subscribe, which the root\'s grant for that tool does not; its first grant is within the root\'s.', chainInput(vendorAs((d) => d.scope.grants[1].operations.push('subscribe')), [root]), at(NOW1), reject('ERR_CAP_OPERATION_WIDENED'));
  vector('capability/expiry-extended-mid-chain', '12.2', 'The vendor liaison\'s capability outlives the root by one second, re-signed by the commander; the coordinator\'s and the executor\'s below it are within it.', chainInput(executor, [root, vendorAs((d) => ((d.expires_at = root.expires_at + 1), (d.ttl_secs = root.expires_at + 1 - d.issued_at))), coordinator]), at(NOW1), reject('ERR_CAP_EXPIRY_EXTENDED'));
  vector('capability/issued-before-parent-mid-chain', '12.2', 'Predate the parent mid-chain: the vendor liaison\'s capability issued one second before the root, re-signed by the commander; the executor\'s, the one used, is issued after everything above it.', chainInput(executor, [root, vendorAs((d) => ((d.issued_at = root.issued_at - 1), (d.ttl_secs = d.expires_at - d.issued_at))), coordinator]), at(NOW1), reject('ERR_CAP_ISSUED_BEFORE_PARENT'));
  vector('capability/currency-swap-mid-chain', '12.2', 'Currency confusion at depth 1: the vendor liaison\'s disable_edge_rule caps are the same numbers in JPY under the root\'s USD caps, re-signed by the commander.', chainInput(executor, [root, vendorAs((d) => ((d.scope.grants[1].max_total_cost.currency = 'JPY'), (d.scope.grants[1].max_cost_per_invocation.currency = 'JPY'))), coordinator]), at(NOW1), reject('ERR_CAP_CURRENCY_MISMATCH'));
  vector('capability/root-not-delegable', '12.2', 'The root\'s disable_edge_rule grant, re-signed by the commander, allows invoke only: the vendor liaison\'s grant for that tool was delegated from a grant that cannot be delegated.', chainInput(vendor, [resign(mut(root, (d) => (d.scope.grants[1].operations = ['invoke'])), P.commander)]), at(NOW1), reject('ERR_CAP_NOT_DELEGABLE'));
  {
    const selfNamed = child((d) => (d.parent_capability_id = executor.id));
    vector('chain/cycle-of-one', '12.2', 'A capability that names itself as its parent, re-signed by its issuer and given among the evidence too: the walk meets it again at once.', chainInput(selfNamed, [root, vendor, coordinator, selfNamed]), at(NOW1), reject('ERR_CHAIN_CYCLE'));
    vector('chain/cycle-of-one-not-in-the-evidence', '12.2', 'The same capability that names itself as its parent, given only as the capability: it is among the capabilities given (SPEC 12.2), so the walk meets it again at once, whether or not the evidence repeats it.', chainInput(selfNamed, [root, vendor, coordinator]), at(NOW1), reject('ERR_CHAIN_CYCLE'));
  }
  vector('chain/parent-missing-mid-chain', '12.2', 'The vendor liaison\'s capability is left out: the executor\'s parent (the coordinator\'s) is given, but the coordinator\'s parent is not.', chainInput(executor, [root, coordinator]), at(NOW1), reject('ERR_CHAIN_PARENT_MISSING'));
  vector('chain/untrusted-self-issued-root', '12.2', 'A capability a stranger issued to itself, used alone as a root, while the caller trusts the commander only.', chainInput(forkedVendor, []), at(NOW1, { trust_anchors: [P.commander.hex] }), reject('ERR_CHAIN_UNTRUSTED_ROOT'));
  // The default depth limit (SPEC.md 12: 16): the coordinator's capability delegated on, hop by hop,
  // between the coordinator's and the executor's keys, each a copy of its grant, to depth 16 and 17.
  {
    const deep: Doc[] = [root, vendor, coordinator];
    for (let depth = 3; depth <= 17; depth++) {
      const parent = deep[depth - 1] as Doc;
      const next = depth % 2 === 1 ? P.executor : P.coordinator;
      const hop = mut(coordinator, (d) => ((d.id = `${coordinator.id}-hop-${depth}`), (d.issuer = parent.subject), (d.subject = next.hex), (d.delegation_depth = depth), (d.parent_capability_id = parent.id)));
      // Up to the default limit the builder delegates each hop; the 17th it refuses (ERR_CHAIN_TOO_DEEP), so that one is signed by hand.
      deep.push(depth <= 16 ? delegatedBy(parent, hop, holder(parent.subject), deep.slice(0, depth - 1)) : resign(hop, holder(parent.subject)));
    }
    vector('chain/deepest-default-depth', '12.2', 'A chain 16 delegations deep, each hop a copy of its parent\'s grant, with no max_depth in the context: the default limit is 16, and it is reached, not passed.', chainInput(deep[16], deep.slice(0, 16)), at(NOW1), accept());
    vector('chain/too-deep-default-limit', '12.2', 'The same chain one delegation deeper (17), with no max_depth in the context: past the default limit of 16.', chainInput(deep[17], deep.slice(0, 17)), at(NOW1), reject('ERR_CHAIN_TOO_DEEP'));
  }
  vector('capability/looser-threshold-added', '12.2', 'A delegate keeps its parent\'s approval threshold and adds a looser one first: adding a constraint narrows nothing away, so the chain verifies.', chainInput(shadowed), at(NOW1), accept());
  {
    // The verification context (SPEC.md 6.2, 12): now is a whole Unix second from 0 to
    // 253402300799; anything else is a malformed context, ERR_USAGE_INVALID_ARGUMENT.
    const LATEST = 253402300799;
    vector('chain/context/now-latest-second', '6.2', 'The executor\'s capability checked at now 253402300799 (9999-12-31T23:59:59Z), the last Unix second a verification may take: a valid context, and the capability has long expired.', chainInput(executor), at(LATEST), reject('ERR_CHAIN_EXPIRED'));
    vector('chain/context/now-past-latest-second', '12', 'The executor\'s capability checked at now 253402300800, one second past 9999-12-31T23:59:59Z: not a time a verification may take, so the context is malformed.', chainInput(executor), at(LATEST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
    vector('chain/context/now-zero', '6.2', 'The executor\'s capability checked at now 0 (1970-01-01T00:00:00Z), the first Unix second: a valid context, and the capability is not yet valid then.', chainInput(executor), at(0), reject('ERR_CHAIN_NOT_YET_VALID'));
    vector('chain/revoked-at-zero', '12.2', 'The executor\'s capability revoked at 0, the first Unix second (a whole number of seconds, so a valid revocation): it is revoked at every later now.', chainInput(executor), at(NOW1, { revocations: [{ capability_id: executor.id, revoked_at: 0 }] }), reject('ERR_CHAIN_REVOKED'));
    vector('chain/revoked-ancestor-at-now', '12.2', 'The vendor liaison\'s capability revoked at exactly now: a revocation counts from its revoked_at, so the executor\'s chain is denied at that second.', chainInput(executor), at(NOW1, { revocations: [{ capability_id: vendor.id, revoked_at: NOW1 }] }), reject('ERR_CHAIN_REVOKED_ANCESTOR'));
    vector('chain/max-depth-zero-root', '12.2', 'The root capability used alone with max_depth 0: a root is at depth 0, which a limit of 0 accepts.', chainInput(root, []), at(NOW1, { max_depth: 0 }), accept());
    vector('chain/max-depth-zero-delegated', '12.2', 'The vendor liaison\'s capability (depth 1) with max_depth 0: one delegation deeper than the limit.', chainInput(vendor, [root]), at(NOW1, { max_depth: 0 }), reject('ERR_CHAIN_TOO_DEEP'));
    vector('chain/root-without-evidence', '12.2', 'The root capability given with no capabilities member at all: a root needs no other capability, so it verifies.', { capability: root }, at(NOW1), accept());
    vector('chain/capabilities-not-an-array', '12.2', 'The capabilities the chain descends from given as an object rather than an array: a malformed argument, refused as such.', { capability: root, capabilities: { [root.id]: root } }, at(NOW1), reject('ERR_USAGE_INVALID_ARGUMENT'));
    // A document rule of the capability (SPEC.md 5.3) applies in a chain as in the schema profile.
    vector('chain/root-ttl-mismatch', '5.3', 'The root capability with ttl_secs 1799 where expires_at - issued_at is 1800, re-signed by the commander: it breaks the ttl-matches rule, refused before the chain is walked.', chainInput(resign(mut(root, (d) => (d.ttl_secs = 1799)), P.commander), []), at(NOW1), reject('ERR_RULE_TTL_MISMATCH'));

    // dpop_required is kept (SPEC.md 12.2, attenuation): the coordinator's grant, re-signed by the
    // vendor liaison, requires proof of possession.
    const coordinatorWith = (change: Change): Doc => resign(mut(coordinator, change), P.liaison);
    const coordinatorBy = (change: Change): Doc => delegatedBy(vendor, mut(coordinator, change), P.liaison, [root]);
    const dpopParent = coordinatorBy((d) => (d.scope.grants[0].dpop_required = true));
    vector('capability/dpop-kept', '12.2', 'The coordinator\'s grant requires proof of possession and the executor\'s grant requires it too: the chain verifies.', chainInput(delegatedBy(dpopParent, mut(executor, (d) => (d.scope.grants[0].dpop_required = true)), P.coordinator, [root, vendor]), [root, vendor, dpopParent]), at(NOW1), accept());
    vector('capability/dpop-dropped', '12.2', 'The coordinator\'s grant requires proof of possession; the executor\'s grant leaves dpop_required out, dropping it.', chainInput(executor, [root, vendor, dpopParent]), at(NOW1), reject('ERR_CAP_CONSTRAINT_DROPPED'));
    vector('capability/dpop-set-false', '12.2', 'The coordinator\'s grant requires proof of possession; the executor\'s grant states dpop_required false.', chainInput(child((d) => (d.scope.grants[0].dpop_required = false)), [root, vendor, dpopParent]), at(NOW1), reject('ERR_CAP_CONSTRAINT_DROPPED'));
    vector('capability/dpop-false-in-parent', '12.2', 'The coordinator\'s grant states dpop_required false and the executor\'s says nothing of it: there is no requirement to keep, so the chain verifies.', chainInput(executor, [root, vendor, coordinatorBy((d) => (d.scope.grants[0].dpop_required = false))]), at(NOW1), accept());

    // Grants a capability may lack (SPEC.md 12.2): each kind of grant is checked against the parent's
    // grants of the same kind, and a kind the parent has none of covers nothing.
    const rootWith = (change: Change): Doc => rootBy(mut(root, change), P.commander);
    vector('capability/no-tool-grants-under-tool-grants', '12.2', 'The vendor liaison\'s capability holds only a resource grant and a prompt grant, each within a delegable grant of the root, and no tool grant: nothing to cover, so the chain verifies.', withinWide((d) => delete d.scope.grants), at(NOW1), accept());
    vector('capability/tool-grant-under-no-tool-grants', '12.2', 'A root with resource grants only and no tool grant; the vendor liaison\'s capability under it grants tools: no grant of the parent covers them.', chainInput(vendor, [rootWith((d) => { delete d.scope.grants; d.scope.resource_grants = [{ uri_pattern: 'incident://*', operations: ['read', 'delegate'] }]; })]), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
    const vendorWith = (change: Change): Doc => resign(mut(vendor, change), P.commander);
    const vendorUnder = (parent: Doc, change: Change): Doc => delegatedBy(parent, mut(vendor, change), P.commander, []);
    vector('capability/resource-grant-under-no-resource-grants', '12.2', 'The vendor liaison\'s capability adds a resource grant under the Incident Network root, which has no resource grant: not within a grant of the parent.', chainInput(vendorWith((d) => (d.scope.resource_grants = [{ uri_pattern: 'incident://INC-2026-0428/logs', operations: ['read'] }])), [root]), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
    vector('capability/prompt-grant-under-no-prompt-grants', '12.2', 'The vendor liaison\'s capability adds a prompt grant under the Incident Network root, which has no prompt grant: not within a grant of the parent.', chainInput(vendorWith((d) => (d.scope.prompt_grants = [{ prompt_name: 'triage-edge', operations: ['get'] }])), [root]), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
    // Two parent grants cover one child grant: it is within the parent when one of them admits it.
    const twoCovering = rootWith((d) => d.scope.grants.unshift({ server_id: 'provider-ops', tool_name: '*', operations: ['invoke'] }));
    vector('capability/second-covering-grant-admits', '12.2', 'A root whose first grant (provider-ops, any tool, invoke only) and third grant (disable_edge_rule, delegable) both cover the vendor liaison\'s disable_edge_rule grant: the first cannot be delegated, the third admits it, so the chain verifies.', chainInput(vendor, [twoCovering]), at(NOW1), accept());
    vector('capability/no-covering-grant-admits', '12.2', 'The same root, and a vendor liaison\'s disable_edge_rule grant that also allows subscribe: neither covering grant admits it, and the first failure of the first covering grant is reported (not delegable).', chainInput(vendorWith((d) => d.scope.grants[1].operations.push('subscribe')), [twoCovering]), at(NOW1), reject('ERR_CAP_NOT_DELEGABLE'));
    // Patterns (SPEC.md 12.2): a child's own prefix pattern is covered by *.
    const anyToolRoot = rootWith((d) => (d.scope.grants[1].tool_name = '*'));
    vector('capability/prefix-pattern-under-any', '12.2', 'A root granting any tool (*) of provider-ops; the vendor liaison\'s grant names the prefix pattern disable_*: covered by *.', chainInput(vendorUnder(anyToolRoot, (d) => (d.scope.grants[1].tool_name = 'disable_*')), [anyToolRoot]), at(NOW1), accept());
    vector('capability/name-longer-than-exact-parent', '12.2', 'The root grants the tool disable_edge_rule (no pattern); the vendor liaison\'s grant names disable_edge_rules, which only starts with it: an exact name covers only itself.', chainInput(vendorWith((d) => (d.scope.grants[1].tool_name = 'disable_edge_rules')), [root]), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
    // Caps the parent does not state (SPEC.md 12.2): nothing to keep.
    const uncappedRoot = rootWith((d) => {
      const g = d.scope.grants[1];
      delete g.max_invocations;
      delete g.max_total_cost;
      delete g.max_cost_per_invocation;
    });
    vector('capability/parent-grant-without-caps', '12.2', 'The root\'s disable_edge_rule grant states no invocation cap and no cost caps; the vendor liaison\'s grant under it states no invocation cap but keeps its cost caps: every cap of the parent (none) is kept, so the chain verifies.', chainInput(vendorUnder(uncappedRoot, (d) => delete d.scope.grants[1].max_invocations), [uncappedRoot]), at(NOW1), accept());

    // A delegation link names a strict ancestor (SPEC.md 12.2 step 5), never the capability carrying it.
    {
      const selfLink = resign({ capability_id: coordinator.id, delegator: coordinator.subject, delegatee: executor.subject, timestamp: executor.issued_at, signature: '0'.repeat(128) }, P.coordinator);
      vector('chain/delegation-link-of-itself-mid-chain', '12.2', 'The coordinator\'s capability (depth 2, re-signed by the vendor liaison) carries a link delegating the coordinator\'s capability itself to the executor: the capability a link delegates must be a strict ancestor of the one carrying it, so the link is invalid even though a capability below it matches its delegatee.', chainInput(executor, [root, vendor, coordinatorWith((d) => (d.delegation_chain = [selfLink]))]), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
    }
    // Values among the evidence that are not capabilities (no string id) name no capability.
    vector('chain/evidence-values-without-a-string-id', '12.2', 'The executor\'s chain with two different objects among the capabilities given whose id is the number 5: they are not capabilities (a capability id is a string), so no two capabilities share an id and the chain verifies.', chainInput(executor, [root, vendor, coordinator, { id: 5 }, { id: 5, note: 'another' }]), at(NOW1), accept());
  }
  {
    // A capability is valid at now when issued_at <= now < expires_at (SPEC.md 12.2, step 7): at
    // the very second it is issued it is valid.
    vector('chain/used-at-its-issued-at', '12.2', 'The executor\'s capability checked at now equal to its issued_at (every capability above it issued earlier, none expired): issued_at <= now, so the chain is valid at that second and verifies.', chainInput(executor), at(executor.issued_at), accept());
    vector('chain/root-used-at-its-issued-at', '12.2', 'The root capability used alone at now equal to its issued_at: issued_at <= now < expires_at holds, so it verifies.', chainInput(root, []), at(root.issued_at), accept());
    // Values among the evidence that are not capabilities (SPEC.md 12.2: the chain is walked among
    // the capabilities given): null has no id, names no capability, and is passed over.
    vector('chain/evidence-holding-null', '12.2', 'The executor\'s chain with null, a string and a number among the capabilities given, after its three ancestors: none of them is a capability (no string id), so no parent id can name one, and the chain verifies.', chainInput(executor, [root, vendor, coordinator, null, 'capability', 7]), at(NOW1), accept());
    vector('chain/evidence-null-first', '12.2', 'The executor\'s chain with null given before its three ancestors among the capabilities: null is not a capability and is passed over, so the chain verifies.', chainInput(executor, [null, root, vendor, coordinator]), at(NOW1), accept());
  }
}
