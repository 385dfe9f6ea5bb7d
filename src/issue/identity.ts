/**
 * Identity and discovery, issued (SPEC.md 7.2, 7.3, 12.1): an agent or merchant credential,
 * proved by its issuer for `assertionMethod`, and an agent card, proved by a key of the DID it
 * describes. Each is checked by the verifier before it is returned (see issue.ts): a credential
 * whose issuer is not the signer's DID is refused with `ERR_IDENTITY_ISSUER_MISMATCH`, as a
 * counterparty would refuse it, never signed and sent.
 *
 * A did:key signer needs nothing more. A did:web signer names its key (`verificationMethod`,
 * such as `did:web:shop.example#key-1`) and gives its DID document in `documents`, which the
 * check resolves the key with: writ never fetches one.
 */
import { randomUUID } from 'node:crypto';
import type { AgentCard, AgentCredential, AgentCredentialSubject, CredentialContext, CredentialIssuer, CredentialStatus, Extensions, ListedTool, MerchantCredential, MerchantCredentialSubject, ServiceEndpoint } from '../generated/types.js';
import { documentHash } from '../crypto/hash.js';
import { toDidKey } from '../crypto/keys.js';
import { isRecord } from '../encoding/json.js';
import type { Refusal } from '../issues.js';
import { gate, misuse, type IssueResult } from './issue.js';
import { didOf, methodOf, optional, othersOf, proofStart, proveAssertion, secondsOf, type ProofIssueOptions } from './proof.js';

/** The first and only context a credential has by default: Verifiable Credentials 2.0. */
const VC_CONTEXT = ['https://www.w3.org/ns/credentials/v2'];

/** The credential types writ issues. */
export type CredentialType = 'AgentCredential' | 'MerchantCredential';

const SCHEMA_OF = { AgentCredential: 'identity/agent-credential', MerchantCredential: 'identity/merchant-credential' } as const;

/** What a credential says, beside what the builder fills; `S` is its subject. */
export interface CredentialInput<S = AgentCredentialSubject | MerchantCredentialSubject> {
  /** Its contexts; `["https://www.w3.org/ns/credentials/v2"]` by default. */
  readonly '@context'?: CredentialContext;
  /** Its id; `urn:uuid:<uuid>` by default (a card and a trace name a credential by it). */
  readonly id?: string;
  /**
   * Its type: `AgentCredential` or `MerchantCredential`, written `["VerifiableCredential", type]`,
   * or the whole list. By default read from the subject: an agent's names its `operator`, a
   * merchant's its `legal_name`.
   */
  readonly type?: CredentialType | readonly string[];
  /** Who issues it: a DID, or an object whose `id` is one; the signer's did:key by default. */
  readonly issuer?: CredentialIssuer;
  /** Its name. */
  readonly name?: string;
  /** What it says, for people. */
  readonly description?: string;
  /** When it becomes valid, RFC 3339; `options.created`, else the time of the check, by default. */
  readonly validFrom?: string;
  /** When it stops being valid. */
  readonly validUntil?: string;
  /** Whom it is about. */
  readonly credentialSubject: S;
  /** Where to check whether it was revoked. */
  readonly credentialStatus?: CredentialStatus;
}

/** What an agent credential says: its subject names the agent and its operator. */
export type AgentCredentialInput = CredentialInput<AgentCredentialSubject>;

/** What a merchant credential says: its subject names the merchant and its legal name. */
export type MerchantCredentialInput = CredentialInput<MerchantCredentialSubject>;

/** The credential an input makes: a merchant's for a subject with a `legal_name`, an agent's for one with an `operator`. */
export type CredentialOf<I> = I extends { readonly credentialSubject: { readonly legal_name: string } }
  ? MerchantCredential
  : I extends { readonly credentialSubject: { readonly operator: string } }
    ? AgentCredential
    : AgentCredential | MerchantCredential;

/** The members of a credential the builder places, in the schema's order. */
const CREDENTIAL_MEMBERS = ['@context', 'id', 'type', 'issuer', 'name', 'description', 'validFrom', 'validUntil', 'credentialSubject', 'credentialStatus'] as const;

