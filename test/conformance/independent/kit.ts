/**
 * What the independent implementations share, written from SPEC.md alone: nothing here imports
 * writ's sources (a test holds it), so a vector they pass is passed by a second reading of SPEC,
 * not by writ's code run twice. Node's own crypto does the hashing and the Ed25519 equation;
 * everything SPEC adds around them (the canonical form, the strict checks before the equation,
 * the two envelopes, the keys of DID documents) is written again here, as a newcomer would.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';

/** A code, or nothing when the check passed. */
export type Refused = string | undefined;

// ---------------------------------------------------------------------------------------------
// SPEC 6.3: the canonical form (RFC 8785) and hashes.

/** The RFC 8785 form of a JSON value: members sorted by UTF-16 code units, numbers as ECMAScript writes them. */
export function jcs(v: unknown): string {
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('not a JSON number');
    return Object.is(v, -0) ? '0' : String(v);
  }
  if (typeof v === 'string') return quote(v);
  if (Array.isArray(v)) return `[${v.map(jcs).join(',')}]`;
  const o = v as Record<string, unknown>;
  // Sorting by code units is what < does on JavaScript strings.
  const keys = Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${quote(k)}:${jcs(o[k])}`).join(',')}}`;
}

/** RFC 8785 3.2.2.2: the short escapes, \u00XX for other controls, everything else as it is. */
function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const short: Record<number, string> = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' };
    if (short[c] !== undefined) out += short[c];
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += s[i];
  }
  return `${out}"`;
}

export const sha256 = (bytes: Uint8Array | string): Buffer => createHash('sha256').update(bytes).digest();

/** `sha256:` and the hex SHA-256 of the value's canonical form. */
export const hashOf = (v: unknown): string => `sha256:${sha256(jcs(v)).toString('hex')}`;

// ---------------------------------------------------------------------------------------------
// SPEC 6.4: Ed25519, strict, the checks in the order SPEC gives them.

const P = 2n ** 255n - 19n;
export const L = 2n ** 252n + 27742317777372353535851937790883648493n;
export const littleEndian = (b: Uint8Array): bigint => b.reduceRight((n, byte) => (n << 8n) | BigInt(byte), 0n);

/**
 * The canonical encodings of the eight points of small order (the 8-torsion), as RFC 8032 encodes
 * them: a key or R equal to one of these is refused. Computed from the curve, not copied.
 */
const SMALL_ORDER = ((): Set<string> => {
  const mod = (a: bigint): bigint => ((a % P) + P) % P;
  const pow = (b: bigint, e: bigint): bigint => {
    let r = 1n;
    for (b = mod(b); e > 0n; e >>= 1n, b = mod(b * b)) if (e & 1n) r = mod(r * b);
    return r;
  };
  const sqrt = (a: bigint): bigint | undefined => {
    const r = pow(a, (P + 3n) / 8n);
    if (mod(r * r) === mod(a)) return r;
    const r2 = mod(r * pow(2n, (P - 1n) / 4n));
    return mod(r2 * r2) === mod(a) ? r2 : undefined;
  };
  // On -x^2 + y^2 = 1 + d x^2 y^2: order 1 and 2 are y = 1 and y = -1 (x = 0); order 4 is y = 0;
  // order 8 are the points whose double has y = 0, that is x^2 = -y^2, so d y^4 + 2 y^2 - 1 = 0
  // and y^2 = (-1 ± sqrt(1 + d)) / d, of which one root is a square.
  const d = mod(-121665n * pow(121666n, P - 2n));
  const ys: bigint[] = [1n, P - 1n, 0n];
  const s = sqrt(mod(1n + d)) as bigint;
  for (const root of [s, mod(-s)]) {
    const y = sqrt(mod(mod(root - 1n) * pow(d, P - 2n)));
    if (y !== undefined) ys.push(y, mod(-y));
  }
  const out = new Set<string>();
  for (const y of ys) {
    const bytes = new Uint8Array(32);
    for (let i = 0, v = y; i < 32; i++, v >>= 8n) bytes[i] = Number(v & 0xffn);
    out.add(Buffer.from(bytes).toString('hex'));
    // Where x is not 0, the point with the other x is small too: the same y with the sign bit.
    if (y !== 1n && y !== P - 1n) {
      bytes[31] = (bytes[31] as number) | 0x80;
      out.add(Buffer.from(bytes).toString('hex'));
    }
  }
  return out;
})();

