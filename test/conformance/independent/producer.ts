/**
 * A small producer, written from SPEC.md alone (it imports nothing of writ's sources): it hashes
 * intents, signs receipts and delegates capabilities as the producer profiles ask (SPEC 13.2),
 * and checks what it made with the independent chain verifier before it answers, as a careful
 * kernel does. Its bugs are the one-line changes an implementer makes by mistake; with none it
 * passes every vector of its profiles (a test holds it), and each bug is caught by the runner's
 * judge or by a vector that expects a refusal.
 */
import { createPrivateKey, sign } from 'node:crypto';
import type { CapabilityToken, ConformanceContext } from '../../../src/generated/types.js';
import type { Adapter } from '../../../src/conformance/adapters.js';
import { hashOf, jcs } from './kit.js';
import { implementation, reject } from './adapter.js';
import { chainProblem } from './chain.js';

/** The bugs of {@link producer}. */
export interface ProducerBugs {
  /** Signs the child as asked without checking it against its parent (signs before narrowing). */
  readonly signsBeforeNarrowing?: boolean;
  /** Signs the parent's scope, not the narrower one asked. */
  readonly parentScope?: boolean;
  /** Commits a receipt to the intent_hash the intent states, without recomputing it. */
  readonly trustsStatedHash?: boolean;
  /** Hashes an intent with the intent_hash it was given still in it. */
  readonly hashesWithOldHash?: boolean;
}

/** The members of a governed intent (its schema), those required first. */
const INTENT_REQUIRED = ['intent_id', 'capability_id', 'buyer_org', 'provider_org', 'tool_server', 'tool_name', 'settlement_mode', 'billing_context'];
const INTENT_OPTIONAL = ['purpose', 'created_at', 'expires_at', 'parameters_hash'];

/** The public key (hex) and a signer of a JWK with its d. */
function keyOf(jwk: unknown): { hex: string; sign: (message: string) => string } | undefined {
  try {
    const key = createPrivateKey({ key: jwk as never, format: 'jwk' });
    const x = (jwk as { x: string }).x;
    return { hex: Buffer.from(x, 'base64url').toString('hex'), sign: (message) => sign(null, Buffer.from(message), key).toString('hex') };
  } catch {
    return undefined;
  }
}

/** A document signed in the compact envelope (SPEC 6.4): the signature over the canonical form without it. */
const signed = (body: Record<string, unknown>, key: { sign: (m: string) => string }): Record<string, unknown> => ({ ...body, signature: key.sign(jcs(body)) });

/** Why an intent cannot be hashed as it stands, or undefined. */
function intentProblem(intent: Record<string, unknown>): string | undefined {
  for (const m of INTENT_REQUIRED) if (intent[m] === undefined) return 'ERR_SCHEMA_REQUIRED';
  for (const m of Object.keys(intent)) if (![...INTENT_REQUIRED, ...INTENT_OPTIONAL, 'intent_hash'].includes(m)) return 'ERR_SCHEMA_ADDITIONAL_PROPERTY';
  return undefined;
}

/** The intent's hash (SPEC 6.3): of the intent without its intent_hash. */
const intentHash = (intent: Record<string, unknown>): string => {
  const { intent_hash: _h, ...body } = intent;
  return hashOf(body);
};

/**
 * A producer of intents, receipts and delegations, with the given bugs.
 *
 * @param bugs - which bugs to switch on; none gives a correct producer.
 * @returns an implementation of the produce-intent, produce-receipt and produce-delegation profiles.
 */
export function producer(bugs: ProducerBugs): Adapter {
  return implementation(`producer ${JSON.stringify(bugs)}`, ['produce-intent', 'produce-receipt', 'produce-delegation'], (c) => {
    const input = c.input as Record<string, any>;
    const out = (doc: unknown) => ({ verdict: 'accept' as const, output: JSON.stringify(doc) });
    if (c.profile === 'produce-intent') {
      const intent = input['intent'] as Record<string, unknown>;
      const problem = intentProblem(intent);
      if (problem !== undefined) return reject(problem);
      const { intent_hash: _old, ...body } = intent;
      return out({ ...body, intent_hash: bugs.hashesWithOldHash === true ? hashOf(intent) : hashOf(body) });
    }
    const key = keyOf(input['key']);
    if (key === undefined) return { errored: true, context: { message: 'no signing key' } };
    if (c.profile === 'produce-receipt') {
      const intent = input['intent'] as Record<string, unknown>;
      const asked = input['receipt'] as Record<string, any>;
      const problem = intentProblem(intent);
      if (problem !== undefined) return reject(problem);
      const hash = intentHash(intent);
      if (bugs.trustsStatedHash !== true && intent['intent_hash'] !== hash) return reject('ERR_INTENT_HASH_MISMATCH');
      if (asked['capability_id'] !== undefined && asked['capability_id'] !== intent['capability_id']) return reject('ERR_RECEIPT_CAPABILITY_MISMATCH');
      if (asked['decision']?.verdict !== 'allow' && typeof asked['decision']?.reason !== 'string') return reject('ERR_SCHEMA_REQUIRED');
      const { action, ...rest } = asked;
      const body = {
        ...rest,
        capability_id: asked['capability_id'] ?? intent['capability_id'],
        intent_hash: bugs.trustsStatedHash === true ? intent['intent_hash'] : hash,
        ...(action === undefined ? {} : { action: { parameters: action.parameters, parameter_hash: hashOf(action.parameters) } }),
        kernel_key: key.hex,
      };
      return out(signed(body, key));
    }
    // produce-delegation: the child, one level deeper, signed by the parent's holder.
    const parent = input['parent'] as CapabilityToken;
    const asked = input['child'] as Record<string, any>;
    const ancestors = (input['ancestors'] as unknown[] | undefined) ?? [];
    const scope = bugs.parentScope === true ? parent.scope : (asked['scope'] ?? parent.scope);
    const expires = asked['expires_at'] ?? (asked['ttl_secs'] !== undefined ? asked['issued_at'] + asked['ttl_secs'] : parent.expires_at);
    const chain = input['link'] === false ? undefined : [
      ...(parent.delegation_chain ?? []),
      signed({ capability_id: parent.id, delegator: key.hex, delegatee: asked['subject'], timestamp: asked['issued_at'] }, key),
    ];
    const child = signed({
      ...asked,
      issuer: key.hex,
      scope,
      expires_at: expires,
      delegation_depth: (parent.delegation_depth ?? 0) + 1,
      parent_capability_id: parent.id,
      ...(chain === undefined ? {} : { delegation_chain: chain }),
    }, key) as unknown as CapabilityToken;
    if (bugs.signsBeforeNarrowing !== true) {
      const problem = chainProblem(child, [parent, ...ancestors], c.context as ConformanceContext);
      if (problem !== undefined) return reject(problem);
    }
    return out(child);
  });
}