/** The type list of a credential and the schema it is checked against, from what was given. */
function kindOf(type: unknown, subject: unknown): { readonly ok: true; readonly type: unknown; readonly schema: (typeof SCHEMA_OF)[CredentialType] } | Refusal {
  if (type === 'AgentCredential' || type === 'MerchantCredential') return { ok: true, type: ['VerifiableCredential', type], schema: SCHEMA_OF[type] };
  if (type !== undefined && !Array.isArray(type)) return misuse('/type', 'the type is AgentCredential, MerchantCredential, or the whole type list (such as ["VerifiableCredential", "AgentCredential"])');
  const listed: CredentialType | undefined = Array.isArray(type) ? (type.includes('MerchantCredential') ? 'MerchantCredential' : type.includes('AgentCredential') ? 'AgentCredential' : undefined) : undefined;
  const read: CredentialType | undefined = isRecord(subject) ? ('legal_name' in subject ? 'MerchantCredential' : 'operator' in subject ? 'AgentCredential' : undefined) : undefined;
  const kind = listed ?? read;
  if (Array.isArray(type)) return { ok: true, type, schema: SCHEMA_OF[kind ?? 'AgentCredential'] };
  if (kind === undefined) {
    return misuse('/type', "name the credential's type, AgentCredential or MerchantCredential: its subject does not say (an agent's names its operator, a merchant's its legal_name)");
  }
  return { ok: true, type: ['VerifiableCredential', kind], schema: SCHEMA_OF[kind] };
}

/**
 * Issue an agent or a merchant credential (W3C Verifiable Credentials 2.0), proved by its issuer
 * for `assertionMethod`.
 *
 * @param input - its subject, and what else it says (type, issuer, validity, status).
 * @param issuer - the issuer's signing key.
 * @param options - the proof's verification method (required for a did:web issuer, with its DID
 *   document in `documents`) and `created` (`validFrom` by default), and the context of the
 *   check; checked at `validFrom` by default.
 * @returns the credential, as the verifier accepts it, or its refusal: a non-signing key or a
 *   malformed input is `ERR_USAGE_INVALID_ARGUMENT`; a credential proved by a key of another DID
 *   than its issuer's, `ERR_IDENTITY_ISSUER_MISMATCH`.
 * @example
 * ```ts
 * const vc = issueCredential(
 *   { type: 'AgentCredential', issuer: 'did:web:shop.example', validFrom: '2026-11-01T00:00:00Z', credentialSubject: { id: agentDid, operator: 'did:web:shop.example', roles: ['buyer'] } },
 *   shopKey,
 *   { verificationMethod: 'did:web:shop.example#key-1', documents: new Map([['did:web:shop.example', shopDidDocument]]) },
 * );
 * if (!vc.ok) throw new Error(`${vc.code} at ${vc.path}: ${vc.message}`);
 * ```
 */
export function issueCredential<I extends CredentialInput>(input: I, issuer: unknown, options: ProofIssueOptions = {}): IssueResult<CredentialOf<I>> {
  const start = proofStart(issuer, '/issuer', options, input, 'the credential must be an object with its credentialSubject', 'the credential');
  if (!start.ok) return start;
  const { signer, settings: s, input: c } = start;
  const kind = kindOf(c['type'], c['credentialSubject']);
  if (!kind.ok) return kind;
  const issuerMember = c['issuer'] ?? toDidKey(signer.publicKey);
  const issuerDid = didOf(issuerMember);
  if (issuerDid === undefined) return misuse('/issuer', 'the issuer is a DID, or an object whose id is one');
  const method = methodOf(issuerDid, signer.publicKey, s, '/issuer');
  if (!method.ok) return method;
  const validFrom = c['validFrom'] ?? s.created ?? s.nowText;
  const body = {
    '@context': c['@context'] ?? VC_CONTEXT,
    id: c['id'] ?? `urn:uuid:${randomUUID()}`,
    type: kind.type,
    issuer: issuerMember,
    ...optional('name', c['name']),
    ...optional('description', c['description']),
    validFrom,
    ...optional('validUntil', c['validUntil']),
    ...optional('credentialSubject', c['credentialSubject']),
    ...optional('credentialStatus', c['credentialStatus']),
    ...othersOf(c, CREDENTIAL_MEMBERS),
  };
  const created = s.created ?? (typeof validFrom === 'string' ? validFrom : s.nowText);
  const vc = proveAssertion<CredentialOf<I>>(body, signer.seed, method.method, created, s);
  return gate(vc, kind.schema, secondsOf(validFrom), [], options);
}

/** A credential an agent card lists: by id and hash. */
export interface CredentialReference {
  /** The credential's id. */
  readonly id: string;
  /** Its hash (SPEC.md 6.3), proof included. */
  readonly hash: string;
}