/** Whether a point's encoding is one of the eight of small order. */
export const smallOrder = (point: Uint8Array): boolean => SMALL_ORDER.has(Buffer.from(point).toString('hex'));

/** Refused when not canonical: y ≥ p, or x = 0 (y = ±1) with the sign bit set. */
export function nonCanonical(point: Uint8Array): boolean {
  const sign = ((point[31] as number) & 0x80) !== 0;
  const y = littleEndian(point) & ((1n << 255n) - 1n);
  return y >= P || (sign && (y === 1n || y === P - 1n));
}

/** The Ed25519 checks an implementer leaves out (the signature profile's switchable bugs). */
export interface Ed25519Bugs {
  /** S is not compared with the group order: a malleable signature verifies. */
  readonly malleable?: boolean;
  /** A key of small order is not refused. */
  readonly smallOrderKey?: boolean;
  /** An R of small order is not refused. */
  readonly smallOrderR?: boolean;
  /** A non-canonical key encoding is not refused. */
  readonly nonCanonicalKey?: boolean;
}

/** Ed25519 as SPEC 6.4 orders it: malformed, key encoding, key order, S, R encoding, R order, the equation. */
export function ed25519(key: Uint8Array | undefined, sig: Uint8Array | undefined, message: Uint8Array, malformed = 'ERR_SIG_MALFORMED', invalid = 'ERR_SIG_INVALID', bugs: Ed25519Bugs = {}): Refused {
  if (key === undefined || sig === undefined || key.length !== 32 || sig.length !== 64) return malformed;
  if (bugs.nonCanonicalKey !== true && nonCanonical(key)) return 'ERR_SIG_NON_CANONICAL';
  if (bugs.smallOrderKey !== true && smallOrder(key)) return 'ERR_SIG_SMALL_ORDER';
  if (bugs.malleable !== true && littleEndian(sig.subarray(32)) >= L) return 'ERR_SIG_NON_CANONICAL';
  const r = sig.subarray(0, 32);
  if (nonCanonical(r)) return 'ERR_SIG_NON_CANONICAL';
  if (bugs.smallOrderR !== true && smallOrder(r)) return 'ERR_SIG_SMALL_ORDER';
  try {
    const k = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key).toString('base64url') }, format: 'jwk' });
    return verify(null, message, k, sig) ? undefined : invalid;
  } catch {
    return invalid;
  }
}

/** Lowercase hex of exactly the given length, or undefined. */
export function hex(s: unknown, bytes: number): Uint8Array | undefined {
  return typeof s === 'string' && s.length === bytes * 2 && /^[0-9a-f]*$/.test(s) ? Uint8Array.from(Buffer.from(s, 'hex')) : undefined;
}

/** The compact envelope (SPEC 6.4): the signer's hex key in `signer`, the signature over the canonical document without `signature` and `algorithm`. */
export function compact(doc: Record<string, unknown>, signer: string): Refused {
  const { signature, algorithm: _algorithm, ...body } = doc;
  return ed25519(hex(doc[signer], 32), hex(signature, 64), Buffer.from(jcs(body)));
}

