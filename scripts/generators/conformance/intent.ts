/**
 * intent (SPEC.md 12.3): Agent Commerce Network phase 2, a governed intent's hash and the call it
 * names; and a call given in part or malformed.
 */
import { accept, at, fixture, mut, reject, vector, type Expect } from './shared.js';
import { coordinator, intent, prepaid, procurement, T0 } from './world.js';

export function intentVectors(): void {
  vector('intent/commerce-network', '12.3', 'Agent Commerce Network phase 2: the governed intent\'s hash is its own, and the call is the one it names.', { intent, call: { capability_id: procurement.id, tool_server: 'provider-security-review', tool_name: 'execute_review' } }, at(T0), accept());
  vector('intent/price-raised-after-hashing', '12.3', 'The worst-case price raised after the hash was taken: the stated intent_hash is stale.', { intent: mut(intent, (d) => (d.billing_context.max_price_minor = 999999)) }, at(T0), reject('ERR_INTENT_HASH_MISMATCH'));
  vector('intent/another-capability', '12.3', 'The call is made under another capability than the intent names.', { intent, call: { capability_id: 'cap-elsewhere' } }, at(T0), reject('ERR_INTENT_CAPABILITY_MISMATCH'));
  vector('intent/incident-network/ancestor-capability', '12.3', 'Incident Network: the disable_edge_rule call is made under the provider coordinator\'s capability, an ancestor in the chain of the executor\'s capability the intent names.', { intent: fixture('intent/governed-intent', 'disable-edge-rule.incident-network'), call: { capability_id: coordinator.id, tool_server: 'provider-ops', tool_name: 'disable_edge_rule' } }, at(T0), reject('ERR_INTENT_CAPABILITY_MISMATCH'));
  vector('intent/another-tool', '12.3', 'Tool substitution: the call is to another tool than the intent names.', { intent, call: { tool_server: 'provider-security-review', tool_name: 'export_findings' } }, at(T0), reject('ERR_INTENT_TOOL_MISMATCH'));
  vector('intent/expired', '12.3', 'Dispatched at the intent\'s expires_at.', { intent: prepaid }, at(prepaid.expires_at), reject('ERR_INTENT_EXPIRED'));
  vector('intent/before-expiry', '12.3', 'Dispatched one second before the intent\'s expires_at.', { intent: prepaid }, at(prepaid.expires_at - 1), accept());
  {
    vector('intent/encoding/without-intent-hash', '12.3', 'A governed intent without its intent_hash, a required member: not a valid intent, so the first issue is the missing member.', { intent: mut(intent, (d) => delete d.intent_hash) }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
  }
  {
    // intent (SPEC.md 12.3): a call given in part, and calls that are not an object of strings.
    const callVector = (name: string, description: string, call: unknown, expect: Expect): void => vector(`intent/call/${name}`, '12.3', description, { intent, call }, at(T0), expect);
    callVector('tool-name-only', 'A call that names only its tool, execute_review, the intent\'s: what is absent is not compared, so it is the intent\'s call.', { tool_name: 'execute_review' }, accept());
    callVector('tool-server-only-another', 'A call that names only its tool server, another than the intent\'s.', { tool_server: 'provider-elsewhere' }, reject('ERR_INTENT_TOOL_MISMATCH'));
    callVector('not-an-object', 'A call given as a string: a call is an object of strings.', 'execute_review', reject('ERR_USAGE_INVALID_ARGUMENT'));
    callVector('empty-array', 'A call given as an empty array: a call is an object of strings, and an array is none.', [], reject('ERR_USAGE_INVALID_ARGUMENT'));
    callVector('unknown-member', 'A call with a member other than capability_id, tool_server and tool_name.', { tool_name: 'execute_review', tool: 'x' }, reject('ERR_USAGE_INVALID_ARGUMENT'));
    callVector('capability-not-a-string', 'A call whose capability_id is a number.', { capability_id: 7, tool_server: 'provider-security-review', tool_name: 'execute_review' }, reject('ERR_USAGE_INVALID_ARGUMENT'));
    callVector('tool-server-not-a-string', 'A call whose tool_server is a number.', { capability_id: procurement.id, tool_server: 7, tool_name: 'execute_review' }, reject('ERR_USAGE_INVALID_ARGUMENT'));
    callVector('tool-name-not-a-string', 'A call whose tool_name is a number.', { capability_id: procurement.id, tool_server: 'provider-security-review', tool_name: 7 }, reject('ERR_USAGE_INVALID_ARGUMENT'));
    vector('intent/links/without-billing', '12.3', 'A governed intent without its required billing_context.', { intent: mut(intent, (d) => delete d.billing_context) }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
    // A verification's now is a Unix second up to 253402300799, 9999-12-31T23:59:59Z (SPEC.md 6.2): one second later is the caller's mistake.
    const LAST = 253402300799;
    vector('intent/links/now-after-the-last-second', '6.2', 'The intent checked at now 253402300800, one second past the last Unix second a verification may name.', { intent }, at(LAST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
  }
}