/** What an agent card says, beside what the builder fills. */
export interface AgentCardInput {
  /** The DID the card speaks for; the signer's did:key by default. Its key proves the card. */
  readonly id?: string;
  /** The service's name. */
  readonly name: string;
  /** What it offers. */
  readonly description?: string;
  /** The card's own version. */
  readonly version?: string;
  /** Where to reach the service. */
  readonly endpoints: readonly ServiceEndpoint[];
  /** The tools offered, with their pricing hints. */
  readonly tools: readonly ListedTool[];
  /**
   * Credentials about the owner: each a credential, listed by its id and hash and checked with
   * the card (its proof, its validity, its hash), or a reference `{ id, hash }` kept as given
   * (unchecked unless the credential is in `options.evidence`).
   */
  readonly credentials?: readonly (AgentCredential | MerchantCredential | CredentialReference)[];
  /** When the card was last published, RFC 3339; `options.created`, else the time of the check, by default. */
  readonly updated_at?: string;
  /** The card's extension point. */
  readonly extensions?: Extensions;
}

/** The members of a card the builder places, in the schema's order. */
const CARD_MEMBERS = ['id', 'name', 'description', 'version', 'endpoints', 'tools', 'credentials', 'updated_at', 'extensions'] as const;

/**
 * Issue an agent card (the service manifest at `/.well-known/agent.json`), proved for
 * `assertionMethod` by a key of the DID in its `id`.
 *
 * @param input - the card's name, endpoints, tools and credentials.
 * @param key - the signing key of the card's DID.
 * @param options - the proof's verification method (required for a did:web card, with its DID
 *   document in `documents`) and `created` (`updated_at` by default), and the context of the
 *   check; checked at the proof's `created` by default.
 * @returns the card, as the verifier accepts it (with an `ERR_IDENTITY_CREDENTIAL_NOT_GIVEN`
 *   warning for each credential listed by reference alone), or its refusal:
 *   `ERR_IDENTITY_ISSUER_MISMATCH` for a key of another DID than the card's, a listed credential's
 *   own refusal under `/credentials/<i>`.
 * @example
 * ```ts
 * const card = issueAgentCard({ name: 'Shop tools', endpoints: [{ url: 'https://shop.example/mcp', protocol: 'mcp' }], tools, credentials: [merchantCredential] }, shopKey);
 * ```
 */
export function issueAgentCard(input: AgentCardInput, key: unknown, options: ProofIssueOptions = {}): IssueResult<AgentCard> {
  const start = proofStart(key, '/key', options, input, 'the agent card must be an object with its name, endpoints and tools', 'the agent card');
  if (!start.ok) return start;
  const { signer, settings: s, input: c } = start;
  const id = c['id'] ?? toDidKey(signer.publicKey);
  if (typeof id !== 'string') return misuse('/id', "the card's id is the DID it speaks for");
  const method = methodOf(id, signer.publicKey, s, '/id');
  if (!method.ok) return method;
  const evidence: unknown[] = [];
  let credentials = c['credentials'];
  if (Array.isArray(credentials)) {
    const listed: unknown[] = [];
    for (const [i, entry] of credentials.entries()) {
      // A credential is listed by its id and hash, and checked with the card; a reference is kept.
      if (!isRecord(entry) || !('credentialSubject' in entry)) {
        listed.push(entry);
        continue;
      }
      if (typeof entry['id'] !== 'string') return misuse(`/credentials/${i}/id`, 'a card lists a credential by its id: this credential has none');
      listed.push({ id: entry['id'], hash: documentHash(entry) });
      evidence.push(entry);
    }
    credentials = listed;
  }
  const updatedAt = c['updated_at'] ?? s.created ?? s.nowText;
  const body = {
    id,
    ...optional('name', c['name']),
    ...optional('description', c['description']),
    ...optional('version', c['version']),
    ...optional('endpoints', c['endpoints']),
    ...optional('tools', c['tools']),
    ...optional('credentials', credentials),
    updated_at: updatedAt,
    ...optional('extensions', c['extensions']),
    ...othersOf(c, CARD_MEMBERS),
  };
  const created = s.created ?? (typeof updatedAt === 'string' ? updatedAt : s.nowText);
  return gate(proveAssertion<AgentCard>(body, signer.seed, method.method, created, s), 'discovery/agent-card', secondsOf(created), evidence, options);
}