// ---------------------------------------------------------------------------------------------
// SPEC 6.4 and 6.5: Data Integrity (eddsa-jcs-2022) and the keys of DID documents.

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** base58btc, or undefined. */
export function base58(s: string): Uint8Array | undefined {
  let n = 0n;
  for (const ch of s) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) return undefined;
    n = n * 58n + BigInt(i);
  }
  const bytes: number[] = [];
  for (; n > 0n; n >>= 8n) bytes.unshift(Number(n & 0xffn));
  for (const ch of s) {
    if (ch !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

/** The Ed25519 key of a Multikey (`z` + base58btc of 0xed 0x01 and the key). */
function multikey(mb: unknown): Uint8Array | undefined {
  if (typeof mb !== 'string' || !mb.startsWith('z')) return undefined;
  const b = base58(mb.slice(1));
  return b !== undefined && b.length === 34 && b[0] === 0xed && b[1] === 0x01 ? b.subarray(2) : undefined;
}

/** The key a proof's verification method names, from `did:key` or from the DID documents given. */
export function keyOf(method: string, documents: readonly Record<string, unknown>[]): { key: Uint8Array } | { code: string } {
  const [did = '', fragment] = method.split('#');
  if (did.startsWith('did:key:')) {
    const mb = did.slice('did:key:'.length);
    const key = multikey(mb);
    return key !== undefined && fragment === mb ? { key } : { code: 'ERR_KEY_MALFORMED' };
  }
  const doc = documents.find((d) => d['id'] === did);
  if (doc === undefined) return { code: 'ERR_KEY_UNRESOLVED' };
  const named = (id: unknown): boolean => id === method || (typeof id === 'string' && id.startsWith('#') && `${did}${id}` === method);
  const listed = (doc['assertionMethod'] as unknown[] | undefined) ?? [];
  if (!listed.some((m) => named(typeof m === 'string' ? m : (m as Record<string, unknown>)['id']))) return { code: 'ERR_PROOF_PURPOSE' };
  const vm = [...((doc['verificationMethod'] as Record<string, unknown>[] | undefined) ?? []), ...listed.filter((m): m is Record<string, unknown> => typeof m === 'object')].find((m) => named(m['id']));
  if (vm === undefined) return { code: 'ERR_KEY_UNRESOLVED' };
  const jwk = vm['publicKeyJwk'] as Record<string, unknown> | undefined;
  const key = vm['publicKeyMultibase'] !== undefined ? multikey(vm['publicKeyMultibase']) : jwk?.['kty'] === 'OKP' && jwk['crv'] === 'Ed25519' && jwk['d'] === undefined && typeof jwk['x'] === 'string' ? Uint8Array.from(Buffer.from(jwk['x'], 'base64url')) : undefined;
  return key === undefined || key.length !== 32 ? { code: 'ERR_KEY_MALFORMED' } : { key };
}

/** The DID a verification method belongs to. */
export const didOf = (method: string): string => method.split('#')[0] ?? '';

/**
 * A Data Integrity proof (eddsa-jcs-2022, assertionMethod): the key it names, the document's
 * `@context` the proof's own, and the signature over SHA-256(JCS(options)) ‖ SHA-256(JCS(document)).
 */
export function dataIntegrity(doc: Record<string, unknown>, documents: readonly Record<string, unknown>[]): { signer: string } | { code: string } {
  const { proof, ...body } = doc;
  if (proof === null || typeof proof !== 'object' || Array.isArray(proof)) return { code: 'ERR_PROOF_MALFORMED' };
  const { proofValue, ...options } = proof as Record<string, unknown>;
  if (options['type'] !== 'DataIntegrityProof' || options['cryptosuite'] !== 'eddsa-jcs-2022' || typeof proofValue !== 'string' || !proofValue.startsWith('z')) return { code: 'ERR_PROOF_MALFORMED' };
  if (options['proofPurpose'] !== 'assertionMethod') return { code: 'ERR_PROOF_PURPOSE' };
  if (body['@context'] !== undefined && jcs(body['@context']) !== jcs(options['@context'])) return { code: 'ERR_PROOF_CONTEXT_MISMATCH' };
  const method = String(options['verificationMethod']);
  const key = keyOf(method, documents);
  if ('code' in key) return key;
  const refused = ed25519(key.key, base58(proofValue.slice(1)), Buffer.concat([sha256(jcs(options)), sha256(jcs(body))]), 'ERR_PROOF_MALFORMED', 'ERR_PROOF_INVALID');
  return refused === undefined ? { signer: didOf(method) } : { code: refused };
}
