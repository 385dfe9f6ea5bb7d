// @ts-check
/**
 * The parties of the examples and their public test keys (SPEC.md 9): each party's Ed25519
 * private key is the SHA-256 of `writ/<line>/examples/<label>`; and how an example changed in
 * one place is signed, proved or hashed again. Written once, over the crypto functions it is
 * given: the generators (scripts/lib/parties.js) and the tests (test/verify/world.ts) each give
 * it writ's sources.
 *
 * @param {{ publicKeyOf: Function, signCompact: Function, signDataIntegrity: Function, documentHash: Function, sha256Bytes: Function, didKeyVerificationMethod: Function, toDidKey: Function, toMultikey: Function, toHex: Function }} crypto
 */
export function makeParties(crypto) {
  const { publicKeyOf, signCompact, signDataIntegrity, documentHash, sha256Bytes, didKeyVerificationMethod, toDidKey, toMultikey, toHex } = crypto;
  /** Every party of the examples, by the name the generators and tests use, with its label. */
  const PARTY_LABELS = {
    trust000: 'commerce-network/trust-control',
    buyerKernel: 'commerce-network/buyer-kernel',
    providerKernel: 'commerce-network/provider-kernel',
    commander: 'incident-network/commander-agent',
    triage: 'incident-network/triage-agent',
    change: 'incident-network/change-agent',
    liaison: 'incident-network/vendor-liaison-agent',
    coordinator: 'incident-network/provider-coordinator',
    executor: 'incident-network/provider-executor',
    opsKernel: 'incident-network/provider-ops-kernel',
    merchant: 'commerce-rails/dreamineering',
    user: 'commerce-rails/user',
    agent: 'commerce-rails/shopping-agent',
    recorder: 'commerce-rails/trace-recorder',
    trust002: 'commerce-rails/trust-control',
    agentKernel: 'commerce-rails/shopping-agent-kernel',
    toolsKernel: 'commerce-rails/dreamineering-tools-kernel',
    stranger: 'other/stranger',
  };

  /**
   * A party's keys, from its label.
   *
   * @param {string} label - e.g. `incident-network/commander-agent`.
   * @param {string} line - the schema line, `v1.0.0`.
   */
  function party(label, line = 'v1.0.0') {
    const seed = sha256Bytes(new TextEncoder().encode(`writ/${line}/examples/${label}`));
    const pk = publicKeyOf(seed);
    return { label, seed, pk, hex: toHex(pk), multikey: toMultikey(pk), didKey: toDidKey(pk), vm: didKeyVerificationMethod(pk) };
  }

  /** Every party, by name. */
  const PARTIES = Object.fromEntries(Object.entries(PARTY_LABELS).map(([name, label]) => [name, party(label)]));

  /**
   * Sign a document again with the compact envelope, after a change.
   *
   * @param {Record<string, unknown>} doc - the document, with or without its old signature.
   * @param {{ seed: Uint8Array }} signer - the party that signs.
   */
  function resign(doc, signer) {
    const { signature: _s, ...body } = doc;
    return signCompact(body, signer.seed);
  }

  /**
   * Prove a document again (eddsa-jcs-2022) with its proof's options, after a change.
   *
   * @param {Record<string, any>} doc - the document with its old proof.
   * @param {{ seed: Uint8Array }} signer - the party that proves.
   * @param {string} [verificationMethod] - another method than the old proof's.
   * @param {Record<string, unknown>} [extra] - options to add (`expires`).
   */
  function reprove(doc, signer, verificationMethod, extra = {}) {
    const { proof, ...body } = doc;
    const { proofValue: _v, '@context': _c, ...options } = proof;
    return signDataIntegrity(body, { ...options, ...extra, verificationMethod: verificationMethod ?? options.verificationMethod }, signer.seed);
  }

  /**
   * Give a governed intent its hash (SPEC.md 6.3): the hash of the intent without `intent_hash`.
   *
   * @param {Record<string, unknown>} intent - the intent, with or without a stale hash.
   */
  function rehash(intent) {
    const { intent_hash: _h, ...body } = intent;
    return { ...body, intent_hash: documentHash(body) };
  }

  return { PARTY_LABELS, party, PARTIES, resign, reprove, rehash };
}
