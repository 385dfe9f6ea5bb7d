/**
 * bundle (SPEC.md 12.6, 12.8), the evidence a bundle holds: Agent Commerce Rails' seven-station
 * bundle and who sealed it (sealers, pinned DID documents, a seal's expiry), the payments a bundle
 * counts against a cap, and each document of a bundle verified with the others as its evidence.
 */
import { documentHash } from '../../../src/crypto/hash.js';
import type { ErrorCode } from '../../../src/issues.js';
import { reprove, resign, type Party } from '../../lib/parties.js';
import { accept, at, b64, bundle, fixture, mut, rejectAll, text, unpack, utf8, vector, type Change, type Context, type Doc, type Docs, type Expect, type Files, type FileTree } from './shared.js';
import { AT, cart, coordinator, didContext, dispute, forkedVendor, intent, intentMandate, merchantCredential, merchantDid, NOV, P, pair, provider, quote, revocation, root, settled, smoke, T0, vendor } from './world.js';
import { intentAt, revokedBy } from './builders.js';
import { byUser, cartUnder, paidFor } from './mandate.js';
import { bundleVector } from './bundle.js';
import { DREAMINEERING_DID, pinned, seven, sevenDocs, sevenFiles } from './seven-station.js';

export function bundleEvidenceVectors(): void {
  // Trust (SPEC.md 12.8): who sealed the bundle, and which DID documents count.
  {
    const sevenStation = sevenDocs();
    const manifest = unpack(sevenFiles['bundle-manifest.json']);
    const BUNDLER = manifest.proof.verificationMethod.split('#')[0];
    const policy = { ...pinned, sealers: [BUNDLER] };
    const sevenBundle = (name: string, description: string, f: FileTree, expect: Expect, context: Omit<Context, 'now'> = policy): void => vector(`bundle/seven-station/${name}`, '12.8', description, { files: f }, at(NOV, context), expect);
    sevenBundle('sealed-by-a-named-sealer', 'The seven-station bundle, sealed by the bundler the trust policy names, with Dreamineering\'s DID document pinned: it verifies.', sevenFiles, accept());
    // Change an unsigned record, recompute its hash in the manifest, and seal it again.
    const changed = { ...sevenStation, 'settlement/budget-authorization.json': mut(sevenStation['settlement/budget-authorization.json'], (d) => (d.hold_id = 'hold-attacker')) };
    const resealed = (signer?: Party): Files => {
      const f = bundle(changed, (m) => ((m.bundle_id = manifest.bundle_id), (m.created_at = manifest.created_at)));
      const m = unpack(f['bundle-manifest.json']);
      const proved = signer === undefined ? m : reprove({ ...m, proof: manifest.proof }, signer, signer.vm);
      return { ...f, 'bundle-manifest.json': { base64: b64(utf8(text(proved))) } };
    };
    sevenBundle('resealed-by-a-stranger', 'Re-seal a bundle: an unsigned record changed, its hash recomputed in the manifest, and the manifest proved again with a stranger\'s did:key. The trust policy names the bundler, not the stranger; and the trace, proved by its recorder, is not the new sealer\'s.', resealed(P.stranger), rejectAll('ERR_BUNDLE_SEAL_UNTRUSTED', 'ERR_REPLAY_LINK_BROKEN'));
    sevenBundle('seal-stripped', 'Re-seal a bundle by stripping the seal: the changed record\'s hash recomputed and the manifest left without a proof, under a trust policy that names a sealer.', resealed(undefined), rejectAll('ERR_BUNDLE_UNSEALED'));
    for (const [path, what, also] of [
      ['settlement/settlement.json', 'the settlement', []],
      ['receipts/provider-receipt.json', 'the provider\'s receipt (the trace, which names its hash, breaks too)', ['ERR_REPLAY_LINK_BROKEN']],
      ['capability/lineage.json', 'the lineage record', []],
    ] satisfies [string, string, ErrorCode[]][]) {
      const { [path]: _gone, ...rest } = sevenStation;
      vector(`bundle/seven-station/${(path.split('/')[1] as string).replace('.json', '')}-deleted`, '12.8', `Hide a missing hop: ${what} deleted from the purchase bundle, its hash dropped from the manifest, which is left unsealed.`, { files: bundle(rest, (m) => ((m.transaction = 'purchase'), (m.bundle_id = manifest.bundle_id))) }, at(NOV, pinned), rejectAll('ERR_BUNDLE_REQUIRED_MISSING', ...also));
    }
    // A did:web sealer (SPEC.md 12.8, trust): the caller pins its DID document, which the bundle carries.
    const merchantSealed = (() => {
      const f = bundle({ 'identity/dreamineering-did.json': DREAMINEERING_DID, 'settlement/settlement.json': sevenStation['settlement/settlement.json'] }, (m) => ((m.bundle_id = 'dreamineering-sealed'), (m.created_at = manifest.created_at)));
      const m = unpack(f['bundle-manifest.json']);
      return { ...f, 'bundle-manifest.json': { base64: b64(utf8(text(reprove({ ...m, proof: manifest.proof }, P.merchant, 'did:web:dreamineering.com#key-1')))) } };
    })();
    vector('bundle/sealed-by-a-pinned-did-web', '12.8', 'A bundle sealed by did:web:dreamineering.com, whose DID document it carries and the caller pins: the pinned document resolves the seal, and the policy names that sealer.', { files: merchantSealed }, at(NOV, { ...pinned, sealers: ['did:web:dreamineering.com'] }), accept());
    vector('bundle/sealed-by-an-unpinned-did-web', '12.8', 'The same bundle, its DID document not pinned: the document cannot vouch for the seal of the bundle that carries it, so the seal\'s key is unresolved.', { files: merchantSealed }, at(NOV, { sealers: ['did:web:dreamineering.com'] }), rejectAll('ERR_KEY_UNRESOLVED'));
    sevenBundle('did-document-not-pinned', 'The bundle\'s own DID document for did:web:dreamineering.com, not pinned by the caller: it does not vouch for itself, so Dreamineering\'s proofs cannot be resolved.', sevenFiles, rejectAll('ERR_KEY_UNRESOLVED'), { sealers: [BUNDLER] });
    // Second routes for the seal (issue 11): a party the caller can resolve, and a bundle never sealed.
    vector('bundle/sealed-by-a-known-party-not-named', '12.8', 'The bundle sealed by did:web:dreamineering.com, whose pinned DID document resolves the seal, under a policy that names the bundler only: the seal verifies, and it is not a sealer\'s.', { files: merchantSealed }, at(NOV, { ...pinned, sealers: [BUNDLER] }), rejectAll('ERR_BUNDLE_SEAL_UNTRUSTED'));
    vector('bundle/never-sealed-under-a-named-sealer', '12.8', 'A bundle of Dreamineering\'s DID document and the settlement that was never sealed, under a policy that names did:web:dreamineering.com as its sealer.', { files: bundle({ 'identity/dreamineering-did.json': DREAMINEERING_DID, 'settlement/settlement.json': sevenStation['settlement/settlement.json'] }, (m) => ((m.bundle_id = 'dreamineering-sealed'), (m.created_at = manifest.created_at))) }, at(NOV, { ...pinned, sealers: ['did:web:dreamineering.com'] }), rejectAll('ERR_BUNDLE_UNSEALED'));
    // Bring your own DID document: a did:web document listing the stranger's key, and a merchant
    // credential proved by it.
    const forgedDid = mut(DREAMINEERING_DID, (d) => (d.verificationMethod[0].publicKeyMultibase = P.stranger.multikey));
    const forgedCredential = reprove(mut(sevenStation['identity/merchant-credential.json'], (d) => (d.name = 'Dreamineering (forged)')), P.stranger);
    bundleVector('forged-did-document', 'Bring your own DID document: a forged did:web:dreamineering.com document listing a stranger\'s key, beside a merchant credential that key proved. The document is not pinned, so it does not count, and the credential\'s key cannot be resolved.', bundle({ 'identity/dreamineering-did.json': forgedDid, 'identity/merchant-credential.json': forgedCredential }), NOV, rejectAll('ERR_KEY_UNRESOLVED'));
    vector('bundle/forged-did-document-beside-the-pinned-one', '12.8', 'The forged DID document while the caller pins the genuine one: a pin counts for the document of its hash only.', { files: bundle({ 'identity/dreamineering-did.json': forgedDid, 'identity/merchant-credential.json': forgedCredential }) }, at(NOV, pinned), rejectAll('ERR_KEY_UNRESOLVED'));
  }
  {
    // What earlier payments paid (SPEC.md 12.6 step 7): in a bundle, the payment mandates under the
    // same intent mandate with an earlier timestamp. Two carts under the 20.00 USD intent mandate,
    // each paid by its own payment mandate, the first at 10:06, the second at 10:07; each total is
    // stated here in decimal, and the second payment, with the first, reaches the cap or passes it.
    const cartOf = (n: number, total: string): Doc =>
      cartUnder(
        mut(cart, (d) => {
          d.contents.id = `cart-spent-${n}`;
          d.contents.payment_request.details.id = `pr-spent-${n}`;
          d.contents.payment_request.details.total.amount.value = total;
          d.contents.payment_request.details.display_items[0].amount.value = total;
        }),
        intentMandate,
      );
    const paymentOf = (n: number, c: Doc, time: string): Doc =>
      paidFor(c, intentMandate, (d) => {
        d.payment_mandate_contents.payment_mandate_id = `pm-spent-${n}`;
        d.payment_mandate_contents.payment_details_id = c.contents.payment_request.details.id;
        d.payment_mandate_contents.payment_details_total.amount.value = c.contents.payment_request.details.total.amount.value;
        d.payment_mandate_contents.timestamp = time;
      });
    const twoPayments = (first: string, second: string): Files => {
      const c1 = cartOf(1, first);
      const c2 = cartOf(2, second);
      return bundle({
        'mandates/intent-mandate.json': intentMandate,
        'mandates/cart-1.json': c1,
        'mandates/payment-1.json': paymentOf(1, c1, '2026-11-01T10:06:00Z'),
        'mandates/cart-2.json': c2,
        'mandates/payment-2.json': paymentOf(2, c2, '2026-11-01T10:07:00Z'),
      });
    };
    const spentVector = (name: string, description: string, first: string, second: string, expect: Expect): void => vector(`bundle/encoding/spent/${name}`, '12.6', description, { files: twoPayments(first, second) }, didContext(NOV), expect);
    spentVector('0.05-then-reaches-the-cap', 'A first payment of 0.05 USD, then one of 19.95 under the 20.00 cap: together exactly the cap, so both verify.', '0.05', '19.95', accept());
    spentVector('0.05-then-passes-the-cap', 'A first payment of 0.05 USD, then one of 19.96 under the 20.00 cap: together 20.01, a cent over, so the second is refused.', '0.05', '19.96', rejectAll('ERR_MANDATE_OVER_CAP'));
    spentVector('1.05-then-reaches-the-cap', 'A first payment of 1.05 USD, then one of 18.95 under the 20.00 cap: together exactly the cap.', '1.05', '18.95', accept());
    spentVector('1.05-then-passes-the-cap', 'A first payment of 1.05 USD, then one of 18.96 under the 20.00 cap: together 20.01, a cent over.', '1.05', '18.96', rejectAll('ERR_MANDATE_OVER_CAP'));
    spentVector('1.50-then-reaches-the-cap', 'A first payment of 1.50 USD (a trailing zero), then one of 18.50 under the 20.00 cap: together exactly the cap.', '1.50', '18.50', accept());
    spentVector('1.50-then-passes-the-cap', 'A first payment of 1.50 USD, then one of 18.51 under the 20.00 cap: together 20.01, a cent over.', '1.50', '18.51', rejectAll('ERR_MANDATE_OVER_CAP'));
    spentVector('10-then-reaches-the-cap', 'A first payment of 10 USD (no fraction digits), then one of 10.00 under the 20.00 cap: together exactly the cap.', '10', '10.00', accept());
    spentVector('10-then-passes-the-cap', 'A first payment of 10 USD, then one of 10.01 under the 20.00 cap: together 20.01, a cent over.', '10', '10.01', rejectAll('ERR_MANDATE_OVER_CAP'));
    {
      // A payment mandate whose total is negative (-0.05) is no payment of its cart's total: it is
      // refused on its own. The payment after it, of 20.00, is within the 20.00 cap whatever the
      // refused one counts for, as long as it does not count as a positive amount.
      const c = cartOf(3, '20.00');
      const negative = paymentOf(4, c, '2026-11-01T10:06:00Z');
      const files_ = bundle({
        'mandates/intent-mandate.json': intentMandate,
        'mandates/cart-3.json': c,
        'mandates/payment-negative.json': byUser(mut(negative, (d) => (d.payment_mandate_contents.payment_details_total.amount.value = '-0.05'))),
        'mandates/payment-3.json': paymentOf(3, c, '2026-11-01T10:07:00Z'),
      });
      vector('bundle/encoding/spent/negative-payment-then-the-cap', '12.6', 'A payment mandate of -0.05 USD for a cart of 20.00, then a payment of 20.00 for that cart under the 20.00 cap: the first does not pay its cart\'s total and is refused; the second, with what the first paid (nothing more than zero), is within the cap.', { files: files_ }, didContext(NOV), rejectAll('ERR_MANDATE_CART_MISMATCH'));
      // A forged record cannot hide a payment: a payment mandate of -5.00 USD that no one signed,
      // between a payment of 16.00 and one of 5.00, counts as nothing, not as -5.00, so the second
      // payment brings what was paid to 21.00, over the 20.00 cap.
      const big = cartOf(5, '16.00');
      const small = cartOf(6, '5.00');
      const forged = mut(paymentOf(7, small, '2026-11-01T10:06:00Z'), (d) => (d.payment_mandate_contents.payment_details_total.amount.value = '-5.00'));
      const hidden = bundle({
        'mandates/intent-mandate.json': intentMandate,
        'mandates/cart-5.json': big,
        'mandates/payment-5.json': paymentOf(5, big, '2026-11-01T10:05:00Z'),
        'mandates/cart-6.json': small,
        'mandates/payment-forged.json': forged,
        'mandates/payment-6.json': paymentOf(6, small, '2026-11-01T10:07:00Z'),
      });
      vector('bundle/encoding/spent/forged-negative-payment-hides-nothing', '12.6', "A payment of 16.00 USD, then a payment mandate of -5.00 that its user never signed (its proof no longer verifies), then a payment of 5.00, under the 20.00 cap: the forged record counts as nothing, never as less, so the last payment brings what was paid to 21.00 and is over the cap.", { files: hidden }, didContext(NOV), rejectAll('ERR_MANDATE_OVER_CAP', 'ERR_PROOF_INVALID'));
    }
  }
  {
    const { original, manifest, policy } = seven;
    // A seal bounded in time (SPEC.md 12.8 step 2, 6.2): the manifest proved by the recorder with
    // an expires, the bundle checked at 10:08 under a policy that names the recorder as sealer.
    const sealedUntil = (expires: string): Files => {
      const f = bundle(original, (m) => ((m.bundle_id = manifest.bundle_id), (m.created_at = manifest.created_at), (m.transaction = manifest.transaction)));
      const m = unpack(f['bundle-manifest.json']);
      return { ...f, 'bundle-manifest.json': { base64: b64(utf8(text(reprove({ ...m, proof: { ...manifest.proof, expires } }, P.recorder)))) } };
    };
    vector('bundle/seal/expires-after-now', '12.8', 'The seven-station bundle sealed by the recorder with a proof that expires at 10:09, checked at 10:08 by a policy that names the recorder: the seal still holds, and the bundle verifies.', { files: sealedUntil('2026-11-01T10:09:00Z') }, at(NOV, policy), accept());
    vector('bundle/seal/expires-at-now', '12.8', 'The same bundle sealed with a proof that expires at 10:08, the time of verification: the seal has expired, so the hashes it records cannot be trusted.', { files: sealedUntil('2026-11-01T10:08:00Z') }, at(NOV, policy), rejectAll('ERR_PROOF_EXPIRED'));
  }
  // Mutation boundaries of the verifiers: src/verify/document.ts.
  {
    // Each document of a bundle verified with the others as its evidence (SPEC.md 12.8): the
    // revocations that count, the intent a receipt or a pair commits to, the credentials a card
    // lists, the mandates, reconciliations, settlements, tasks and denials of a bundle.
    const docBundle = (name: string, description: string, docs: Docs, now: number, expect: Expect, context: Omit<Context, 'now'> = {}): void => vector(`bundle/document/${name}`, '12.8', description, { files: bundle(docs) }, at(now, context), expect);
    const REVOKED_AT = revocation.revoked_at;
    const revokedChain = rejectAll('ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR');
    // Revocations (SPEC.md 12.2, 12.8): a signed record counts when its signature verifies and its
    // signer issued the capability or an ancestor; an unsigned one is the holder's own record.
    /** The commander's revocation of the provider coordinator's capability: an ancestor's issuer may revoke it (revokeCapability). */
    const coordinatorRevoked = revokedBy(coordinator, revocation, P.commander, [root, vendor]);
    const { signature: _sig, revoked_by: _by, ...unsignedRevocation } = revocation;
    docBundle('revocation-unsigned-counts', 'The Incident Network smoke bundle with an unsigned revocation record of the vendor liaison capability (no signature, no revoked_by): the holder\'s own record counts, so the vendor liaison capability and everything under it are revoked.', { ...smoke, 'revocations/vendor.json': unsignedRevocation }, AT, revokedChain);
    docBundle('revocation-by-ancestor-issuer', 'The smoke bundle with a revocation of the provider coordinator\'s capability signed by the commander, who issued the vendor liaison capability it descends from: an ancestor\'s issuer may revoke it, so the coordinator and the executor under it are revoked.', { ...smoke, 'revocations/coordinator.json': coordinatorRevoked }, AT, revokedChain);
    docBundle('revocation-signature-broken', 'The smoke bundle with the commander\'s revocation of the vendor liaison capability whose revoked_at was changed after signing: its signature fails, so it is refused and does not count, and the chain is live.', { ...smoke, 'revocations/vendor.json': { ...revocation, revoked_at: REVOKED_AT + 1 } }, AT, rejectAll('ERR_SIG_INVALID'));
    docBundle('revocation-by-a-stranger-signature-broken', 'A stranger\'s revocation of the vendor liaison capability, changed after the stranger signed it: its signature fails first, so it is refused as ERR_SIG_INVALID, before who may revoke is asked.', { ...smoke, 'revocations/vendor.json': { ...resign({ ...revocation, revoked_by: P.stranger.hex }, P.stranger), revoked_at: REVOKED_AT + 1 } }, AT, rejectAll('ERR_SIG_INVALID'));
    const later = revokedBy(vendor, { ...revocation, revoked_at: T0 + 100 }, P.commander, [root]);
    docBundle('revocation-twice-later-last', 'The vendor liaison capability revoked twice by the commander, at 1776272790 and again at 1776272875 (the later record listed last), checked at 1776272820: it is revoked from the earlier time, so the chain is revoked.', { ...smoke, 'revocations/vendor-1.json': revocation, 'revocations/vendor-2.json': later }, AT, revokedChain);
    docBundle('revocation-twice-later-first', 'The same two revocations with the later record listed first: the earlier time still counts.', { ...smoke, 'revocations/vendor-1.json': later, 'revocations/vendor-2.json': revocation }, AT, revokedChain);
    docBundle('revocation-from-the-caller', 'The smoke bundle, with the caller\'s trusted revocation of the vendor liaison capability at 1776272790 in the context: the caller\'s revocations count with the evidence\'s.', smoke, AT, revokedChain, { revocations: [{ capability_id: vendor.id, revoked_at: REVOKED_AT }] });
    // A capability that names itself as its parent: the walk up its ancestors ends.
    const selfParent = resign(mut(vendor, (d) => ((d.id = 'INC-2026-0428-loop'), (d.issuer = P.stranger.hex), (d.parent_capability_id = 'INC-2026-0428-loop'))), P.stranger);
    docBundle('revocation-of-a-self-parent-capability', 'A stranger\'s capability that names itself as its parent, and the commander\'s revocation of it: its chain loops back to itself, and the commander issued neither it nor any capability it descends from, so the revocation is refused (and the walk up its ancestors ends).', { 'capabilities/loop.json': selfParent, 'revocations/loop.json': resign({ ...revocation, capability_id: selfParent.id }, P.commander) }, AT, rejectAll('ERR_CHAIN_CYCLE', 'ERR_KEY_NOT_AUTHORIZED'));
    docBundle('revocation-of-a-child-of-a-forked-id', 'A self-signed fork of the vendor liaison capability\'s id beside the genuine one, and the commander\'s revocation of the provider coordinator\'s capability: its parent is held twice under one id, so nothing shows the commander issued an ancestor, and the revocation is refused.', { ...smoke, 'capabilities/forked-vendor.json': forkedVendor, 'revocations/coordinator.json': coordinatorRevoked }, AT, rejectAll('ERR_CHAIN_DUPLICATE_ID', 'ERR_KEY_NOT_AUTHORIZED'));
    // The caller's DID documents count with the pinned ones.
    docBundle('did-document-from-the-caller', 'Dreamineering\'s merchant credential alone in a bundle, the caller supplying Dreamineering\'s DID document: the proof resolves with the caller\'s document.', { 'identity/merchant-credential.json': merchantCredential }, NOV, accept(), { documents: [merchantDid] });
    // An intent copy placed after the genuine intent, its intent_hash kept: a receipt is checked against the intact one.
    const buyerReceipt = fixture('receipt/tool-call', 'buyer.commerce-network');
    docBundle('receipt-beside-a-tampered-intent-copy', 'The buyer\'s receipt with its intent, and after it a copy of the intent under another capability that keeps the stated intent_hash: the copy\'s hash does not recompute, and the receipt is checked against the genuine intent, under whose capability it is.', { 'intent/intent.json': intent, 'intent/intent-copy.json': mut(intent, (d) => (d.capability_id = 'cap-elsewhere')), 'receipts/buyer.json': buyerReceipt }, T0, rejectAll('ERR_INTENT_HASH_MISMATCH'));
    // A receipt pair (SPEC.md 12.4): with its intent, its commitment is checked; without, both signatures.
    docBundle('pair-without-intent', 'Agent Commerce Network\'s receipt pair alone: without its intent, both receipts\' signatures verify, and the commitment is left unchecked.', { 'receipts/pair.json': pair }, T0, accept());
    docBundle('pair-without-intent-buyer-altered', 'The receipt pair alone, its buyer receipt\'s timestamp changed after the buyer kernel signed it: the buyer receipt\'s signature fails.', { 'receipts/pair.json': mut(pair, (d) => (d.buyer_receipt.timestamp += 1)) }, T0, rejectAll('ERR_SIG_INVALID'));
    docBundle('pair-without-intent-provider-altered', 'The receipt pair alone, its provider receipt\'s timestamp changed after the provider kernel signed it: the provider receipt\'s signature fails.', { 'receipts/pair.json': mut(pair, (d) => (d.provider_receipt.timestamp += 1)) }, T0, rejectAll('ERR_SIG_INVALID'));
    docBundle('pair-with-intent', 'The receipt pair with its intent: both receipts commit to the hash recomputed from the intent.', { 'intent/intent.json': intent, 'receipts/pair.json': pair }, T0, accept());
    docBundle('pair-with-intent-another-tool', 'The receipt pair with its intent, the provider receipt re-signed by its kernel for export_findings, another tool than the intent names: the intent is given, so the pair is checked against it.', { 'intent/intent.json': intent, 'receipts/pair.json': { ...pair, provider_receipt: resign({ ...provider, tool_name: 'export_findings' }, P.providerKernel) } }, T0, rejectAll('ERR_INTENT_TOOL_MISMATCH'));
    // The seven-station documents (SPEC.md 12.8, 12.9), each verified with the others of a bundle.
    const sevenStation = sevenDocs();
    const DID = { 'identity/dreamineering-did.json': DREAMINEERING_DID };
    const sevenDoc = (name: string, description: string, docs: Docs, expect: Expect): void => docBundle(name, description, docs, NOV, expect, pinned);
    const IM = sevenStation['mandates/intent-mandate.json'];
    const CM = sevenStation['mandates/cart-mandate.json'];
    const PM = sevenStation['mandates/payment-mandate.json'];
    const AGENT = sevenStation['identity/agent-credential.json'];
    const MERCHANT = sevenStation['identity/merchant-credential.json'];
    const CARD = sevenStation['manifest/agent-card.json'];
    const ZERO_HASH = `sha256:${'0'.repeat(64)}`;
    // Credentials and cards (SPEC.md 12.1).
    sevenDoc('agent-credential-altered', 'The shopping agent\'s credential, its name changed after it was proved: its proof fails.', { ...DID, 'identity/agent-credential.json': mut(AGENT, (d) => (d.name = `${d.name ?? 'agent'} (altered)`)) }, rejectAll('ERR_PROOF_INVALID'));
    sevenDoc('agent-card-altered', 'Dreamineering\'s agent card, its first tool\'s name changed after it was proved: its proof fails.', { ...DID, 'identity/merchant-credential.json': MERCHANT, 'manifest/agent-card.json': mut(CARD, (d) => (d.tools[0].name = 'market-brief')) }, rejectAll('ERR_PROOF_INVALID'));
    sevenDoc('agent-card-lists-the-merchant-credential-under-another-hash', 'The agent card, proved again by Dreamineering, lists its merchant credential under another hash than the credential the bundle holds hashes to.', { ...DID, 'identity/merchant-credential.json': MERCHANT, 'manifest/agent-card.json': reprove(mut(CARD, (d) => (d.credentials = [{ id: MERCHANT.id, hash: ZERO_HASH }])), P.merchant) }, rejectAll('ERR_IDENTITY_CREDENTIAL_MISMATCH'));
    sevenDoc('agent-card-lists-the-agent-credential-under-another-hash', 'The agent card, proved again by Dreamineering, lists the shopping agent\'s credential, which the bundle holds, under another hash than it hashes to.', { ...DID, 'identity/agent-credential.json': AGENT, 'manifest/agent-card.json': reprove(mut(CARD, (d) => (d.credentials = [{ id: AGENT.id, hash: ZERO_HASH }])), P.merchant) }, rejectAll('ERR_IDENTITY_CREDENTIAL_MISMATCH'));
    // Mandates (SPEC.md 12.6): each on its own, and the chain when the bundle has it.
    sevenDoc('intent-mandate-altered', 'The user\'s intent mandate, its description changed after the user proved it: its proof fails.', { 'mandates/intent-mandate.json': mut(IM, (d) => (d.natural_language_description += ' (altered)')) }, rejectAll('ERR_PROOF_INVALID'));
    sevenDoc('cart-mandate-altered', 'Dreamineering\'s cart mandate, its merchant name changed after it was proved: its proof fails.', { ...DID, 'mandates/cart-mandate.json': mut(CM, (d) => (d.contents.merchant_name = 'Elsewhere Ltd')) }, rejectAll('ERR_PROOF_INVALID'));
    sevenDoc('cart-mandate-alone', 'Dreamineering\'s cart mandate alone, no intent mandate given: its proof verifies, and its link to the intent mandate is left unchecked.', { ...DID, 'mandates/cart-mandate.json': CM }, accept());
    sevenDoc('cart-mandate-proved-by-the-user', 'The cart mandate proved again by the user\'s key instead of the merchant\'s: a cart must be proved by its merchant.', { 'mandates/cart-mandate.json': reprove(CM, P.user, P.user.vm) }, rejectAll('ERR_MANDATE_WRONG_SIGNER'));
    sevenDoc('cart-mandate-beside-another-intent-mandate', 'The cart mandate beside an intent mandate, proved again by the user, whose description was changed: an intent mandate is given, and none hashes to the one the cart names.', { ...DID, 'mandates/cart-mandate.json': CM, 'mandates/intent-mandate.json': reprove(mut(IM, (d) => (d.natural_language_description += ' (another)')), P.user) }, rejectAll('ERR_MANDATE_CHAIN_BROKEN'));
    sevenDoc('payment-mandate-alone', 'The payment mandate alone: neither the intent mandate nor the cart it names by hash is given.', { 'mandates/payment-mandate.json': PM }, rejectAll('ERR_MANDATE_CHAIN_BROKEN'));
    sevenDoc('payment-mandate-without-its-cart', 'The payment mandate with its intent mandate, but not the cart mandate it names.', { 'mandates/intent-mandate.json': IM, 'mandates/payment-mandate.json': PM }, rejectAll('ERR_MANDATE_CHAIN_BROKEN'));
    sevenDoc('payment-mandate-without-its-intent-mandate', 'The payment mandate with its cart mandate, but not the intent mandate it names.', { ...DID, 'mandates/cart-mandate.json': CM, 'mandates/payment-mandate.json': PM }, rejectAll('ERR_MANDATE_CHAIN_BROKEN'));
    {
      // Payments under one intent mandate count against its cap in the order they were made.
      const chainDocs = { ...DID, 'mandates/intent-mandate.json': IM, 'mandates/cart-mandate.json': CM, 'mandates/payment-mandate.json': PM };
      const payAt = (n: string | number, seconds: number, change: Change = () => {}): Doc => reprove(mut(PM, (d) => ((d.payment_mandate_contents.payment_mandate_id = `pm-2026-11-01-00${n}`), (d.payment_mandate_contents.timestamp = new Date(Date.parse(PM.payment_mandate_contents.timestamp) + seconds * 1000).toISOString().replace('.000Z', 'Z')), change(d))), P.user);
      const five = Object.fromEntries([2, 3, 4, 5].map((n) => [`mandates/payment-mandate-${n}.json`, payAt(`0${n}`, n - 1)]));
      sevenDoc('five-payments-in-five-seconds-over-cap', 'Five payments of 5.00 USD of the one cart under the 20.00 USD intent mandate, one a second: the fifth sees 20.00 already paid, and is over the cap.', { ...chainDocs, ...five }, rejectAll('ERR_MANDATE_OVER_CAP'));
      sevenDoc('four-payments-in-four-seconds-at-cap', 'Four payments of 5.00 USD of the one cart under the 20.00 USD intent mandate, one a second: the last sees 15.00 paid before it, 20.00 in all, exactly the cap.', { ...chainDocs, ...Object.fromEntries(Object.entries(five).slice(0, 3)) }, accept());
      // A later payment whose cart is not given: it fails on its own, and it was made after the
      // first, so the first does not count it, whichever of the two hashes first.
      const big = (d: Doc): unknown => ((d.cart_mandate_hash = ZERO_HASH), (d.payment_mandate_contents.payment_details_total.amount.value = '20.00'));
      const pick = (seconds: number, wanted: boolean): Doc => {
        for (let n = 10; n < 99; n++) {
          const p = payAt(n, seconds, big);
          if ((documentHash(p) < documentHash(PM)) === wanted) return p;
        }
        throw new Error('no payment id with the wanted hash order');
      };
      sevenDoc('later-payment-not-counted-by-the-first', 'The first payment of 5.00 USD, and a minute later a payment of 20.00 USD under the same intent mandate whose cart is not given (it hashes before the first): the later one fails as a broken chain, and the first, made before it, does not count it, so it is within the cap.', { ...chainDocs, 'mandates/payment-mandate-later.json': pick(60, true) }, rejectAll('ERR_MANDATE_CHAIN_BROKEN'));
      sevenDoc('same-second-payment-hashing-after-not-counted', 'The first payment of 5.00 USD, and in the same second a payment of 20.00 USD under the same intent mandate whose cart is not given and which hashes after the first: within the second the hash orders them, so the first does not count it, and only the other fails, as a broken chain.', { ...chainDocs, 'mandates/payment-mandate-same-second.json': pick(0, false) }, rejectAll('ERR_MANDATE_CHAIN_BROKEN'));
      sevenDoc('earlier-payment-under-another-intent-mandate', 'The payment of 5.00 USD, and a minute before it a payment of 20.00 USD under another intent mandate (not given): that one fails as a broken chain, and it does not count against this intent mandate\'s cap.', { ...chainDocs, 'mandates/payment-mandate-other.json': payAt(90, -60, (d) => ((d.intent_mandate_hash = ZERO_HASH), (d.payment_mandate_contents.payment_details_total.amount.value = '20.00'))) }, rejectAll('ERR_MANDATE_CHAIN_BROKEN'));
    }
    // Settlements (SPEC.md 12.7) against the dispute, the intent and the quote of the bundle.
    docBundle('settlement-with-its-dispute', 'The settlement still reported reconciled beside a dispute over it: its state is wrong.', { 'settlement/settlement.json': settled, 'settlement/dispute.json': dispute }, T0, rejectAll('ERR_SETTLEMENT_STATE'));
    docBundle('settlement-beside-a-dispute-of-another', 'The reconciled settlement beside a dispute over another settlement: no dispute stands over this one, and it verifies.', { 'settlement/settlement.json': settled, 'settlement/dispute.json': { ...dispute, settlement_id: 'settlement_other' } }, T0, accept());
    docBundle('settlement-quote-misstated', 'The settlement beside its quote, whose price is 120000 while the settlement quotes 125000; no intent names a quote, so the quote given is the one it is checked against.', { 'settlement/settlement.json': settled, 'commercial/quote.json': { ...quote, price_minor: 120000 } }, T0, rejectAll('ERR_SETTLEMENT_QUOTE_MISMATCH'));
    docBundle('settlement-quote-misstated-with-intent', 'The settlement with its intent and the quote the intent names, whose price is 120000 while the settlement quotes 125000.', { 'settlement/settlement.json': settled, 'intent/intent.json': intent, 'commercial/quote.json': { ...quote, price_minor: 120000 } }, T0, rejectAll('ERR_SETTLEMENT_QUOTE_MISMATCH'));
    docBundle('settlement-quote-of-another-id-first', 'The settlement with its intent, a quote under another id priced 120000 listed first, and the quote the intent names: the settlement is checked against the intent\'s quote, which it states.', { 'settlement/settlement.json': settled, 'intent/intent.json': intent, 'commercial/quote-other.json': { ...quote, quote_id: `${quote.quote_id}-other`, price_minor: 120000 }, 'commercial/quote.json': quote }, T0, accept());
    docBundle('settlement-over-its-intent', 'The settlement beside an intent, hashed again, whose worst-case price is 100000: more was approved than the intent allows.', { 'settlement/settlement.json': settled, 'intent/intent.json': intentAt(mut(intent, (d) => (d.billing_context.max_price_minor = 100000)), T0) }, T0, rejectAll('ERR_SETTLEMENT_OVER_INTENT'));
    // Tasks and denials (SPEC.md 12.8).
    {
      const denial = fixture('task/process-task-response', 'revoked-ancestor.incident-network');
      const revoked = { ...smoke, 'revocations/vendor.json': revocation };
      docBundle('denial-of-a-capability-not-in-the-bundle', 'The provider\'s denial names a revoked ancestor the bundle does not hold: nothing shows it denied the task.', { ...revoked, 'task/denial.json': mut(denial, (d) => (d.execution.revoked_capability_id = 'INC-2026-0428-unknown')) }, AT, rejectAll('ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR', 'ERR_CHAIN_DENIAL_MISMATCH'));
      docBundle('denial-checked-at-the-revocation-instant', 'The provider\'s denial, checked at 1776272790, the instant the vendor liaison capability was revoked: the revocation has effect at that instant, so the denial is founded.', { ...revoked, 'task/denial.json': denial }, REVOKED_AT, revokedChain);
      docBundle('denial-checked-before-the-revocation', 'The provider\'s denial, checked at 1776272789, one second before the vendor liaison capability was revoked: no revocation of it counts yet, so the denial is unfounded (and the executor\'s allowed receipt, from after the revocation, was not usable at its time).', { ...revoked, 'task/denial.json': denial }, REVOKED_AT - 1, rejectAll('ERR_CHAIN_REVOKED_ANCESTOR', 'ERR_CHAIN_DENIAL_MISMATCH'));
      docBundle('task-response-executed', 'The provider\'s answer that the task was executed, in the live smoke bundle: it names no revoked ancestor, so there is nothing to check.', { ...smoke, 'task/response.json': fixture('task/process-task-response', 'executed.incident-network') }, AT, accept());
      const { revoked_capability_id: _r, denied_at_depth: _d, ...bare } = denial.execution;
      docBundle('denial-naming-no-ancestor', 'A denial that names no revoked ancestor, in the live smoke bundle: there is no ancestor to check it against.', { ...smoke, 'task/denial.json': { ...denial, execution: bare } }, AT, accept());
    }
    // Spend reconciliations (SPEC.md 12.5) against the receipt and the allowed authorization they name.
    {
      const R = sevenStation['settlement/spend-reconciliation.json'];
      const A = sevenStation['settlement/budget-authorization.json'];
      const RECEIPT = sevenStation['receipts/buyer-receipt.json'];
      const caps = { 'capability/agents-root.json': sevenStation['capability/agents-root.json'], 'capability/shopping-agent.json': sevenStation['capability/shopping-agent.json'] };
      sevenDoc('spend-reconciled-against-a-receipt-of-another-cost', 'The spend reconciliation reconciles an actual cost of 500 USD cents for the buyer\'s receipt, which, signed again by its kernel, records 499.', { 'settlement/spend.json': R, 'receipts/buyer.json': resign(mut(RECEIPT, (d) => (d.cost.units = 499)), P.agentKernel) }, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
      sevenDoc('spend-reconciled-beside-another-receipt', 'The spend reconciliation with another receipt (another id, signed again by its kernel, recording 499) listed before the buyer\'s receipt it names: it is checked against the receipt it names, whose cost it reconciles.', { 'receipts/another.json': resign(mut(RECEIPT, (d) => ((d.id = 'rcpt-dreamineering-agent-0009'), (d.cost.units = 499))), P.agentKernel), 'receipts/buyer.json': RECEIPT, 'settlement/spend.json': R }, accept());
      sevenDoc('spend-reconciled-in-another-currency-than-authorized', 'The spend reconciliation reconciles 500 EUR cents charged and spent under the grant the allowed authorization charged 500 USD cents to: the charge is not the authorization\'s. The bundle holds no receipt, so the budget the authorization consumed is not what the receipts cost either.', { ...caps, 'settlement/budget-authorization.json': A, 'settlement/spend.json': mut(R, (d) => ((d.charged.currency = 'EUR'), (d.actual.currency = 'EUR'))) }, rejectAll('ERR_REPLAY_LINK_BROKEN', 'ERR_BUNDLE_COST_MISMATCH'));
    }
  }
  {
    const { original } = seven;
    // A trace alone in an unsealed bundle (SPEC.md 12.8, 7.8): none of the documents it names by
    // hash is given, and it lists no receipt hash, so nothing can break; each reference is only not
    // resolved (a warning), and the bundle verifies.
    {
      const alone = reprove(mut(original['receipts/intent-trace.json'], (t) => delete t.references.receipt_hashes), P.recorder);
      bundleVector('trace-alone-without-receipt-hashes', 'An intent trace proved by its recorder, listing no receipt hashes, alone in an unsealed bundle: no intent mandate, payment mandate, credential or receipt is given, so none of its references can fail to resolve (each is a warning, never a verdict\'s code), and the bundle verifies.', bundle({ 'receipts/intent-trace.json': alone }), NOV, accept());
    }
  }
}
