/**
 * Which key a Data Integrity proof names (SPEC.md 6.5). A `did:key` method is decoded from the
 * DID itself. Any other DID (did:web) resolves only through a DID document the caller supplies:
 * writ never fetches one. The method must be listed under the proof's purpose.
 */
import { fromBase64Url } from '../encoding/bytes.js';
import { isRecord } from '../encoding/json.js';
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
  if (!verificationMethod.startsWith('did:')) {
    return fail('ERR_KEY_MALFORMED', '/proof/verificationMethod', `${verificationMethod} is not a DID URL (did:<method>:<id>#<fragment>)`);
  }
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
  const doc = documents.get(did);
  if (!isRecord(doc)) {
    return fail('ERR_KEY_UNRESOLVED', '/proof/verificationMethod', `no DID document for ${did} was supplied; writ does not fetch ${did.startsWith('did:web:') ? 'did:web documents' : 'DID documents'}`);
  }
  const matches = (id: unknown): boolean => typeof id === 'string' && (id === verificationMethod || (id.startsWith('#') && `${did}${id}` === verificationMethod));
  const declared = doc['verificationMethod'];
  const methods = Array.isArray(declared) ? declared.filter(isRecord) : [];
  const related = doc[purpose];
  const relation: unknown[] = Array.isArray(related) ? related : [];
  const listed = relation.find((entry) => matches(entry) || (isRecord(entry) && matches(entry['id'])));
  if (listed === undefined) {
    return fail('ERR_PROOF_PURPOSE', '/proof/verificationMethod', `${verificationMethod} is not listed under ${purpose} in the DID document of ${did}`);
  }
  const method = isRecord(listed) ? listed : methods.find((m) => matches(m['id']));
  if (method === undefined) {
    return fail('ERR_KEY_UNRESOLVED', '/proof/verificationMethod', `${verificationMethod} is listed under ${purpose} but is not a verification method of ${did}`);
  }
  let publicKey: Uint8Array | undefined;
  // One key form per method: a method holding two could name two keys.
  if (method['publicKeyMultibase'] !== undefined && method['publicKeyJwk'] !== undefined) publicKey = undefined;
  else if (typeof method['publicKeyMultibase'] === 'string') publicKey = fromMultikey(method['publicKeyMultibase']);
  else if (isRecord(method['publicKeyJwk'])) {
    const jwk = method['publicKeyJwk'];
    if (jwk['kty'] === 'OKP' && jwk['crv'] === 'Ed25519' && typeof jwk['x'] === 'string' && jwk['d'] === undefined) publicKey = fromBase64Url(jwk['x']);
  }
  if (publicKey?.length !== 32) {
    return fail('ERR_KEY_MALFORMED', '/proof/verificationMethod', `${verificationMethod} does not hold one Ed25519 public key (a Multikey or an OKP JWK, not both)`);
  }
  return { ok: true, publicKey, did };
}
