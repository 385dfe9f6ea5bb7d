// @ts-check
/**
 * The parties of the examples over the built package, for the generators (see party-kit.js).
 */
import { publicKeyOf } from '../../src/crypto/ed25519.js';
import { signCompact, signDataIntegrity } from '../../src/crypto/envelopes.js';
import { documentHash, sha256Bytes } from '../../src/crypto/hash.js';
import { didKeyVerificationMethod, toDidKey, toMultikey } from '../../src/crypto/keys.js';
import { toHex } from '../../src/encoding/bytes.js';
import { makeParties } from './party-kit.js';

export const { PARTY_LABELS, party, PARTIES, resign, reprove, rehash } = makeParties({ publicKeyOf, signCompact, signDataIntegrity, documentHash, sha256Bytes, didKeyVerificationMethod, toDidKey, toMultikey, toHex });
