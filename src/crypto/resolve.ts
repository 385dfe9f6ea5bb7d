/**
 * Which key a Data Integrity proof names (SPEC.md 6.5). A `did:key` method is decoded from the
 * DID itself. Any other DID (did:web) resolves only through a DID document the caller supplies:
 * writ never fetches one. The method must be listed under the proof's purpose.
 */
import { fromBase64Url } from '../encoding/bytes.js';
import { fail, type Refusal } from '../issues.js';
import { fromMultikey } from './keys.js';

/** The DID documents the caller trusts, by DID. */
export type DidDocuments = ReadonlyMap<string, unknown>;

const PURPOSES = ['assertionMethod', 'authentication', 'capabilityInvocation', 'capabilityDelegation'] as const;

/**
 * The public key a verification method names, if it may be used for a purpose.
 *
 * @param verificationMethod - a DID URL, `did:...#fragment`.
 * @param purpose - the proof purpose.
 * @param documents - DID documents supplied by the caller.
 * @returns `{ ok: true, publicKey, did }`, or a refusal with `ERR_KEY_MALFORMED`,
 *   `ERR_KEY_UNRESOLVED` or `ERR_PROOF_PURPOSE`.
 */
export function resolveVerificationMethod(
  verificationMethod: string,
  purpose: string,
  documents: DidDocuments,
): { ok: true; publicKey: Uint8Array; did: string } | Refusal {
  const hash = verificationMethod.indexOf('#');
  const did = hash < 0 ? verificationMethod : verificationMethod.slice(0, hash);
  const fragment = hash < 0 ? '' : verificationMethod.slice(hash + 1);
  if (did.startsWith('did:key:')) {
    const mb = did.slice('did:key:'.length);
    const publicKey = fromMultikey(mb);
    if (publicKey === undefined || fragment !== mb) {
      return fail('ERR_KEY_MALFORMED', '/proof/verificationMethod', `${verificationMethod} is not an Ed25519 did:key method (did:key:z6Mk...#z6Mk..., the same key twice)`);
    }
    if (!(PURPOSES as readonly string[]).includes(purpose)) {
      return fail('ERR_PROOF_PURPOSE', '/proof/proofPurpose', `a did:key key cannot be used for ${purpose}`);
    }
    return { ok: true, publicKey, did };
  }
  const doc = documents.get(did) as Record<string, unknown> | undefined;
  if (doc === undefined) {
    return fail('ERR_KEY_UNRESOLVED', '/proof/verificationMethod', `no DID document for ${did} was supplied; writ does not fetch ${did.startsWith('did:web:') ? 'did:web documents' : 'DID documents'}`);
  }
  const matches = (id: unknown): boolean => typeof id === 'string' && (id === verificationMethod || (id.startsWith('#') && `${did}${id}` === verificationMethod));
  const methods = Array.isArray(doc['verificationMethod']) ? (doc['verificationMethod'] as Record<string, unknown>[]) : [];
  const relation = Array.isArray(doc[purpose]) ? (doc[purpose] as unknown[]) : [];
  const listed = relation.find((entry) => matches(entry) || (entry !== null && typeof entry === 'object' && matches((entry as Record<string, unknown>)['id'])));
  if (listed === undefined) {
    return fail('ERR_PROOF_PURPOSE', '/proof/verificationMethod', `${verificationMethod} is not listed under ${purpose} in the DID document of ${did}`);
  }
  const method = typeof listed === 'object' ? (listed as Record<string, unknown>) : methods.find((m) => matches(m['id']));
  if (method === undefined) {
    return fail('ERR_KEY_UNRESOLVED', '/proof/verificationMethod', `${verificationMethod} is listed under ${purpose} but is not a verification method of ${did}`);
  }
  let publicKey: Uint8Array | undefined;
  if (typeof method['publicKeyMultibase'] === 'string') publicKey = fromMultikey(method['publicKeyMultibase']);
  else if (method['publicKeyJwk'] !== null && typeof method['publicKeyJwk'] === 'object') {
    const jwk = method['publicKeyJwk'] as Record<string, unknown>;
    if (jwk['kty'] === 'OKP' && jwk['crv'] === 'Ed25519' && typeof jwk['x'] === 'string' && jwk['d'] === undefined) publicKey = fromBase64Url(jwk['x']);
  }
  if (publicKey?.length !== 32) {
    return fail('ERR_KEY_MALFORMED', '/proof/verificationMethod', `${verificationMethod} does not hold an Ed25519 public key (Multikey or OKP JWK)`);
  }
  return { ok: true, publicKey, did };
}
