#!/usr/bin/env node
// @ts-check
/**
 * Generates the conformance vectors (SPEC.md 13) into conformance/<line>/<profile>/...: one JSON
 * file per vector, `{ id, profile, description, spec, input, context, expect }`.
 *
 * Every expectation is stated here, from what the case is (a tampered signature is
 * ERR_SIG_INVALID), from a fixture's recorded sidecar, or from a standard's published output;
 * none is computed by the verifier under test. Inputs are built from the example fixtures and
 * the example keys (SPEC.md 9), so every signature in them is real; standards' vectors are
 * copied into test/vectors (see test/vectors/PROVENANCE.md and conformance/PROVENANCE.md).
 *
 * Usage: node scripts/generate-conformance.js [--check]
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519';
import { sha512 } from '@noble/hashes/sha2';
import { publicKeyOf, signEd25519 } from '../../src/crypto/ed25519.js';
import { signDataIntegrity } from '../../src/crypto/envelopes.js';
import { documentHash, sha256Bytes } from '../../src/crypto/hash.js';
import { fromBase58, toBase58, toBase64Url, toHex } from '../../src/encoding/bytes.js';
import { listFiles } from '../../src/io/files.js';
import { fixtureSchema } from '../../src/schema/fixtures.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT, emit } from '../lib/emit.js';
import { PARTIES, rehash, reprove, resign } from '../lib/parties.js';

const LINE = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).line;
const VECTORS = join(ROOT, 'test', 'vectors');
const EXAMPLES = join(ROOT, 'examples', LINE);
const registry = SchemaRegistry.open();

// ---------------------------------------------------------------------------------------------
// Output

/** @type {Map<string, string>} */
const out = new Map();
const text = (value) => `${JSON.stringify(value, null, 2)}\n`;
const clone = (value) => JSON.parse(JSON.stringify(value));
/** A deep copy changed by `change`. */
const mut = (value, change) => {
  const copy = clone(value);
  change(copy);
  return copy;
};

/**
 * @param {string} id - `<profile>/<name>[/<name>...]`
 * @param {string} spec - the SPEC.md section
 * @param {string} description - what it checks; for an attack, the attack
 * @param {Record<string, unknown>} input
 * @param {Record<string, unknown>} context
 * @param {Record<string, unknown>} expect
 */
function vector(id, spec, description, input, context, expect) {
  const path = `conformance/${LINE}/${id}.json`;
  if (out.has(path)) throw new Error(`two vectors named ${id}`);
  out.set(path, text({ id, profile: id.split('/')[0], description, spec, input, context, expect }));
}
const accept = (extra = {}) => ({ verdict: 'accept', ...extra });
const reject = (code) => ({ verdict: 'reject', code });
const at = (now, extra = {}) => ({ now, ...extra });

// ---------------------------------------------------------------------------------------------
// The examples' world: fixtures and keys (SPEC.md 9)

const fixture = (id, name, kind = 'valid') => {
  const [family, doc] = id.split('/');
  return JSON.parse(readFileSync(join(EXAMPLES, family, doc, kind, `${doc}.${name}.json`), 'utf8'));
};
const P = PARTIES;
const b64 = (bytes) => toBase64Url(bytes);
const utf8 = (s) => new TextEncoder().encode(s);
const usd = (units) => ({ units, currency: 'USD' });
const T0 = 1776272775;

// ---------------------------------------------------------------------------------------------
// schema (SPEC.md 4.2, 5): every fixture, with the verdict its folder and sidecar record

for (const file of listFiles(EXAMPLES)) {
  if (!file.endsWith('.json') || file.endsWith('.expect.json') || file.startsWith('transactions/')) continue;
  const [, , kind, name] = file.split('/');
  const schema = fixtureSchema(registry, file);
  const [family, doc] = schema.split('/');
  const caseName = name.slice(doc.length + 1, -'.json'.length);
  const document = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'));
  if (kind === 'valid') {
    vector(`schema/${family}/${doc}/${caseName}`, '5.1', `A valid ${schema} (the example fixture ${file}).`, { schema, document }, at(0), accept());
  } else {
    const sidecar = JSON.parse(readFileSync(join(EXAMPLES, file.replace(/\.json$/, '.expect.json')), 'utf8'));
    vector(`schema/${family}/${doc}/${caseName}`, sidecar.keyword.startsWith('rule:') ? '5.3' : '5.2', `An invalid ${schema}: it breaks ${sidecar.keyword} at ${sidecar.path || '(root)'} and nothing else (the example fixture ${file}).`, { schema, document }, at(0), reject(sidecar.code));
  }
}
const seedCheckout = fixture('commercial/checkout', 'request.protocol-commercial');
vector('schema/detect/checkout-request', '4.2', 'Without a schema named, the type is recognised from the members: a checkout request.', { document: seedCheckout }, at(0), accept({ output: 'commercial/checkout.request' }));
vector('schema/detect/capability-token', '4.2', 'Without a schema named, the type is recognised from the members: a capability token.', { document: fixture('capability/token', 'root-commander.incident-network') }, at(0), accept({ output: 'capability/token' }));
vector('schema/detect/undetected', '4.2', 'A document whose members match no type is not guessed at.', { document: { hello: 'world' } }, at(0), reject('ERR_SCHEMA_UNDETECTED'));
vector('schema/detect/ambiguous', '4.2', 'A document whose members match two types (a vector and an adapter command at once) is not guessed at.', { document: { cmd: 'stop', profile: 'jcs', input: {}, expect: { verdict: 'accept' } } }, at(0), reject('ERR_SCHEMA_AMBIGUOUS'));
vector('schema/unknown-schema', '4.2', 'A schema id that is not in the line is refused, not fetched.', { schema: 'commercial/refund.request', document: {} }, at(0), reject('ERR_SCHEMA_UNKNOWN'));
vector('schema/detect/not-an-object', '4.2', 'A document that is an array has no members for a rule to match: no type is guessed.', { document: [seedCheckout] }, at(0), reject('ERR_SCHEMA_UNDETECTED'));
vector('schema/detect/agent-and-merchant-credential', '4.2', 'A credential whose type claims both AgentCredential and MerchantCredential matches two types at once and is not guessed at.', { document: mut(fixture('identity/agent-credential', 'shopping-agent.commerce-rails'), (d) => d.type.push('MerchantCredential')) }, at(0), reject('ERR_SCHEMA_AMBIGUOUS'));
vector('schema/unknown-schema-in-another-case', '2', 'A schema id of a known type in another letter case (capability/Token): short ids are exact names, so it names no schema of the line.', { schema: 'capability/Token', document: fixture('capability/token', 'root-commander.incident-network') }, at(0), reject('ERR_SCHEMA_UNKNOWN'));
// Patterns that backtrack (issue 10, SPEC.md 4.1): the extension-name pattern of the first drafts
// tried every way of splitting a run of _ after a / or # (2^n of them) before refusing the name.
const meteredCard = fixture('discovery/agent-card', 'metered-tool');
const withExtension = (name) => ({ schema: 'discovery/agent-card', document: { ...meteredCard, extensions: { [name]: true } } });
vector('schema/backtracking/extension-name', '4.1', 'Catastrophic backtracking: an extension member name of 60 characters (t.t#_, a run of _, then :) that a pattern with ambiguous repetitions takes minutes to refuse. It is no reverse-DNS name, and is refused at once.', withExtension(`t.t#_${'_'.repeat(54)}:`), at(0), reject('ERR_SCHEMA_PROPERTY_NAME'));
vector('schema/backtracking/extension-name-longest', '4.1', 'An extension member name of 256 characters, the most allowed, made of the parts the pattern repeats.', withExtension(`com.example${'/a_b#c.d'.repeat(30)}/${'e'.repeat(4)}`), at(0), accept());
vector('schema/backtracking/extension-name-too-long', '4.1', 'An extension member name of 257 characters.', withExtension(`com.example${'/a_b#c.d'.repeat(30)}/${'e'.repeat(5)}`), at(0), reject('ERR_SCHEMA_PROPERTY_NAME'));
// Names Windows cannot hold as themselves (SPEC.md 2): each would be another file, or a device, there.
const manifestListing = (...paths) => ({ schema: 'bundle/manifest', document: { artifacts: Object.fromEntries(paths.map((p) => [p, `sha256:${'0'.repeat(64)}`])) } });
vector('schema/windows-path/trailing-dot', '2', 'A bundle manifest listing receipt.json and receipt.json. (with a trailing dot): on Windows the dot is dropped and both name one file.', manifestListing('receipt.json', 'receipt.json.'), at(0), reject('ERR_SCHEMA_PROPERTY_NAME'));
vector('schema/windows-path/trailing-dot-folder', '2', 'A bundle manifest listing a./b.json: the folder a. is the folder a on Windows.', manifestListing('a./b.json'), at(0), reject('ERR_SCHEMA_PROPERTY_NAME'));
vector('schema/windows-path/device-name', '2', 'A bundle manifest listing logs/NUL.json: on Windows, in any folder, that is the null device.', manifestListing('logs/NUL.json'), at(0), reject('ERR_SCHEMA_PROPERTY_NAME'));
vector('schema/windows-path/device-name-lower-case', '2', 'A bundle manifest listing com1.tar.gz: a device name in any case, before any extension.', manifestListing('com1.tar.gz'), at(0), reject('ERR_SCHEMA_PROPERTY_NAME'));
vector('schema/windows-path/near-device-names', '2', 'Names that only look like device names are files: com10.json, console.log, auxiliary/lpt.json, a.con.', manifestListing('com10.json', 'console.log', 'auxiliary/lpt.json', 'a.con'), at(0), accept());

// ---------------------------------------------------------------------------------------------
// jcs and hash (SPEC.md 3, 6.3): RFC 8785 through the reader of section 3

const sha256 = (bytes) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
for (const name of readdirSync(join(VECTORS, 'jcs', 'input')).sort()) {
  const input = readFileSync(join(VECTORS, 'jcs', 'input', name), 'utf8');
  const output = readFileSync(join(VECTORS, 'jcs', 'output', name), 'utf8');
  const base = name.replace(/\.json$/, '');
  vector(`jcs/rfc8785/${base}`, '6.3', `RFC 8785 test data "${name}" (cyberphone/json-canonicalization): the canonical form, byte for byte.`, { text: input }, at(0), accept({ output }));
  vector(`hash/rfc8785/${base}`, '6.3', `The hash of RFC 8785 test data "${name}": SHA-256 of its canonical form.`, { text: input }, at(0), accept({ output: sha256(utf8(output)) }));
}
// ES6 number serialisation, sampled from the 10,000-line file: each double written with 17
// significant digits (which reads back as the same double), expected in its shortest form.
const numbers = readFileSync(join(VECTORS, 'jcs', 'es6numbers-10000.txt'), 'utf8').trim().split('\n');
for (let i = 0; i < numbers.length; i += 97) {
  const [bits, expected] = numbers[i].split(',');
  const value = new DataView(new Uint8Array(bits.padStart(16, '0').match(/../g).map((h) => parseInt(h, 16))).buffer).getFloat64(0);
  if (!Number.isFinite(value)) continue;
  vector(`jcs/es6-number/${bits}`, '6.3', `The IEEE 754 double ${bits}, written with 17 significant digits, canonicalises to ECMAScript's shortest form ${expected}.`, { text: `[${value.toPrecision(17)}]` }, at(0), accept({ output: `[${expected}]` }));
}
vector('hash/empty-object', '6.6', 'The hash of {} (SPEC.md 6.6).', { text: '{ }' }, at(0), accept({ output: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' }));
vector('hash/members-in-any-order', '6.3', 'Two texts of one value hash alike: member order and whitespace do not count.', { text: '{"b": [1, 2.50, "x"], "a": null}' }, at(0), accept({ output: sha256(utf8('{"a":null,"b":[1,2.5,"x"]}')) }));
const intake = [
  ['duplicate-key-signature-confusion', '{"amount":"1.00","amount":"1000.00"}', 'ERR_JSON_DUPLICATE_KEY', 'Signature confusion: JSON.parse keeps the last of two "amount" members, another reader the first; a signature over one reading must not verify over the other.'],
  ['duplicate-key-after-unescaping', '{"a":1,"\\u0061":2}', 'ERR_JSON_DUPLICATE_KEY', 'The same member name, once escaped: names are compared after unescaping.'],
  ['lone-surrogate', '["\\ud800"]', 'ERR_JSON_LONE_SURROGATE', 'An unpaired UTF-16 surrogate has no canonical form.'],
  ['lone-low-surrogate', '{"k\\udc00":1}', 'ERR_JSON_LONE_SURROGATE', 'An unpaired low surrogate in a member name.'],
  ['number-overflow', '[1e400]', 'ERR_JSON_NUMBER_RANGE', 'A number beyond the largest double would become Infinity.'],
  ['number-underflow', '[1e-400]', 'ERR_JSON_NUMBER_RANGE', 'Sign what JSON cannot carry: a number too small for a double would be read, and signed, as 0.'],
  ['number-underflow-long-mantissa', '[0.000001e-330]', 'ERR_JSON_NUMBER_RANGE', 'A number whose non-zero mantissa underflows to 0 through its exponent.'],
  ['trailing-comma', '{"a":1,}', 'ERR_JSON_SYNTAX', 'A trailing comma is not JSON.'],
  ['comment', '{"a":1 /* note */}', 'ERR_JSON_SYNTAX', 'A comment is not JSON.'],
  ['single-quotes', "{'a':1}", 'ERR_JSON_SYNTAX', 'Single quotes are not JSON.'],
  ['two-values', '{} {}', 'ERR_JSON_SYNTAX', 'Anything after the value is refused.'],
  ['too-deep', `${'['.repeat(65)}${']'.repeat(65)}`, 'ERR_JSON_TOO_DEEP', 'Arrays nested 65 deep: past the reader limit of 64.'],
  // RFC 8259's number grammar, each rule broken once: what lenient readers (and hand-written ones) accept.
  ['leading-zero', '[01]', 'ERR_JSON_SYNTAX', 'A leading zero is not JSON (RFC 8259 6: int = zero / digit1-9 *DIGIT).'],
  ['negative-leading-zero', '[-01]', 'ERR_JSON_SYNTAX', 'Nor after a minus sign.'],
  ['minus-alone', '[-]', 'ERR_JSON_SYNTAX', 'A minus sign needs digits.'],
  ['plus-sign', '[+1]', 'ERR_JSON_SYNTAX', 'A number has no plus sign.'],
  ['fraction-without-digits', '[1.]', 'ERR_JSON_SYNTAX', 'A decimal point needs a digit after it.'],
  ['fraction-without-integer', '[.5]', 'ERR_JSON_SYNTAX', 'And one before it.'],
  ['exponent-without-digits', '[1e]', 'ERR_JSON_SYNTAX', 'An exponent needs digits.'],
  ['exponent-sign-without-digits', '[1e+]', 'ERR_JSON_SYNTAX', 'Even after its sign.'],
  ['hex-number', '[0x10]', 'ERR_JSON_SYNTAX', 'Hexadecimal is not JSON.'],
  ['not-a-number', '[NaN]', 'ERR_JSON_SYNTAX', 'NaN is not JSON.'],
  ['infinity', '[-Infinity]', 'ERR_JSON_SYNTAX', 'Nor is Infinity.'],
  // Strings and literals.
  ['invalid-escape', '["\\x41"]', 'ERR_JSON_SYNTAX', 'An escape RFC 8259 does not define (\\x).'],
  ['short-unicode-escape', '["\\u12"]', 'ERR_JSON_SYNTAX', 'A \\u escape has four hex digits.'],
  ['raw-tab-in-string', '["a\tb"]', 'ERR_JSON_SYNTAX', 'A control character in a string must be escaped; a raw tab is refused.'],
  ['raw-newline-in-string', '["a\nb"]', 'ERR_JSON_SYNTAX', 'And a raw line feed.'],
  ['capital-literal', '[True]', 'ERR_JSON_SYNTAX', 'The literals are lower case.'],
  ['truncated-literal', '[tru]', 'ERR_JSON_SYNTAX', 'A literal cut short.'],
  ['missing-colon', '{"a" 1}', 'ERR_JSON_SYNTAX', 'A member needs its colon.'],
  ['unclosed-array', '[1', 'ERR_JSON_SYNTAX', 'Text that ends inside an array.'],
  ['empty-text', '', 'ERR_JSON_SYNTAX', 'No value at all.'],
];
// The other side of each: what RFC 8259 allows, and how RFC 8785 writes it (each output stated here).
for (const [name, text, output, description] of [
  ['escapes-read', '["\\/\\u00e9\\u00E9\\u0041\\t\\"\\\\"]', '["/ééA\\t\\"\\\\"]', 'Every escape RFC 8259 defines is read (\\/ is /, hex digits of either case); RFC 8785 writes back only the short escapes.'],
  ['control-characters-written', '["\\u0001\\u001f\\u007f\\b\\f"]', '["\\u0001\\u001f\u007f\\b\\f"]', 'Controls without a short escape are written \\u00xx in lower case; DEL (0x7f) is not a control and is written as itself.'],
  ['surrogate-pair', '["\\ud83d\\ude00"]', '["\ud83d\ude00"]', 'An escaped surrogate pair is one character, written as itself.'],
  ['whitespace', ' \t\n\r[ 1 ,\t2 ]\r\n ', '[1,2]', 'The four whitespace characters, before, between and after.'],
  ['number-forms', '[1.0,1E2,1e+2,-0.0,0.10,1e21,1e-7,0.000001,1.5e300,123456789012345680000]', '[1,100,100,0,0.1,1e+21,1e-7,0.000001,1.5e+300,123456789012345680000]', 'Numbers as ECMAScript writes them: no trailing zeros, an exponent from 1e21 up and below 1e-6, and e+ written out.'],
  ['integer-beyond-2-53', '[9007199254740993]', '[9007199254740992]', 'An integer a double cannot hold is read as the nearest double (outside signed content, which refuses it).'],
]) {
  vector(`jcs/intake/${name}`, '3', description, { text }, at(0), accept({ output }));
}
vector('jcs/intake/zero-with-a-large-exponent', '3', 'The other side of underflow: a mantissa of zeros is zero, whatever its exponent.', { text: '[0.0e-400]' }, at(0), accept({ output: '[0]' }));
vector('jcs/intake/smallest-double', '3', 'The other side of underflow: the smallest positive double is read as itself.', { text: '[5e-324]' }, at(0), accept({ output: '[5e-324]' }));
for (const [name, t, code, description] of intake) {
  vector(`jcs/intake/${name}`, '3', description, { text: t }, at(0), reject(code));
  vector(`hash/intake/${name}`, '3', description, { text: t }, at(0), reject(code));
}
vector('jcs/intake/deep-enough', '3', 'Arrays nested 64 deep are read.', { text: `${'['.repeat(64)}${']'.repeat(64)}` }, at(0), accept({ output: `${'['.repeat(64)}${']'.repeat(64)}` }));
vector('jcs/intake/byte-order-mark', '3', 'UTF-8 with a byte-order mark is refused (RFC 8259 8.1).', { bytes: b64(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{}')])) }, at(0), reject('ERR_JSON_ENCODING'));
vector('jcs/intake/invalid-utf8', '3', 'Bytes that are not UTF-8 (an overlong encoding of "/") are refused.', { bytes: b64(new Uint8Array([0x5b, 0x22, 0xc0, 0xaf, 0x22, 0x5d])) }, at(0), reject('ERR_JSON_ENCODING'));
vector('jcs/intake/proto-is-a-member', '3', '"__proto__" is an ordinary member name.', { text: '{"__proto__":{"x":1},"a":1}' }, at(0), accept({ output: '{"__proto__":{"x":1},"a":1}' }));
vector('jcs/negative-zero', '6.3', 'RFC 8785 writes -0 as 0 (which is why signed content may not hold it, SPEC.md 3).', { text: '[-0]' }, at(0), accept({ output: '[0]' }));

// ---------------------------------------------------------------------------------------------
// signature (SPEC.md 6.4): strict Ed25519, the checks in order

const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const le = (b) => b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);
const leBytes = (n) => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
const hexBytes = (h) => Uint8Array.from(h.match(/../g).map((x) => parseInt(x, 16)));
const sigVector = (name, description, pk, signature, message, expect) =>
  vector(`signature/${name}`, '6.4', description, { public_key: toHex(pk), signature: toHex(signature), message: toHex(message) }, at(0), expect);
for (const [n, sk, pk, msg, sig] of [
  ['1', '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', '', 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'],
  ['2', '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb', '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', '72', '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'],
]) {
  void sk;
  sigVector(`rfc8032/test-${n}`, `RFC 8032 section 7.1, test ${n}.`, hexBytes(pk), hexBytes(sig), msg === '' ? new Uint8Array() : hexBytes(msg), accept());
}
const sigSeed = sha256Bytes(utf8('writ conformance ed25519'));
const sigPk = publicKeyOf(sigSeed);
const sigMsg = utf8('pay 5.00 USD to did:web:dreamineering.com');
const goodSig = signEd25519(sigMsg, sigSeed);
const goodS = le(goodSig.subarray(32));
const withS = (v) => new Uint8Array([...goodSig.subarray(0, 32), ...leBytes(v)]);
const withR = (r) => new Uint8Array([...r, ...goodSig.subarray(32)]);
const SMALL_ORDER = {
  identity: '0100000000000000000000000000000000000000000000000000000000000000',
  'order-2': 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'order-4': '0000000000000000000000000000000000000000000000000000000000000000',
  'order-8': 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
};
const NON_CANONICAL = {
  'y-equals-p': 'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'y-equals-p-plus-1': 'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'negative-zero-x': '0100000000000000000000000000000000000000000000000000000000000080',
  // y = p - 1 is the other point with x = 0 (of order 2): with the sign bit set, it is "negative
  // zero" too; a check that knows only y = 1 lets it through.
  'negative-zero-x-y-minus-1': 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
};
sigVector('valid', 'A valid signature.', sigPk, goodSig, sigMsg, accept());
sigVector('message-changed', 'The message changed after signing.', sigPk, goodSig, utf8('pay 500.00 USD to did:web:dreamineering.com'), reject('ERR_SIG_INVALID'));
sigVector('wrong-key', 'Another key.', publicKeyOf(sha256Bytes(utf8('other key'))), goodSig, sigMsg, reject('ERR_SIG_INVALID'));
sigVector('malleability-s-plus-l', 'Signature malleability: S + L verifies under a lax check, giving a second signature for the same message.', sigPk, withS(goodS + L), sigMsg, reject('ERR_SIG_NON_CANONICAL'));
sigVector('malleability-s-equals-l', 'S = L, the first non-canonical scalar.', sigPk, withS(L), sigMsg, reject('ERR_SIG_NON_CANONICAL'));
sigVector('s-equals-l-minus-1', 'S = L - 1, the last canonical scalar, in a signature that does not verify: invalid, not non-canonical (the other side of the S < L boundary, which a wrong group order misplaces).', sigPk, withS(L - 1n), sigMsg, reject('ERR_SIG_INVALID'));
sigVector('short-signature', 'A 63-byte signature.', sigPk, goodSig.subarray(0, 63), sigMsg, reject('ERR_SIG_MALFORMED'));
sigVector('short-key', 'A 31-byte key.', sigPk.subarray(0, 31), goodSig, sigMsg, reject('ERR_SIG_MALFORMED'));
for (const [name, h] of Object.entries(SMALL_ORDER)) {
  sigVector(`small-order-key/${name}`, `A public key of small order (${name}): one signature would verify for many messages.`, hexBytes(h), goodSig, sigMsg, reject('ERR_SIG_SMALL_ORDER'));
  sigVector(`small-order-r/${name}`, `R of small order (${name}).`, sigPk, withR(hexBytes(h)), sigMsg, reject('ERR_SIG_SMALL_ORDER'));
}
for (const [name, h] of Object.entries(NON_CANONICAL)) {
  sigVector(`non-canonical-key/${name}`, `A non-canonical encoding of the key (${name}), which ZIP-215 verifiers accept.`, hexBytes(h), goodSig, sigMsg, reject('ERR_SIG_NON_CANONICAL'));
  sigVector(`non-canonical-r/${name}`, `A non-canonical encoding of R (${name}).`, sigPk, withR(hexBytes(h)), sigMsg, reject('ERR_SIG_NON_CANONICAL'));
}
sigVector('forgery-identity-key-identity-r-zero-s', 'The classic forgery against lax verifiers: the identity as key and as R, and S = 0, "verify" for every message.', hexBytes(SMALL_ORDER.identity), new Uint8Array([...hexBytes(SMALL_ORDER.identity), ...new Uint8Array(32)]), sigMsg, reject('ERR_SIG_SMALL_ORDER'));
{
  // Cofactored-equation forgeries: an R, or a key, with a torsion component.
  const { ExtendedPoint } = ed25519;
  const a = ed25519.utils.getExtendedPublicKey(sigSeed).scalar;
  const A = ExtendedPoint.BASE.multiply(a);
  const T = ExtendedPoint.fromHex(SMALL_ORDER['order-8']);
  const k = (R, pk) => le(sha512(new Uint8Array([...R, ...pk, ...sigMsg]))) % L;
  const r = 1234567890123456789n;
  const R = ExtendedPoint.BASE.multiply(r).add(T).toRawBytes();
  sigVector('cofactored-forgery-mixed-order-r', 'R = rB + T with T of order 8: the cofactored equation accepts it, the cofactorless one (OpenSSL, writ) does not; verifiers that disagree can be played against each other.', sigPk, new Uint8Array([...R, ...leBytes((r + k(R, sigPk) * a) % L)]), sigMsg, reject('ERR_SIG_INVALID'));
  const pkT = A.add(T).toRawBytes();
  for (let rr = 1n; ; rr++) {
    const R2 = ExtendedPoint.BASE.multiply(rr).toRawBytes();
    if (k(R2, pkT) % 8n === 0n) continue;
    sigVector('cofactored-forgery-mixed-order-key', 'A key A + T with a torsion component: the cofactored equation accepts the signature, the cofactorless one does not.', pkT, new Uint8Array([...R2, ...leBytes((rr + k(R2, pkT) * a) % L)]), sigMsg, reject('ERR_SIG_INVALID'));
    break;
  }
}
vector('signature/not-hex', '6.4', 'A signature in upper-case hex is not the lower-case hex the envelope requires.', { public_key: toHex(sigPk), signature: toHex(goodSig).toUpperCase(), message: toHex(sigMsg) }, at(0), reject('ERR_SIG_MALFORMED'));

// ---------------------------------------------------------------------------------------------
// proof (SPEC.md 6.4, 12.1): eddsa-jcs-2022, credentials and agent cards

const w3c = JSON.parse(readFileSync(join(VECTORS, 'eddsa-jcs-2022', 'signedJCS.json'), 'utf8'));
const proofVector = (name, spec, description, document, context, expect, extra = {}) => vector(`proof/${name}`, spec, description, { document, ...extra }, context, expect);
proofVector('w3c/eddsa-jcs-2022', '6.6', 'The W3C vc-di-eddsa test vector (eddsa-jcs-2022), as published.', w3c, at(0), accept());
proofVector('w3c/credential-changed', '6.4', 'The W3C vector with its subject changed after signing.', mut(w3c, (d) => (d.credentialSubject.alumniOf = 'Another School')), at(0), reject('ERR_PROOF_INVALID'));
proofVector('w3c/proof-options-changed', '6.4', 'The W3C vector with its proof\'s created time changed: the proof options are signed too.', mut(w3c, (d) => (d.proof.created = '2023-02-24T23:36:39Z')), at(0), reject('ERR_PROOF_INVALID'));
proofVector('w3c/no-proof', '6.4', 'The W3C vector without its proof.', mut(w3c, (d) => delete d.proof), at(0), reject('ERR_PROOF_MISSING'));
proofVector('w3c/rdfc-cryptosuite', '6.4', 'Cryptosuite substitution: the same proof relabelled eddsa-rdfc-2022, which canonicalises differently.', mut(w3c, (d) => (d.proof.cryptosuite = 'eddsa-rdfc-2022')), at(0), reject('ERR_PROOF_UNSUPPORTED'));
// Time (SPEC.md 6.2): the W3C vector re-signed, with its key, under proof options that expire.
// A leap second is the midnight after it; an expiry that does not read is refused, never
// taken as "not expired".
{
  const keyPair = JSON.parse(readFileSync(join(VECTORS, 'eddsa-jcs-2022', 'keyPair.json'), 'utf8'));
  const w3cSeed = fromBase58(keyPair.privateKeyMultibase.slice(1)).slice(2);
  const { '@context': _c, ...w3cOptions } = JSON.parse(readFileSync(join(VECTORS, 'eddsa-jcs-2022', 'proofConfigJCS.json'), 'utf8'));
  const w3cUnsigned = JSON.parse(readFileSync(join(VECTORS, 'eddsa-jcs-2022', 'unsigned.json'), 'utf8'));
  const expiring = (expires) => signDataIntegrity(w3cUnsigned, { ...w3cOptions, expires }, w3cSeed);
  const LEAP_MIDNIGHT = 1483228800; // 2017-01-01T00:00:00Z
  proofVector('w3c/expires-leap-second-passed', '6.2', 'A proof that expires at the leap second 2016-12-31T23:59:60Z, checked in 2026: expired, as the same proof expiring at 23:59:59 is (an implementation that cannot read the leap second must not skip the check).', expiring('2016-12-31T23:59:60Z'), at(T0), reject('ERR_PROOF_EXPIRED'));
  proofVector('w3c/expires-leap-second-at-midnight', '6.2', 'A proof that expires at the leap second 2016-12-31T23:59:60Z, checked at the midnight after it: the leap second is that midnight, so the proof has expired.', expiring('2016-12-31T23:59:60Z'), at(LEAP_MIDNIGHT), reject('ERR_PROOF_EXPIRED'));
  proofVector('w3c/expires-leap-second-not-yet', '6.2', 'A proof that expires at the leap second 2016-12-31T23:59:60Z, checked at 23:59:59: not yet expired.', expiring('2016-12-31T23:59:60Z'), at(LEAP_MIDNIGHT - 1), accept());
  proofVector('w3c/expires-offset-not-yet', '6.2', 'A proof that expires at 2017-01-01T01:00:00+01:00 (midnight UTC), checked one second before midnight UTC: not yet expired.', expiring('2017-01-01T01:00:00+01:00'), at(LEAP_MIDNIGHT - 1), accept());
  proofVector('w3c/expires-offset-passed', '6.2', 'A proof that expires at 2017-01-01T01:00:00+01:00 (midnight UTC), checked at midnight UTC: expired; an implementation that ignores the offset thinks it has an hour left.', expiring('2017-01-01T01:00:00+01:00'), at(LEAP_MIDNIGHT), reject('ERR_PROOF_EXPIRED'));
  proofVector('w3c/expires-fraction-not-yet', '6.2', 'A proof that expires at 2016-12-31T23:59:59.5Z, checked at 23:59:59: half a second is left (an implementation that drops the fraction thinks it has expired).', expiring('2016-12-31T23:59:59.5Z'), at(LEAP_MIDNIGHT - 1), accept());
  proofVector('w3c/expires-day-does-not-exist', '6.2', 'A proof whose expiry is 2030-02-30, a day that does not exist: refused, not taken as "not expired".', expiring('2030-02-30T00:00:00Z'), at(T0), reject('ERR_TIME_INVALID'));
  proofVector('w3c/expires-leap-second-not-utc', '6.2', 'A proof whose expiry is a leap second at noon UTC (2030-06-15T12:00:60Z), which cannot exist: refused.', expiring('2030-06-15T12:00:60Z'), at(T0), reject('ERR_TIME_INVALID'));
  proofVector('w3c/expires-no-offset', '6.2', 'A proof whose expiry has no offset (2099-01-01T00:00:00): not RFC 3339, refused rather than read as local time.', expiring('2099-01-01T00:00:00'), at(T0), reject('ERR_TIME_INVALID'));
}
proofVector('w3c/proof-value-not-multibase', '6.4', 'A proofValue in hex, not z + base58btc.', mut(w3c, (d) => (d.proof.proofValue = 'f' + '0'.repeat(128))), at(0), reject('ERR_PROOF_MALFORMED'));
proofVector('w3c/proof-context-not-a-prefix', '6.4', "The proof's @context is not a prefix of the document's.", mut(w3c, (d) => (d.proof['@context'] = ['https://www.w3.org/ns/credentials/examples/v2'])), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
proofVector('w3c/context-url-appended', '6.4', "Change a credential's meaning without breaking its proof: a context URL appended to the document's @context after signing. The W3C algorithm hashes the proof's @context in its place, so the proof still verifies there; writ refuses it.", mut(w3c, (d) => d['@context'].push('https://attacker.example/redefines-terms')), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
proofVector('w3c/context-object-appended', '6.4', 'An inline context object appended to the document\'s @context after signing, redefining a term.', mut(w3c, (d) => d['@context'].push({ name: 'https://attacker.example/vocab#notTheName' })), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
proofVector('w3c/did-key-fragment-of-another-key', '6.5', 'A did:key method whose fragment is not the DID\'s own key.', mut(w3c, (d) => (d.proof.verificationMethod = `${d.proof.verificationMethod.split('#')[0]}#${P.stranger.didKey.slice('did:key:'.length)}`)), at(0), reject('ERR_KEY_MALFORMED'));
// Second routes (issue 11): each code reached through another part of the proof than above.
proofVector('w3c/proof-moved-into-the-subject', '6.4', 'The W3C vector with its proof moved from the document into its credentialSubject: the document itself carries no proof, and one nested elsewhere does not count.', mut(w3c, (d) => ((d.credentialSubject.proof = d.proof), delete d.proof)), at(0), reject('ERR_PROOF_MISSING'));
proofVector('w3c/not-a-data-integrity-proof', '6.4', 'Proof type substitution: the same proof relabelled Ed25519Signature2020, which is not a DataIntegrityProof.', mut(w3c, (d) => (d.proof.type = 'Ed25519Signature2020')), at(0), reject('ERR_PROOF_UNSUPPORTED'));
proofVector('w3c/proof-value-63-bytes', '6.4', 'A proofValue that is z and base58btc, but of 63 bytes (the signature with its last byte cut off): not a 64-byte Ed25519 signature.', mut(w3c, (d) => (d.proof.proofValue = `z${toBase58(fromBase58(d.proof.proofValue.slice(1)).subarray(0, 63))}`)), at(0), reject('ERR_PROOF_MALFORMED'));
{
  const x25519 = `z${toBase58(new Uint8Array([0xec, 0x01, ...P.stranger.pk]))}`;
  proofVector('w3c/did-key-not-ed25519', '6.5', 'A did:key method whose DID and fragment agree, but whose multicodec prefix (0xec 0x01) says X25519, not Ed25519: it is no Ed25519 key.', mut(w3c, (d) => (d.proof.verificationMethod = `did:key:${x25519}#${x25519}`)), at(0), reject('ERR_KEY_MALFORMED'));
}
proofVector('w3c/signed-unsafe-negative-integer', '3', 'The W3C vector with a member -9007199254740992 (-2^53) in its subject: signed content holding an integer beyond -(2^53 - 1), refused before the proof is checked.', mut(w3c, (d) => (d.credentialSubject.credits = -9007199254740992)), at(0), reject('ERR_JSON_UNSAFE_INTEGER'));
const merchantDid = fixture('identity/did-document', 'dreamineering.commerce-rails');
const didContext = (now) => at(now, { documents: [merchantDid] });
const NOV = Date.parse('2026-11-01T10:08:00Z') / 1000;
const merchantCredential = fixture('identity/merchant-credential', 'dreamineering-self-issued.commerce-rails');
const agentCredential = fixture('identity/agent-credential', 'shopping-agent.commerce-rails');
const card = fixture('discovery/agent-card', 'dreamineering.commerce-rails');
proofVector('did-web/merchant-credential', '12.1', 'Agent Commerce Rails station 1: a third party verifies Dreamineering\'s self-issued credential with the did:web document it supplies.', merchantCredential, didContext(NOV), accept());
proofVector('did-web/not-supplied', '6.5', 'A did:web method with no DID document supplied: never fetched.', merchantCredential, at(NOV), reject('ERR_KEY_UNRESOLVED'));
proofVector('did-web/not-for-assertion', '6.5', 'The method is in the DID document but not under assertionMethod.', merchantCredential, at(NOV, { documents: [mut(merchantDid, (d) => (d.assertionMethod = []))] }), reject('ERR_PROOF_PURPOSE'));
proofVector('expired-proof', '6.4', 'A proof whose expires time has passed.', reprove(agentCredential, P.merchant, undefined, { expires: '2026-11-01T09:00:00Z' }), didContext(NOV), reject('ERR_PROOF_EXPIRED'));
// -0 does not survive JSON.stringify, so these cases give the document as text (SPEC.md 13.2).
const negativeZeroText = (doc) => JSON.stringify({ ...doc, zero: 0.5 }).replace('"zero":0.5', '"zero":-0');
vector('proof/signed-negative-zero', '3', 'Signed content holding -0, which canonicalises to 0: two texts would share one signature.', { document_text: negativeZeroText(merchantCredential) }, didContext(NOV), reject('ERR_JSON_NEGATIVE_ZERO'));
const credentialVector = (name, description, document, context, expect) => vector(`proof/credential/${name}`, '12.1', description, { operation: 'credential', document }, context, expect);
credentialVector('merchant.commerce-rails', 'Agent Commerce Rails station 1: the merchant credential, issued and proved by did:web:dreamineering.com.', merchantCredential, didContext(NOV), accept());
credentialVector('agent.commerce-rails', 'Agent Commerce Rails station 1: the shopping agent\'s credential, issued by Dreamineering.', agentCredential, didContext(NOV), accept());
credentialVector('proved-for-authentication', 'A credential proved for authentication: the proof does not assert it, even when the key is listed for authentication.', reprove(agentCredential, P.merchant, undefined, { proofPurpose: 'authentication' }), didContext(NOV), reject('ERR_PROOF_PURPOSE'));
credentialVector('context-appended', 'A merchant credential whose @context gained a URL after signing: its terms could mean something else, and its proof would not show it.', mut(merchantCredential, (d) => d['@context'].push('https://attacker.example/v1')), didContext(NOV), reject('ERR_PROOF_CONTEXT_MISMATCH'));
credentialVector('not-yet-valid', 'A credential used before its validFrom.', merchantCredential, didContext(Date.parse('2026-10-31T23:59:59Z') / 1000), reject('ERR_IDENTITY_NOT_YET_VALID'));
credentialVector('expired', 'A credential used at its validUntil.', merchantCredential, didContext(Date.parse('2027-11-01T00:00:00Z') / 1000), reject('ERR_IDENTITY_EXPIRED'));
credentialVector('agent-expired-by-an-offset', 'The agent credential re-issued by Dreamineering with validUntil 2026-11-01T12:00:00+02:00 (10:00 UTC), checked at 10:08 UTC: it has expired, though the text reads later.', reprove({ ...agentCredential, validUntil: '2026-11-01T12:00:00+02:00' }, P.merchant), didContext(NOV), reject('ERR_IDENTITY_EXPIRED'));
credentialVector('agent-not-yet-valid-by-an-offset', 'The agent credential re-issued by Dreamineering with validFrom 2026-11-01T05:09:00-05:00 (10:09 UTC), checked at 10:08 UTC: not yet valid, though the text reads earlier.', reprove({ ...agentCredential, validFrom: '2026-11-01T05:09:00-05:00' }, P.merchant), didContext(NOV), reject('ERR_IDENTITY_NOT_YET_VALID'));
credentialVector('issuer-impersonation', 'Issuer impersonation: a credential naming Dreamineering as issuer, proved by another key (a valid proof, by the wrong party).', reprove(mut(agentCredential, (d) => (d.credentialSubject.roles = ['buyer', 'seller'])), P.stranger, P.stranger.vm), didContext(NOV), reject('ERR_IDENTITY_ISSUER_MISMATCH'));
const cardVector = (name, description, document, credentials, context, expect) => vector(`proof/agent-card/${name}`, '12.1', description, { operation: 'agent_card', document, credentials }, context, expect);
cardVector('dreamineering.commerce-rails', 'Agent Commerce Rails station 2: the agent card verifies against the did:web document, and lists the merchant credential by its hash.', card, [merchantCredential], didContext(NOV), accept());
cardVector('signed-by-another-did', 'Manifest spoofing: a card for did:web:dreamineering.com with cheaper prices, proved by another key.', reprove(mut(card, (d) => (d.tools[0].pricing.base_price.units = 1)), P.stranger, P.stranger.vm), [], didContext(NOV), reject('ERR_IDENTITY_ISSUER_MISMATCH'));
cardVector('credential-swapped', 'The card lists a credential whose hash is not the hash of the credential given (a re-issued, changed credential).', card, [reprove(mut(merchantCredential, (d) => (d.name = 'changed')), P.merchant)], didContext(NOV), reject('ERR_IDENTITY_CREDENTIAL_MISMATCH'));
cardVector('listed-hash-stale', 'The genuine merchant credential, given beside a card Dreamineering re-proved listing another hash for it: the card, not the credential, is what changed.', reprove(mut(card, (d) => (d.credentials[0].hash = `sha256:${'3'.repeat(64)}`)), P.merchant), [merchantCredential], didContext(NOV), reject('ERR_IDENTITY_CREDENTIAL_MISMATCH'));

// ---------------------------------------------------------------------------------------------
// compact (SPEC.md 6.4): the chio-shaped envelope

const buyer = fixture('receipt/tool-call', 'buyer.commerce-network');
const provider = fixture('receipt/tool-call', 'provider.commerce-network');
const root = fixture('capability/token', 'root-commander.incident-network');
const vendor = fixture('capability/token', 'vendor-liaison.incident-network');
const coordinator = fixture('capability/token', 'provider-coordinator.incident-network');
const executor = fixture('capability/token', 'provider-executor.incident-network');
const revocation = fixture('capability/revocation', 'vendor-liaison.incident-network');
const compactVector = (name, description, document, signer, expect) => vector(`compact/${name}`, '6.4', description, { document, signer }, at(0), expect);
compactVector('receipt.commerce-network', 'Agent Commerce Network: the buyer kernel\'s receipt, signed by its kernel_key.', buyer, 'kernel_key', accept());
compactVector('capability.incident-network', 'Incident Network: the root capability, signed by its issuer.', root, 'issuer', accept());
compactVector('revocation.incident-network', 'Incident Network: the revocation of the vendor liaison\'s capability, signed by the commander.', revocation, 'revoked_by', accept());
compactVector('algorithm-is-not-signed', 'The algorithm member is informational and outside the signed bytes: changing it changes nothing.', { ...buyer, algorithm: 'Ed25519' }, 'kernel_key', accept());
compactVector('receipt-changed', 'A receipt whose settlement status was changed after signing.', { ...buyer, settlement_status: 'settled' }, 'kernel_key', reject('ERR_SIG_INVALID'));
compactVector('key-substitution', 'Key substitution: the signer member replaced by another key.', { ...buyer, kernel_key: P.stranger.hex }, 'kernel_key', reject('ERR_SIG_INVALID'));
compactVector('no-signature', 'A receipt without its signature.', mut(buyer, (d) => delete d.signature), 'kernel_key', reject('ERR_SIG_MISSING'));
compactVector('no-signer', 'A receipt without its signer key.', mut(buyer, (d) => delete d.kernel_key), 'kernel_key', reject('ERR_SIG_MISSING'));
compactVector('signature-upper-case', 'A signature in upper-case hex.', { ...buyer, signature: buyer.signature.toUpperCase() }, 'kernel_key', reject('ERR_SIG_MALFORMED'));
compactVector('malleated-signature', 'Signature malleability: S + L.', { ...buyer, signature: `${buyer.signature.slice(0, 64)}${toHex(leBytes(le(hexBytes(buyer.signature.slice(64))) + L))}` }, 'kernel_key', reject('ERR_SIG_NON_CANONICAL'));
compactVector('small-order-signer', 'A small-order key as signer.', { ...buyer, kernel_key: SMALL_ORDER.identity }, 'kernel_key', reject('ERR_SIG_SMALL_ORDER'));
vector('compact/signed-negative-zero', '3', 'Signed content holding -0.', { document_text: negativeZeroText(buyer), signer: 'kernel_key' }, at(0), reject('ERR_JSON_NEGATIVE_ZERO'));
vector('compact/duplicate-member-text', '3', 'Signature confusion in the document text itself: the settlement status given twice.', { document_text: JSON.stringify(buyer).replace('"settlement_status":"charged"', '"settlement_status":"charged","settlement_status":"settled"'), signer: 'kernel_key' }, at(0), reject('ERR_JSON_DUPLICATE_KEY'));
compactVector('signed-unsafe-integer', 'Signed content holding 2^53 + 1, which readers round differently (chio prints it exactly; writ refuses it, SPEC.md 6.6).', { ...buyer, timestamp: 9007199254740993 }, 'kernel_key', reject('ERR_JSON_UNSAFE_INTEGER'));

// ---------------------------------------------------------------------------------------------
// capability and chain (SPEC.md 12.2): Incident Network's delegation chain

const chain = [root, vendor, coordinator];
const NOW1 = T0 + 20;
const chainInput = (capability, capabilities = chain) => ({ capability, capabilities });
const child = (change) => resign(mut(executor, change), P.coordinator);
vector('capability/incident-network/happy-path', '12.2', 'Incident Network happy path: commander -> vendor liaison -> provider coordinator -> executor, each narrowing its parent.', chainInput(executor), at(NOW1), accept());
vector('capability/incident-network/attenuation-deny', '12.2', 'Incident Network attenuation deny: the executor\'s capability asks for any rule, dropping the one-rule constraint its chain carries.', chainInput(fixture('capability/token', 'provider-executor-broader-rule.incident-network')), at(NOW1), reject('ERR_CAP_CONSTRAINT_DROPPED'));
vector('capability/constraints-in-another-order', '12.2', 'Constraints are compared as a set: the same constraints in another order narrow nothing away.', chainInput(child((d) => d.scope.grants[0].constraints.reverse())), at(NOW1), accept());
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
]) {
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
const link = (signer, change = () => {}) =>
  resign(mut({ capability_id: coordinator.id, delegator: coordinator.subject, delegatee: executor.subject, timestamp: executor.issued_at, signature: '0'.repeat(128) }, change), signer);
const withLinks = (...links) => resign(mut(executor, (d) => (d.delegation_chain = links)), P.coordinator);
vector('chain/delegation-link-signed', '12.2', 'The executor\'s capability carries the delegation link its delegator (the provider coordinator) signed: the chain verifies.', chainInput(withLinks(link(P.coordinator))), at(NOW1), accept());
vector('chain/delegation-link-forged-signature', '12.2', 'Forged delegation link: the link names the coordinator as delegator but a stranger signed it, inside a token its issuer re-signed.', chainInput(withLinks(link(P.stranger))), at(NOW1), reject('ERR_SIG_INVALID'));
vector('chain/delegation-link-by-a-stranger', '12.2', 'A delegation link a stranger made and signed, naming itself as delegator: it issued no capability of the chain.', chainInput(withLinks(link(P.stranger, (d) => (d.delegator = P.stranger.hex)))), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
vector('chain/delegation-link-to-a-stranger', '12.2', 'A delegation link, signed by the coordinator, to a delegatee that holds no capability of the chain.', chainInput(withLinks(link(P.coordinator, (d) => (d.delegatee = P.stranger.hex)))), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
vector('chain/delegation-link-from-another-chain', '12.2', 'A delegation link, signed by the coordinator, that delegates a capability of another chain.', chainInput(withLinks(link(P.coordinator, (d) => (d.capability_id = 'INC-2026-0428-other')))), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
// A link pairs one hop's holder with the next hop's (Chio: the ancestor delegated, its holder, the receiver).
const holder = (hex) => Object.values(P).find((q) => q.hex === hex);
vector('chain/delegation-link-wrong-delegator', '12.2', 'A delegation link of the coordinator\'s capability signed by the commander, who issued a capability of the chain but does not hold the one delegated.', chainInput(withLinks(link(P.commander, (d) => (d.delegator = P.commander.hex)))), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
vector('chain/delegation-link-wrong-delegatee', '12.2', 'A delegation link, signed by the coordinator, to the vendor liaison, who holds a capability of the chain but not the one delegated from the coordinator\'s.', chainInput(withLinks(link(P.coordinator, (d) => (d.delegatee = vendor.subject)))), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
vector('chain/delegation-link-of-itself', '12.2', 'A delegation link that names the capability carrying it: a capability cannot record its own delegation onward.', chainInput(withLinks(link(P.coordinator, (d) => (d.capability_id = executor.id)))), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
const hopLink = (from, to) => resign({ capability_id: from.id, delegator: from.subject, delegatee: to.subject, timestamp: to.issued_at, signature: '0'.repeat(128) }, holder(from.subject));
vector('chain/delegation-links-every-hop', '12.2', 'The executor\'s capability carries a link for every hop from the root, each signed by the holder of the capability it delegates: the chain verifies.', chainInput(withLinks(hopLink(root, vendor), hopLink(vendor, coordinator), hopLink(coordinator, executor))), at(NOW1), accept());
// Patterns, resource grants and prompt grants (SPEC.md 12.2, attenuation): a root with a prefix
// pattern, a resource grant and a prompt grant, and a vendor liaison narrowing (or widening) each.
const wideRoot = resign(mut(root, (d) => {
  d.scope.grants[1].tool_name = 'disable_*';
  d.scope.resource_grants = [{ uri_pattern: 'incident://INC-2026-0428/*', operations: ['read', 'delegate'] }];
  d.scope.prompt_grants = [{ prompt_name: 'triage-*', operations: ['get', 'delegate'] }];
}), P.commander);
const underWide = (change) => chainInput(resign(mut(vendor, (d) => {
  d.scope.resource_grants = [{ uri_pattern: 'incident://INC-2026-0428/logs', operations: ['read'] }];
  d.scope.prompt_grants = [{ prompt_name: 'triage-edge', operations: ['get'] }];
  change(d);
}), holder(root.subject)), [wideRoot]);
vector('capability/patterns-narrowed', '12.2', 'A root granting disable_*, incident://INC-2026-0428/* and triage-*; its delegate names disable_edge_rule, one resource and one prompt within them: the chain verifies.', underWide(() => {}), at(NOW1), accept());
vector('capability/pattern-kept', '12.2', 'The delegate keeps the parent\'s own prefix pattern disable_*: equal patterns cover.', underWide((d) => (d.scope.grants[1].tool_name = 'disable_*')), at(NOW1), accept());
vector('capability/pattern-widened-to-any', '12.2', 'The delegate widens disable_* to *: no grant of the parent covers it.', underWide((d) => (d.scope.grants[1].tool_name = '*')), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
vector('capability/prefix-pattern-under-prefix-pattern', '12.2', 'The delegate narrows disable_* to the pattern disable_edge*: a child\'s pattern is covered only by the same pattern or by *, so it is refused (a conservative reading SPEC states).', underWide((d) => (d.scope.grants[1].tool_name = 'disable_edge*')), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
vector('capability/name-just-outside-the-prefix', '12.2', 'The delegate names disable-edge-rule, which the prefix disable_ does not start (a hyphen, not an underscore).', underWide((d) => (d.scope.grants[1].tool_name = 'disable-edge-rule')), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
vector('capability/resource-widened', '12.2', 'The delegate\'s resource grant incident://* is wider than the parent\'s incident://INC-2026-0428/*.', underWide((d) => (d.scope.resource_grants[0].uri_pattern = 'incident://*')), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
vector('capability/resource-operation-widened', '12.2', 'The delegate may subscribe to the resource; the parent\'s resource grant allows read and delegate only.', underWide((d) => (d.scope.resource_grants[0].operations = ['read', 'subscribe'])), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
vector('capability/prompt-outside-the-pattern', '12.2', 'The delegate\'s prompt grant postmortem-edge is outside the parent\'s triage-*.', underWide((d) => (d.scope.prompt_grants[0].prompt_name = 'postmortem-edge')), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
vector('capability/resource-not-delegable', '12.2', 'The parent\'s resource grant drops delegate: the delegate\'s resource grant is not within a delegable grant.', chainInput(resign(mut(vendor, (d) => (d.scope.resource_grants = [{ uri_pattern: 'incident://INC-2026-0428/logs', operations: ['read'] }])), holder(root.subject)), [resign(mut(wideRoot, (d) => (d.scope.resource_grants[0].operations = ['read'])), P.commander)]), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
// One id, one capability (SPEC.md 12.2): a self-signed fork of the vendor liaison's capability.
const forkedVendor = resign(mut(vendor, (d) => ((d.issuer = P.stranger.hex), (d.parent_capability_id = null), (d.delegation_depth = 0))), P.stranger);
vector('chain/forked-id', '12.2', 'Suppress a revocation with a forked id: a self-signed capability reuses the vendor liaison\'s id, so a walk could take one and a revocation check the other.', chainInput(executor, [root, vendor, coordinator, forkedVendor]), at(NOW1), reject('ERR_CHAIN_DUPLICATE_ID'));
vector('chain/same-capability-twice', '12.2', 'The same capability given twice (the leaf among the evidence too) is one capability.', chainInput(executor, [root, vendor, vendor, coordinator, executor]), at(NOW1), accept());
// A child's window lies inside its parent's (SPEC.md 12.2, attenuation).
const issuedAt = (t) => child((d) => ((d.issued_at = t), (d.ttl_secs = d.expires_at - t)));
vector('capability/issued-before-parent', '12.2', 'Predate the parent: the executor\'s capability is issued one second before the coordinator\'s.', chainInput(issuedAt(coordinator.issued_at - 1)), at(NOW1), reject('ERR_CAP_ISSUED_BEFORE_PARENT'));
vector('capability/issued-with-parent', '12.2', 'A capability issued in the same second as its parent is within its window.', chainInput(issuedAt(coordinator.issued_at)), at(NOW1), accept());
// Second routes (issue 11): each attenuation failure at the vendor liaison's hop (depth 1), or on
// another grant, rather than at the executor's; each chain failure at another place in the walk.
const vendorAs = (change) => resign(mut(vendor, change), P.commander);
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
  const deep = [root, vendor, coordinator];
  for (let depth = 3; depth <= 17; depth++) {
    const parent = deep[depth - 1];
    const next = depth % 2 === 1 ? P.executor : P.coordinator;
    deep.push(resign(mut(coordinator, (d) => ((d.id = `${coordinator.id}-hop-${depth}`), (d.issuer = parent.subject), (d.subject = next.hex), (d.delegation_depth = depth), (d.parent_capability_id = parent.id))), holder(parent.subject)));
  }
  vector('chain/deepest-default-depth', '12.2', 'A chain 16 delegations deep, each hop a copy of its parent\'s grant, with no max_depth in the context: the default limit is 16, and it is reached, not passed.', chainInput(deep[16], deep.slice(0, 16)), at(NOW1), accept());
  vector('chain/too-deep-default-limit', '12.2', 'The same chain one delegation deeper (17), with no max_depth in the context: past the default limit of 16.', chainInput(deep[17], deep.slice(0, 17)), at(NOW1), reject('ERR_CHAIN_TOO_DEEP'));
}

// ---------------------------------------------------------------------------------------------
// budget (SPEC.md 12.5): Agent Commerce Network's procurement grant and Incident Network's executor grant

const procurement = fixture('capability/token', 'procurement.commerce-network');
const authorize = (name, description, capability, grantIndex, exposure, ledger, approved, expect) =>
  vector(`budget/${name}`, '12.5', description, { operation: 'authorize', capability, grant_index: grantIndex, exposure, ...(ledger === undefined ? {} : { ledger }), approved }, at(T0), expect);
authorize('commerce-network/happy-path-approved', 'Agent Commerce Network happy path: the worst-case price of 125000 fits the grant, with the approval the quote asked for.', procurement, 1, usd(125000), undefined, true, accept());
authorize('commerce-network/denied-budget', 'Agent Commerce Network denied_budget: 210000 on top of 125000 already charged breaks max_total_cost; the pre-charge never lands.', procurement, 1, usd(210000), { invocations: 1, total: 125000 }, true, reject('ERR_BUDGET_TOTAL_EXCEEDED'));
authorize('commerce-network/pending-approval', 'Agent Commerce Network pending_approval: 125000 is above the grant\'s 100000 approval threshold and no approval was given.', procurement, 1, usd(125000), undefined, false, reject('ERR_BUDGET_APPROVAL_REQUIRED'));
authorize('invocations-exhausted', 'A fourth call on a three-call grant.', procurement, 1, usd(100), { invocations: 3, total: 300 }, false, reject('ERR_BUDGET_INVOCATIONS_EXCEEDED'));
authorize('per-call-exceeded', 'One call above max_cost_per_invocation, within the total.', resign(mut(procurement, (d) => (d.scope.grants[1].max_total_cost.units = 900000)), P.trust000), 1, usd(150001), undefined, true, reject('ERR_BUDGET_PER_CALL_EXCEEDED'));
authorize('currency-swap', 'Currency confusion: an exposure in EUR against a grant capped in USD.', procurement, 1, { units: 10, currency: 'EUR' }, undefined, true, reject('ERR_BUDGET_CURRENCY_MISMATCH'));
authorize('no-such-grant', 'A grant index the capability does not have.', procurement, 7, usd(10), undefined, true, reject('ERR_BUDGET_GRANT_MISSING'));
authorize('incident-network/approval-required', 'Incident Network approval required: a broader rollback (4.50) is above the $3.00 threshold on the executor\'s grant.', executor, 0, usd(450), undefined, false, reject('ERR_BUDGET_APPROVAL_REQUIRED'));
authorize('incident-network/approved-rollback', 'Incident Network: with the approval, the broader rollback goes ahead.', executor, 0, usd(450), undefined, true, accept());
const shadowed = resign(mut(executor, (d) => d.scope.grants[0].constraints.unshift({ type: 'require_approval_above', value: { threshold_units: 100000 } })), P.coordinator);
vector('capability/looser-threshold-added', '12.2', 'A delegate keeps its parent\'s approval threshold and adds a looser one first: adding a constraint narrows nothing away, so the chain verifies.', chainInput(shadowed), at(NOW1), accept());
authorize('threshold-shadowed', 'Shadow a constraint: the same grant with a looser require_approval_above first; constraints of one type all apply, so the lower threshold still holds the 4.50 call.', shadowed, 0, usd(450), undefined, false, reject('ERR_BUDGET_APPROVAL_REQUIRED'));
authorize('negative-ledger', 'A ledger with a negative count is the caller\'s mistake: a verdict with a code, not a crash and not a decision.', procurement, 1, usd(10), { invocations: -1, total: 0 }, true, reject('ERR_USAGE_INVALID_ARGUMENT'));
authorize('exactly-the-total', 'An exposure that brings the total exactly to max_total_cost fits.', procurement, 1, usd(25000), { invocations: 1, total: 125000 }, true, accept());
authorize('one-unit-past-the-total', 'An exposure of 25001 within the per-call cap, on top of 125000 already charged: the ledger, not the exposure alone, takes the total one unit past max_total_cost.', procurement, 1, usd(25001), { invocations: 1, total: 125000 }, true, reject('ERR_BUDGET_TOTAL_EXCEEDED'));
authorize('per-call-exceeded-without-a-total', 'A grant with a per-call cap and no total cap (re-signed by its issuer): one call of 150001 is above max_cost_per_invocation, with no total to break first.', resign(mut(procurement, (d) => delete d.scope.grants[1].max_total_cost), P.trust000), 1, usd(150001), undefined, true, reject('ERR_BUDGET_PER_CALL_EXCEEDED'));
authorize('grant-index-one-past-the-end', 'Grant index 2 on a capability with two grants (0 and 1): one past the last.', procurement, 2, usd(10), undefined, true, reject('ERR_BUDGET_GRANT_MISSING'));
const record = (name, description, rec, capability, expect) => vector(`budget/record/${name}`, '12.5', description, { operation: 'record', record: rec, capability }, at(T0), expect);
record('commerce-network-allowed', 'Agent Commerce Network: the recorded authorization, with its approval, is what the caps give.', fixture('settlement/budget-authorization', 'allowed.commerce-network'), procurement, accept());
record('commerce-network-denied', 'Agent Commerce Network: the recorded denial names max_total_cost, the first limit broken.', fixture('settlement/budget-authorization', 'denied-budget.commerce-network'), procurement, accept());
record('commerce-network-pending', 'Agent Commerce Network: the recorded pending approval.', fixture('settlement/budget-authorization', 'pending-approval.commerce-network'), procurement, accept());
record('allowed-without-approval', 'A record that allows an exposure above the threshold without an approval is false.', mut(fixture('settlement/budget-authorization', 'allowed.commerce-network'), (d) => delete d.approval), procurement, reject('ERR_BUDGET_DECISION_MISMATCH'));
record('approval-after-the-fact', 'An approval dated after the decision does not count.', mut(fixture('settlement/budget-authorization', 'allowed.commerce-network'), (d) => (d.approval.approved_at = d.decided_at + 1)), procurement, reject('ERR_BUDGET_DECISION_MISMATCH'));
record('another-capability', 'A record about another capability.', fixture('settlement/budget-authorization', 'allowed.commerce-network'), executor, reject('ERR_REPLAY_LINK_BROKEN'));
vector('budget/record/ledger-in-fractions', '12.5', 'A recorded authorization checked against a ledger of 0.5 units charged: a ledger in fractions of a minor unit is the caller\'s mistake, a verdict with a code and not a decision.', { operation: 'record', record: fixture('settlement/budget-authorization', 'allowed.commerce-network'), capability: procurement, ledger: { invocations: 0, total: 0.5 } }, at(T0), reject('ERR_USAGE_INVALID_ARGUMENT'));
const reconcile = (name, description, charged, actual, expect) => vector(`budget/reconcile/${name}`, '12.5', description, { operation: 'reconcile', charged, actual }, at(T0), expect);
reconcile('credited', 'Agent Commerce Network phase 5: actual below charged; the difference is credited back.', usd(125000), usd(118000), accept());
reconcile('unchanged', 'Agent Commerce Network phase 5: actual equal to charged; no adjustment.', usd(125000), usd(125000), accept());
reconcile('overrun', 'Agent Commerce Network phase 5: actual above charged; the receipt\'s settlement fails and the overrun is recorded.', usd(125000), usd(131000), reject('ERR_BUDGET_OVERRUN'));
reconcile('currency-swap', 'An actual cost in another currency than the charge.', usd(125000), { units: 125000, currency: 'EUR' }, reject('ERR_BUDGET_CURRENCY_MISMATCH'));
reconcile('overrun-by-one-unit', 'Incident Network\'s executor call charged 250 and costing 251: one unit over is an overrun.', usd(250), usd(251), reject('ERR_BUDGET_OVERRUN'));
vector('budget/reconciliation/commerce-network-unchanged', '12.5', 'Agent Commerce Network: the spend reconciliation against its authorization and the buyer\'s receipt.', { operation: 'reconciliation', record: fixture('settlement/spend-reconciliation', 'unchanged.commerce-network'), authorization: fixture('settlement/budget-authorization', 'allowed.commerce-network'), receipt: buyer }, at(T0), accept());
vector('budget/reconciliation/overrun-recorded', '12.5', 'A reconciliation that records an overrun and marks the settlement failed: a correct record of that outcome, so it verifies (the reconcile operation itself refuses the overrun; the record of it is evidence).', { operation: 'reconciliation', record: fixture('settlement/spend-reconciliation', 'overrun-fails-receipt') }, at(T0), accept());
vector('budget/reconciliation/receipt-cost-differs', '12.5', 'The receipt records another cost than the actual cost reconciled.', { operation: 'reconciliation', record: fixture('settlement/spend-reconciliation', 'unchanged.commerce-network'), receipt: resign({ ...buyer, cost: usd(124000) }, P.buyerKernel) }, at(T0), reject('ERR_BUNDLE_COST_MISMATCH'));
vector('budget/reconciliation/denied-charge', '12.5', 'Reconciling a charge whose authorization was denied: nothing was charged.', { operation: 'reconciliation', record: fixture('settlement/spend-reconciliation', 'unchanged.commerce-network'), authorization: mut(fixture('settlement/budget-authorization', 'allowed.commerce-network'), (d) => ((d.decision = 'denied'), (d.denial = 'max_total_cost'), delete d.hold_id)) }, at(T0), reject('ERR_BUDGET_DECISION_MISMATCH'));

// ---------------------------------------------------------------------------------------------
// intent and receipt (SPEC.md 12.3, 12.4): Agent Commerce Network phases 2 and 4

const intent = fixture('intent/governed-intent', 'commerce-network');
const prepaid = fixture('intent/governed-intent', 'fixed-price-prepaid');
const pair = fixture('receipt/receipt-pair', 'commerce-network');
vector('intent/commerce-network', '12.3', 'Agent Commerce Network phase 2: the governed intent\'s hash is its own, and the call is the one it names.', { intent, call: { capability_id: procurement.id, tool_server: 'provider-security-review', tool_name: 'execute_review' } }, at(T0), accept());
vector('intent/price-raised-after-hashing', '12.3', 'The worst-case price raised after the hash was taken: the stated intent_hash is stale.', { intent: mut(intent, (d) => (d.billing_context.max_price_minor = 999999)) }, at(T0), reject('ERR_INTENT_HASH_MISMATCH'));
vector('intent/another-capability', '12.3', 'The call is made under another capability than the intent names.', { intent, call: { capability_id: 'cap-elsewhere' } }, at(T0), reject('ERR_INTENT_CAPABILITY_MISMATCH'));
vector('intent/incident-network/ancestor-capability', '12.3', 'Incident Network: the disable_edge_rule call is made under the provider coordinator\'s capability, an ancestor in the chain of the executor\'s capability the intent names.', { intent: fixture('intent/governed-intent', 'disable-edge-rule.incident-network'), call: { capability_id: coordinator.id, tool_server: 'provider-ops', tool_name: 'disable_edge_rule' } }, at(T0), reject('ERR_INTENT_CAPABILITY_MISMATCH'));
vector('intent/another-tool', '12.3', 'Tool substitution: the call is to another tool than the intent names.', { intent, call: { tool_server: 'provider-security-review', tool_name: 'export_findings' } }, at(T0), reject('ERR_INTENT_TOOL_MISMATCH'));
vector('intent/expired', '12.3', 'Dispatched at the intent\'s expires_at.', { intent: prepaid }, at(prepaid.expires_at), reject('ERR_INTENT_EXPIRED'));
vector('intent/before-expiry', '12.3', 'Dispatched one second before the intent\'s expires_at.', { intent: prepaid }, at(prepaid.expires_at - 1), accept());
vector('receipt/commerce-network/pair', '12.4', 'Agent Commerce Network phase 4: both receipts commit to the hash recomputed from the buyer\'s intent, under two kernels.', { pair, intent }, at(T0), accept());
vector('receipt/commerce-network/buyer', '12.4', 'Agent Commerce Network: the buyer kernel\'s receipt against the intent.', { receipt: buyer, intent }, at(T0), accept());
vector('receipt/another-intent', '12.4', 'A receipt that commits to another intent hash than the one recomputed.', { receipt: resign({ ...provider, intent_hash: `sha256:${'0'.repeat(64)}` }, P.providerKernel), intent }, at(T0), reject('ERR_RECEIPT_INTENT_MISMATCH'));
vector('receipt/another-capability', '12.4', 'A receipt under another capability than its intent.', { receipt: resign({ ...provider, capability_id: 'cap-elsewhere' }, P.providerKernel), intent }, at(T0), reject('ERR_RECEIPT_CAPABILITY_MISMATCH'));
vector('receipt/one-kernel-signs-both', '12.4', 'Self-dealing: one kernel signs both sides of the "bilateral" evidence.', { buyer_receipt: buyer, provider_receipt: resign({ ...provider, kernel_key: P.buyerKernel.hex }, P.buyerKernel), intent }, at(T0), reject('ERR_RECEIPT_SAME_KERNEL'));
vector('receipt/pair-one-kernel', '12.4', 'A receipt pair signed by one kernel: decided by the verifier after the signatures.', { pair: { ...pair, provider_receipt: resign({ ...provider, kernel_key: P.buyerKernel.hex }, P.buyerKernel) }, intent }, at(T0), reject('ERR_RECEIPT_SAME_KERNEL'));
vector('receipt/forged-kernel-key', '12.4', 'The provider receipt\'s kernel_key swapped for the buyer\'s without re-signing: its signature fails first.', { pair: { ...pair, provider_receipt: { ...provider, kernel_key: P.buyerKernel.hex } }, intent }, at(T0), reject('ERR_SIG_INVALID'));
vector('receipt/provider-called-another-tool', '12.4', 'The provider\'s receipt is for another tool than the intent\'s.', { buyer_receipt: buyer, provider_receipt: resign({ ...provider, tool_name: 'export_findings' }, P.providerKernel), intent }, at(T0), reject('ERR_INTENT_TOOL_MISMATCH'));
{
  const executorReceipt = fixture('receipt/tool-call', 'executor.incident-network');
  vector('receipt/parameters-hashed', '12.4', 'Incident Network: the executor\'s receipt, whose parameter_hash is the hash of the parameters it records.', { receipt: executorReceipt }, at(T0), accept());
  vector('receipt/parameters-changed', '12.4', 'A receipt whose recorded parameters are not the ones its parameter_hash commits to (another rule disabled), re-signed by its kernel.', { receipt: resign(mut(executorReceipt, (d) => (d.action.parameters.rule = 'allow-all')), P.opsKernel) }, at(T0), reject('ERR_RECEIPT_PARAMETER_HASH'));
}
vector('receipt/pair-hash-stale', '12.4', 'A pair whose own intent_hash is not the recomputed one.', { pair: { ...pair, intent_hash: `sha256:${'1'.repeat(64)}` }, intent }, at(T0), reject('ERR_RECEIPT_INTENT_MISMATCH'));

// ---------------------------------------------------------------------------------------------
// mandate (SPEC.md 12.6): Agent Commerce Rails station 4

const intentMandate = fixture('mandate/intent-mandate', 'shopping-agent.commerce-rails');
const cart = fixture('mandate/cart-mandate', 'dreamineering.commerce-rails');
const payment = fixture('mandate/payment-mandate', 'commerce-rails');
const byUser = (d) => reprove(d, P.user);
const byMerchant = (d) => reprove(d, P.merchant);
const payFor = (c, i = intentMandate, change = () => {}) => byUser(mut(payment, (d) => ((d.cart_mandate_hash = documentHash(c)), (d.intent_mandate_hash = documentHash(i)), change(d))));
const mandate = (name, description, m, spent, expect) => vector(`mandate/${name}`, '12.6', description, { ...m, ...(spent === undefined ? {} : { spent }) }, didContext(NOV), expect);
const chainOf = (i, c, p) => ({ intent_mandate: i, cart_mandate: c, payment_mandate: p });
mandate('commerce-rails/first-payment', 'Agent Commerce Rails station 4: intent -> cart -> payment, each signed by the right party, within the 20.00 USD cap.', chainOf(intentMandate, cart, payment), undefined, accept());
mandate('commerce-rails/second-payment-over-cap', 'Agent Commerce Rails station 4: with 16.00 already paid under the intent mandate, a second 5.00 payment is over the 20.00 cap and is refused with a clear reason.', chainOf(intentMandate, cart, payment), { currency: 'USD', value: '16.00' }, reject('ERR_MANDATE_OVER_CAP'));
mandate('reaches-the-cap', 'A payment that brings the total exactly to the cap is within it.', chainOf(intentMandate, cart, payment), { currency: 'USD', value: '15.00' }, accept());
mandate('spent-in-another-currency', 'Earlier payments counted in another currency than the cap.', chainOf(intentMandate, cart, payment), { currency: 'EUR', value: '1.00' }, reject('ERR_MANDATE_CAP_MISMATCH'));
const cartByUser = reprove(cart, P.user, P.user.vm);
mandate('cart-signed-by-user', 'Cart forgery: the cart is proved by the user, not by the merchant it names.', chainOf(intentMandate, cartByUser, payFor(cartByUser)), undefined, reject('ERR_MANDATE_WRONG_SIGNER'));
for (const purpose of ['authentication', 'capabilityInvocation', 'capabilityDelegation']) {
  mandate(`payment-proved-for-${purpose.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, `A payment mandate the user proved for ${purpose}, not assertionMethod: a proof made for another purpose does not assert the payment.`, chainOf(intentMandate, cart, reprove(payment, P.user, undefined, { proofPurpose: purpose })), undefined, reject('ERR_PROOF_PURPOSE'));
}
mandate('payment-signed-by-agent', 'The agent signs the payment itself: a payment mandate must be the user\'s.', chainOf(intentMandate, cart, reprove(payment, P.agent, P.agent.vm)), undefined, reject('ERR_MANDATE_WRONG_SIGNER'));
mandate('cart-swapped', 'Cart substitution: the payment names another cart than the one given.', chainOf(intentMandate, byMerchant(mut(cart, (d) => (d.contents.id = 'cart-other'))), payment), undefined, reject('ERR_MANDATE_CHAIN_BROKEN'));
mandate('cart-for-another-intent', 'The cart names another intent mandate.', chainOf(intentMandate, byMerchant(mut(cart, (d) => (d.intent_mandate_hash = `sha256:${'2'.repeat(64)}`))), payment), undefined, reject('ERR_MANDATE_CHAIN_BROKEN'));
const capped = byMerchant(mut(cart, (d) => (d.spend_cap = { currency: 'USD', value: '25.00' })));
mandate('cart-raises-the-cap', 'The cart restates a higher spend cap than the user\'s intent mandate set.', chainOf(intentMandate, capped, payFor(capped)), undefined, reject('ERR_MANDATE_CAP_MISMATCH'));
const elsewhere = byMerchant(mut(cart, (d) => (d.contents.merchant_name = 'Elsewhere Ltd')));
mandate('merchant-not-allowed', 'A cart from a merchant the intent mandate does not allow.', chainOf(intentMandate, elsewhere, payFor(elsewhere, intentMandate, (d) => (d.payment_mandate_contents.merchant_agent = 'Elsewhere Ltd'))), undefined, reject('ERR_MANDATE_MERCHANT_NOT_ALLOWED'));
{
  const narrowed = byUser(mut(intentMandate, (d) => (d.merchants = ['Elsewhere Ltd'])));
  const cartOfNarrowed = byMerchant(mut(cart, (d) => (d.intent_mandate_hash = documentHash(narrowed))));
  mandate('intent-allows-another-merchant', 'The user\'s intent mandate, re-proved, allows Elsewhere Ltd only; the genuine Dreamineering cart and the payment, chained to it, are from a merchant it does not allow.', chainOf(narrowed, cartOfNarrowed, payFor(cartOfNarrowed, narrowed)), undefined, reject('ERR_MANDATE_MERCHANT_NOT_ALLOWED'));
}
mandate('cart-lapsed', 'Paid at the cart\'s expiry.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.timestamp = '2026-11-01T10:30:00Z'))), undefined, reject('ERR_MANDATE_EXPIRED'));
const lapsed = byUser(mut(intentMandate, (d) => (d.intent_expiry = '2026-11-01T10:06:00Z')));
const cartOfLapsed = byMerchant(mut(cart, (d) => (d.intent_mandate_hash = documentHash(lapsed))));
mandate('intent-lapsed', 'Paid after the intent mandate lapsed.', chainOf(lapsed, cartOfLapsed, payFor(cartOfLapsed, lapsed)), undefined, reject('ERR_MANDATE_EXPIRED'));
// Times as instants (SPEC.md 6.2): an expiry written with an offset, or with a fraction, against a
// payment at 2026-11-01T10:07:00Z. Compared as text, 12:07+02:00 is later; as an instant it is the same.
const expiringAt = (expiry) => {
  const i = byUser(mut(intentMandate, (d) => (d.intent_expiry = expiry)));
  const c = byMerchant(mut(cart, (d) => (d.intent_mandate_hash = documentHash(i))));
  return chainOf(i, c, payFor(c, i));
};
mandate('intent-expiry-offset-reached', 'The intent mandate lapses at 2026-11-01T12:07:00+02:00, the instant of the payment (10:07:00Z): it has lapsed, though the text reads later.', expiringAt('2026-11-01T12:07:00+02:00'), undefined, reject('ERR_MANDATE_EXPIRED'));
mandate('intent-expiry-fraction-after', 'The intent mandate lapses at 2026-11-01T12:07:00.001+02:00, a millisecond after the payment: it still holds.', expiringAt('2026-11-01T12:07:00.001+02:00'), undefined, accept());
mandate('paid-before-1970', 'The payment is dated 1969-12-31T23:59:59Z, before writ\'s clock begins: no date-time writ reads, so the payment mandate fails its schema\'s format, and is not held to an expiry it trivially precedes.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.timestamp = '1969-12-31T23:59:59Z'))), undefined, reject('ERR_SCHEMA_FORMAT'));
mandate('paid-in-the-first-second-of-1970', 'The payment is dated 1970-01-01T00:00:00Z, the first second of writ\'s clock: it reads, comes before both expiries, and the chain verifies.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.timestamp = '1970-01-01T00:00:00Z'))), undefined, accept());
mandate('pays-less-than-the-cart', 'The payment\'s total is not the cart\'s.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.payment_details_total.amount.value = '4.00'))), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
mandate('pays-another-request', 'The payment is for another payment request than the cart\'s.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.payment_details_id = 'pr-other'))), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
// The payee (SPEC.md 12.6): the payment is made by a method the cart accepts, to the payTo it names.
const detailsOf = (d) => d.payment_mandate_contents.payment_response.details;
mandate('pays-another-payee', 'The payment names another payee (payTo) than the one the cart\'s x402 method names.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (detailsOf(d).payTo = '0xd2eac0ffee00000000000000000000000000000b'))), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
mandate('pays-no-named-payee', 'The payment names no payee, where the cart\'s x402 method names one: it is not bound to whom the merchant asked to be paid.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => delete detailsOf(d).payTo)), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
mandate('pays-by-a-method-not-offered', 'The payment is made by card, which the cart (x402 only) does not accept.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.payment_response.method_name = 'CARD'))), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
const cartWithoutPayee = byMerchant(mut(cart, (d) => delete d.contents.payment_request.method_data[0].data.payTo));
mandate('cart-names-no-payee', 'A cart whose x402 method names no payee, and a payment that names none: there is no payee to hold the payment to, and the chain verifies.', chainOf(intentMandate, cartWithoutPayee, payFor(cartWithoutPayee, intentMandate, (d) => delete detailsOf(d).payTo)), undefined, accept());
// Money as decimals (SPEC.md 6.1, 12.6): amounts that binary floating point cannot hold exactly,
// and amounts beyond 2^53 minor units. Each expectation is the decimal sum, stated here.
const capped2 = (cap, total) => {
  const i = byUser(mut(intentMandate, (d) => (d.spend_cap = { currency: 'USD', value: cap })));
  const c = byMerchant(mut(cart, (d) => {
    d.intent_mandate_hash = documentHash(i);
    d.spend_cap = { currency: 'USD', value: cap };
    d.contents.payment_request.details.total.amount.value = total;
    d.contents.payment_request.details.display_items[0].amount.value = total;
  }));
  return chainOf(i, c, payFor(c, i, (d) => (d.payment_mandate_contents.payment_details_total.amount.value = total)));
};
mandate('cap-reached-in-decimal', 'Spent 0.10, paying 0.20, under a 0.30 cap: exactly the cap in decimal, though 0.1 + 0.2 is 0.30000000000000004 in binary floating point.', capped2('0.30', '0.20'), { currency: 'USD', value: '0.10' }, accept());
mandate('cap-passed-by-a-cent-in-decimal', 'Spent 0.11, paying 0.20, under a 0.30 cap: one cent over.', capped2('0.30', '0.20'), { currency: 'USD', value: '0.11' }, reject('ERR_MANDATE_OVER_CAP'));
mandate('cap-reached-beyond-2-53-cents', 'A cap of 90071992547409.93 USD (9007199254740993 cents, past 2^53): spent 90071992547404.93 and paying 5.00 reaches it exactly; a reader of cents as doubles cannot tell 9007199254740993 from 9007199254740992.', capped2('90071992547409.93', '5.00'), { currency: 'USD', value: '90071992547404.93' }, accept());
mandate('cap-passed-beyond-2-53-cents', 'The same cap, spent 90071992547404.94: one cent over, past 2^53 cents.', capped2('90071992547409.93', '5.00'), { currency: 'USD', value: '90071992547404.94' }, reject('ERR_MANDATE_OVER_CAP'));
mandate('payment-changed', 'The payment changed after the user signed it.', chainOf(intentMandate, cart, mut(payment, (d) => (d.payment_mandate_contents.timestamp = '2026-11-01T10:07:01Z'))), undefined, reject('ERR_PROOF_INVALID'));

// ---------------------------------------------------------------------------------------------
// settlement (SPEC.md 12.7): Agent Commerce Network phase 6 and the dispute path

const settled = fixture('settlement/settlement-reconciliation', 'commerce-network');
const reversal = fixture('settlement/settlement-reconciliation', 'dispute-reversal-pending.commerce-network');
const dispute = fixture('settlement/dispute', 'opened.commerce-network');
const quote = fixture('commercial/quote', 'response.commerce-network');
const settlement = (name, description, input, expect) => vector(`settlement/${name}`, '12.7', description, input, at(T0), expect);
settlement('commerce-network/reconciled', 'Agent Commerce Network phase 6: quoted, approved and settled at 125000 USD, both sides accepting, against the quote and the intent.', { settlement: settled, quote, intent }, accept());
settlement('commerce-network/dispute-reversal-pending', 'Agent Commerce Network dispute: an open dispute puts the settlement in reversal_pending.', { settlement: reversal, quote, intent, dispute }, accept());
settlement('reconciled-under-dispute', 'A settlement still reported reconciled while a dispute over it stands.', { settlement: settled, dispute }, reject('ERR_SETTLEMENT_STATE'));
settlement('quote-misstated', 'The settlement states another quoted amount than the quote.', { settlement: settled, quote: { ...quote, price_minor: 120000 } }, reject('ERR_SETTLEMENT_QUOTE_MISMATCH'));
settlement('approved-over-intent', 'More approved than the intent\'s worst-case price.', { settlement: settled, intent: rehash(mut(intent, (d) => (d.billing_context.max_price_minor = 100000))) }, reject('ERR_SETTLEMENT_OVER_INTENT'));
settlement('approved-one-unit-over-intent', 'A settlement that quotes and approves 125001 (settling 125000) against the genuine intent\'s worst-case price of 125000: approved one unit over.', { settlement: { ...settled, quoted_amount_minor: 125001, approved_amount_minor: 125001 }, intent }, reject('ERR_SETTLEMENT_OVER_INTENT'));
settlement('quote-in-another-currency', 'The settlement\'s quoted amount is the quote\'s price, but the quote is in EUR and the settlement in USD.', { settlement: settled, quote: { ...quote, currency: 'EUR' } }, reject('ERR_SETTLEMENT_QUOTE_MISMATCH'));
settlement('reversal-pending-after-reversal', 'A settlement that names the dispute and is still reversal_pending after the dispute was resolved as reversed: it should be reversed.', { settlement: reversal, dispute: fixture('settlement/dispute', 'reversed') }, reject('ERR_SETTLEMENT_STATE'));
settlement('dispute-about-another-settlement', 'A dispute over another settlement.', { settlement: settled, dispute: { ...dispute, settlement_id: 'settlement_other' } }, reject('ERR_REPLAY_LINK_BROKEN'));

// ---------------------------------------------------------------------------------------------
// bundle and replay (SPEC.md 12.8, 12.9)

/** Files as a vector gives them: each a UTF-8 JSON text, base64url. */
const files = (docs) => Object.fromEntries(Object.entries(docs).map(([path, doc]) => [path, { base64: b64(utf8(typeof doc === 'string' ? doc : text(doc))) }]));
/** A bundle: the documents and a manifest of their hashes. */
const bundle = (docs, manifestChange = () => {}) => {
  const f = files(docs);
  const artifacts = Object.fromEntries(Object.entries(f).map(([path, { base64 }]) => [path, sha256(Buffer.from(base64, 'base64url'))]));
  return { ...f, 'bundle-manifest.json': { base64: b64(utf8(text(mut({ bundle_id: 'conformance-bundle', artifacts }, manifestChange)))) } };
};
const smoke = {
  'capabilities/root-commander.json': root,
  'capabilities/vendor-liaison-agent.json': vendor,
  'capabilities/provider-coordinator.json': coordinator,
  'capabilities/provider-executor.json': executor,
  'lineage/root-commander-chain.json': fixture('capability/lineage-chain', 'root-commander.incident-network'),
  'intent/disable-edge-rule.json': fixture('intent/governed-intent', 'disable-edge-rule.incident-network'),
  'financial/budget.json': fixture('settlement/budget-authorization', 'executor.incident-network'),
  'receipts/executor.json': fixture('receipt/tool-call', 'executor.incident-network'),
};
const bundleVector = (name, description, f, now, expect) => vector(`bundle/${name}`, '12.8', description, { files: f }, at(now), expect);
const rejectAll = (...codes) => ({ verdict: 'reject', codes: [...codes].sort() });
const AT = T0 + 45;
bundleVector('incident-network/smoke', 'Incident Network smoke assertions: every artifact present with its hash, the lineage walked for every capability, the executor\'s receipt cost equal to the budget consumed.', bundle(smoke), AT, accept());
bundleVector('incident-network/cost-mismatch', 'The executor\'s receipt records 300 where the budget consumed is 250.', bundle({ ...smoke, 'receipts/executor.json': resign(mut(smoke['receipts/executor.json'], (d) => (d.cost.units = 300)), P.opsKernel) }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
bundleVector('incident-network/revoked-in-bundle', 'Incident Network: the bundle carries the revocation of the vendor capability; it and everything under it are denied.', bundle({ ...smoke, 'revocations/vendor.json': revocation }), AT, rejectAll('ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR'));
bundleVector('revocation-by-a-stranger', 'Denial by forged revocation: a record signed by a key that issued nothing on the chain does not count.', bundle({ ...smoke, 'revocations/vendor.json': resign({ ...revocation, revoked_by: P.stranger.hex }, P.stranger) }), AT, rejectAll('ERR_KEY_NOT_AUTHORIZED'));
bundleVector('revocation-of-an-unknown-capability', 'A stranger revokes a capability the evidence does not hold: nothing shows it may, so the record is refused.', bundle({ ...smoke, 'revocations/unknown.json': resign({ ...revocation, capability_id: 'INC-2026-0428-unknown', revoked_by: P.stranger.hex }, P.stranger) }), AT, rejectAll('ERR_KEY_NOT_AUTHORIZED'));
bundleVector('forked-id-suppresses-revocation', 'Suppress a revocation with a forked id: beside the genuine revocation of the vendor liaison\'s capability, a self-signed capability with its id. Every chain refuses the ambiguous evidence, and the revocation counts for no one.', bundle({ ...smoke, 'revocations/vendor.json': revocation, 'capabilities/forked-vendor.json': forkedVendor }), AT, rejectAll('ERR_CHAIN_DUPLICATE_ID', 'ERR_KEY_NOT_AUTHORIZED'));
{
  const budget = smoke['financial/budget.json'];
  const second = { ...budget, hold_id: `${budget.hold_id}-again` };
  bundleVector('double-spend/second-call-claims-call-one', 'Spend twice: a second authorization under the one-call grant that also calls itself call 1.', bundle({ ...smoke, 'financial/budget-2.json': second }), AT, rejectAll('ERR_BUDGET_DECISION_MISMATCH', 'ERR_BUDGET_INVOCATIONS_EXCEEDED', 'ERR_BUNDLE_COST_MISMATCH'));
  bundleVector('double-spend/same-artifacts-twice', 'Spend twice: the same receipt and authorization under two more paths. Each is counted once, and each copy is reported.', bundle({ ...smoke, 'financial/budget-copy.json': budget, 'receipts/executor-copy.json': smoke['receipts/executor.json'] }), AT, rejectAll('ERR_BUNDLE_DUPLICATE'));
}
{
  // Denials verify as denials (SPEC.md 12.8): the provider's answer names the revoked ancestor
  // and its depth, and the evidence must give both.
  const denial = fixture('task/process-task-response', 'revoked-ancestor.incident-network');
  const revoked = { ...smoke, 'revocations/vendor.json': revocation };
  bundleVector('incident-network/denial-recorded', 'Incident Network revocation: the provider\'s denial names the revoked vendor liaison capability at depth 1, as the chain gives it. The denial adds no error to the revoked chain\'s.', bundle({ ...revoked, 'task/denial.json': denial }), AT, rejectAll('ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR'));
  bundleVector('incident-network/denial-wrong-depth', 'A denial that names the revoked ancestor at another depth than its chain gives.', bundle({ ...revoked, 'task/denial.json': mut(denial, (d) => (d.execution.denied_at_depth = 2)) }), AT, rejectAll('ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR', 'ERR_CHAIN_DENIAL_MISMATCH'));
  bundleVector('incident-network/denial-wrong-ancestor', 'A denial that blames the provider coordinator\'s capability, which nobody revoked.', bundle({ ...revoked, 'task/denial.json': mut(denial, (d) => ((d.execution.revoked_capability_id = coordinator.id), (d.execution.denied_at_depth = 2))) }), AT, rejectAll('ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR', 'ERR_CHAIN_DENIAL_MISMATCH'));
  bundleVector('incident-network/denial-without-revocation', 'A denial that names a revocation the bundle does not hold: the chain is live, so the denial is unfounded.', bundle({ ...smoke, 'task/denial.json': denial }), AT, rejectAll('ERR_CHAIN_DENIAL_MISMATCH'));
}
{
  // A capability embedded in a task is verified as if it stood alone (SPEC.md 12.8).
  const task = fixture('task/task-created', 'incident-network');
  bundleVector('incident-network/task-capability', 'Incident Network: the task the vendor liaison created carries its capability, which verifies with the bundle\'s chain.', bundle({ ...smoke, 'tasks/task.json': task }), AT, accept());
  const own = (change) => mut(task, (d) => ((d.vendor_liaison_capability.id = 'INC-2026-0428-vendor-task'), change(d.vendor_liaison_capability)));
  bundleVector('incident-network/task-capability-widened', 'A task whose embedded capability was widened (more invocations) after its issuer signed it.', bundle({ ...smoke, 'tasks/task.json': own((c) => (c.scope.grants[0].max_invocations = 99)) }), AT, rejectAll('ERR_SIG_INVALID'));
  bundleVector('incident-network/task-capability-by-a-stranger', 'A task whose embedded capability a stranger issued and signed, under the root.', bundle({ ...smoke, 'tasks/task.json': mut(own(() => {}), (d) => (d.vendor_liaison_capability = resign({ ...d.vendor_liaison_capability, issuer: P.stranger.hex }, P.stranger))) }), AT, rejectAll('ERR_CHAIN_ISSUER_MISMATCH'));
  bundleVector('incident-network/task-capability-forked', 'A task whose embedded capability has the vendor liaison capability\'s id but other grants: two capabilities with one id.', bundle({ ...smoke, 'tasks/task.json': mut(task, (d) => (d.vendor_liaison_capability.scope.grants[0].max_invocations = 99)) }), AT, rejectAll('ERR_CHAIN_DUPLICATE_ID'));
}
bundleVector('authorization-for-another-intent', 'Lean on what nobody signed: a budget authorization for an intent the bundle does not hold.', bundle({ ...smoke, 'financial/budget.json': { ...smoke['financial/budget.json'], intent_hash: `sha256:${'5'.repeat(64)}` } }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN'));
// No silent allow (SPEC.md 12.8): each allowed receipt is checked at its own time.
bundleVector('incident-network/allowed-after-revocation', 'No silent allow: the vendor liaison capability is revoked at 1776272790, and the executor\'s allowed receipt is from 1776272817. Checked at a time before the revocation, the chain is usable; at the receipt\'s own time it was not.', bundle({ ...smoke, 'revocations/vendor.json': revocation }), T0 + 14, rejectAll('ERR_CHAIN_REVOKED_ANCESTOR'));
bundleVector('incident-network/allowed-after-expiry', 'An allowed receipt dated after its capability expired, re-signed by the kernel: the chain is checked at the receipt\'s time, not only at now.', bundle({ ...smoke, 'receipts/executor.json': resign(mut(smoke['receipts/executor.json'], (d) => (d.timestamp = executor.expires_at + 1)), P.opsKernel) }), AT, rejectAll('ERR_CHAIN_EXPIRED'));
// Hide a missing hop (SPEC.md 12.8): a bundle that declares its kind must hold what the kind requires.
{
  const declared = (docs) => bundle(docs, (m) => (m.transaction = 'delegated-fix'));
  bundleVector('incident-network/smoke-declared', 'Incident Network smoke assertions, the manifest declaring a delegated fix: every artifact the kind requires is there.', declared(smoke), AT, accept());
  const { 'lineage/root-commander-chain.json': _lineage, ...noLineage } = smoke;
  bundleVector('incident-network/lineage-deleted', 'Hide a missing hop: the lineage record deleted from a delegated-fix bundle.', declared(noLineage), AT, rejectAll('ERR_BUNDLE_REQUIRED_MISSING'));
  const { 'receipts/executor.json': _receipt, ...noReceipt } = smoke;
  bundleVector('incident-network/receipt-deleted', 'Hide a missing hop: the executor\'s receipt deleted from a delegated-fix bundle. The budget it consumed now has no call behind it, too.', declared(noReceipt), AT, rejectAll('ERR_BUNDLE_REQUIRED_MISSING', 'ERR_BUNDLE_COST_MISMATCH'));
  bundleVector('incident-network/same-receipt-twice-for-two', 'A receipt listed twice does not stand for two: the copy is reported, and counted once.', bundle({ ...smoke, 'receipts/executor-2.json': smoke['receipts/executor.json'] }, (m) => (m.transaction = 'delegated-fix')), AT, rejectAll('ERR_BUNDLE_DUPLICATE'));
}
// Stand-ins and uncounted calls (found by an attack on the checks above).
{
  const receipt = smoke['receipts/executor.json'];
  const { 'receipts/executor.json': _r, ...noReceipt } = smoke;
  const stranger = resign({ ...receipt, id: 'rcpt-elsewhere', capability_id: 'cap-elsewhere', intent_hash: `sha256:${'9'.repeat(64)}`, kernel_key: P.stranger.hex }, P.stranger);
  bundleVector('incident-network/receipt-stand-in', 'Hide a missing hop behind a stand-in: the executor\'s receipt replaced by a stranger-signed receipt of another transaction. It is under no capability of the bundle and commits to none of its intents, and the budget consumed has no call behind it.', bundle({ ...noReceipt, 'receipts/executor.json': stranger }, (m) => (m.transaction = 'delegated-fix')), AT, rejectAll('ERR_REPLAY_LINK_BROKEN', 'ERR_RECEIPT_INTENT_MISMATCH', 'ERR_BUNDLE_COST_MISMATCH'));
  const unbudgeted = resign({ ...receipt, id: 'rcpt-coordinator-extra', capability_id: coordinator.id, cost: usd(499) }, P.opsKernel);
  bundleVector('incident-network/call-without-a-budget', 'An allowed, costed call under the coordinator\'s grant, which no budget record accounts for: it consumed nothing, so its cost of 4.99 is a mismatch (and the intent it commits to is the executor\'s, not the coordinator\'s).', bundle({ ...smoke, 'receipts/coordinator-extra.json': unbudgeted }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH', 'ERR_RECEIPT_CAPABILITY_MISMATCH'));
  const { cost: _c, ...costless } = receipt;
  const second = resign({ ...costless, id: 'rcpt-019d921b-executor-0002' }, P.opsKernel);
  bundleVector('incident-network/second-call-without-cost', 'A second allowed call under the executor\'s one-call grant, its receipt recording no cost: the calls receipts record count against max_invocations.', bundle({ ...smoke, 'receipts/executor-2.json': second }), AT, rejectAll('ERR_BUDGET_INVOCATIONS_EXCEEDED'));
}
// Numbers as signed (SPEC.md 3, 12.8): a signed artifact's number text is its RFC 8785 form.
for (const [name, form] of [['trailing-zero', '250.0'], ['exponent', '2.5e2']]) {
  const receiptText = text(smoke['receipts/executor.json']).replace('"units": 250', `"units": ${form}`);
  bundleVector(`number-not-as-signed/${name}`, `Sign what JSON text does not say: the executor's receipt with its cost written ${form}. Read as a double it is 250 and the signature verifies; a reader that keeps the text, or reads it as a decimal, sees other content than was signed. Refused, the receipt leaves the budget with no call behind it.`, bundle({ ...smoke, 'receipts/executor.json': receiptText }), AT, rejectAll('ERR_JSON_NUMBER_FORM', 'ERR_BUNDLE_COST_MISMATCH'));
}
bundleVector('lineage-disagrees', 'A lineage record that gives a capability another parent than it names.', bundle({ ...smoke, 'lineage/root-commander-chain.json': mut(smoke['lineage/root-commander-chain.json'], (d) => (d.chain[4].parent_capability_id = 'INC-2026-0428-change')) }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN'));
bundleVector('lineage-depth-disagrees', 'A lineage record that puts a capability at another depth.', bundle({ ...smoke, 'lineage/root-commander-chain.json': mut(smoke['lineage/root-commander-chain.json'], (d) => ((d.chain[5].parent_capability_id = 'INC-2026-0428-change'), (d.chain[5].delegation_depth = 2))) }), AT, rejectAll('ERR_CHAIN_DEPTH_MISMATCH'));
const small = { 'dispute.json': dispute };
bundleVector('path-traversal', 'Path traversal: the manifest lists ../etc/passwd.', bundle(small, (d) => (d.artifacts['../etc/passwd'] = d.artifacts['dispute.json'])), T0, rejectAll('ERR_BUNDLE_PATH_UNSAFE'));
bundleVector('windows-trailing-dot', 'A manifest that lists dispute.json and dispute.json. (a trailing dot): on Windows, which drops the dot, both are one file.', bundle(small, (d) => (d.artifacts['dispute.json.'] = d.artifacts['dispute.json'])), T0, rejectAll('ERR_BUNDLE_PATH_UNSAFE'));
bundleVector('windows-device-name', 'A bundle holding logs/NUL.json, listed in its manifest: on Windows, in any folder, that name is the null device.', bundle({ ...small, 'logs/NUL.json': dispute }), T0, rejectAll('ERR_BUNDLE_PATH_UNSAFE'));
bundleVector('absolute-path', 'An absolute path in the manifest.', bundle(small, (d) => (d.artifacts['/etc/passwd'] = d.artifacts['dispute.json'])), T0, rejectAll('ERR_BUNDLE_PATH_UNSAFE'));
bundleVector('case-collision', 'Two paths that differ only in case: one file on case-insensitive file systems.', bundle(small, (d) => (d.artifacts['Dispute.json'] = d.artifacts['dispute.json'])), T0, rejectAll('ERR_BUNDLE_CASE_COLLISION'));
bundleVector('missing-file', 'A file the manifest lists is not there.', bundle(small, (d) => (d.artifacts['receipt.json'] = d.artifacts['dispute.json'])), T0, rejectAll('ERR_BUNDLE_MISSING'));
bundleVector('altered-file', 'A file changed after the manifest was written.', { ...bundle(small), 'dispute.json': files({ x: { ...dispute, status: 'withdrawn' } }).x }, T0, rejectAll('ERR_BUNDLE_ALTERED'));
bundleVector('unlisted-file', 'A file in the bundle the manifest does not list: unverified evidence.', { ...bundle(small), 'extra.json': files({ x: dispute }).x }, T0, rejectAll('ERR_BUNDLE_UNRECOGNISED'));
bundleVector('symbolic-link', 'A symbolic link in the bundle, which could point anywhere: reported, never followed.', { ...bundle(small), 'link.json': { symlink: 'dispute.json' } }, T0, rejectAll('ERR_BUNDLE_SYMLINK'));
bundleVector('no-manifest', 'A bundle without bundle-manifest.json.', files(small), T0, rejectAll('ERR_BUNDLE_MANIFEST_MISSING'));
bundleVector('manifest-lists-a-path-twice', 'A manifest that lists one path twice, with two hashes: the reader refuses the duplicate.', { ...files(small), 'bundle-manifest.json': { base64: b64(utf8(`{"artifacts":{"dispute.json":"${sha256(utf8(text(dispute)))}","dispute.json":"sha256:${'0'.repeat(64)}"}}`)) } }, T0, rejectAll('ERR_JSON_DUPLICATE_KEY'));
// Second routes (issue 11): each bundle code reached another way than above.
bundleVector('listed-file-is-a-symbolic-link', 'The file the manifest lists is a symbolic link: reported and never followed, so the listed file is not there either.', { ...bundle(small), 'dispute.json': { symlink: 'bundle-manifest.json' } }, T0, rejectAll('ERR_BUNDLE_SYMLINK', 'ERR_BUNDLE_MISSING'));
bundleVector('listed-file-not-of-the-line', 'A file the manifest lists, with its hash, that is JSON but no document of the line.', bundle({ ...small, 'notes.json': { note: 'call the provider back' } }), T0, rejectAll('ERR_BUNDLE_UNRECOGNISED'));
bundleVector('case-collision-between-two-files', 'Two files, dispute.json and Dispute.json, each listed with its own hash, as written on a case-sensitive file system: on a case-insensitive one they are one file.', bundle({ ...small, 'Dispute.json': settled }), T0, rejectAll('ERR_BUNDLE_CASE_COLLISION'));
{
  const { 'bundle-manifest.json': m, ...rest } = bundle(small);
  bundleVector('manifest-in-a-folder', 'The manifest is at evidence/bundle-manifest.json, not at the bundle\'s root: the bundle has no manifest.', { ...rest, 'evidence/bundle-manifest.json': m }, T0, rejectAll('ERR_BUNDLE_MANIFEST_MISSING'));
}
{
  // An allow recorded before the chain was usable (SPEC.md 12.8): the receipt's own time is checked.
  const early = resign(mut(smoke['receipts/executor.json'], (d) => (d.timestamp = executor.issued_at - 1)), P.opsKernel);
  bundleVector('incident-network/allowed-before-issued', 'An allowed receipt dated one second before the executor\'s capability was issued, re-signed by the kernel: at the receipt\'s time the chain was not yet valid.', bundle({ ...smoke, 'receipts/executor.json': early }), AT, rejectAll('ERR_CHAIN_NOT_YET_VALID'));
  const changed = resign(mut(smoke['receipts/executor.json'], (d) => (d.action.parameters.rule = 'allow-all')), P.opsKernel);
  bundleVector('incident-network/receipt-parameters-changed', 'The executor\'s receipt in the bundle records other parameters than its parameter_hash commits to, re-signed by its kernel.', bundle({ ...smoke, 'receipts/executor.json': changed }), AT, rejectAll('ERR_RECEIPT_PARAMETER_HASH'));
}

// The Incident Network and Agent Commerce Network transaction folders in examples/ (SPEC.md 12.8):
// the seeds' smoke assertions (every required artifact with its hash, lineage, cost equal to the
// budget consumed, no silent allow after revocation) over each, sealed by the party the policy names.
for (const [name, seal, tamper] of [
  ['incident-network', P.commander, { name: 'revoked-then-allowed', description: 'The commander revokes the vendor liaison capability and the bundle is re-sealed by the commander: every chain below it is denied, and the executor\'s allow, recorded after the revocation, is a silent allow.', change: (d) => ({ ...d, 'revocations/vendor.json': revocation }), codes: ['ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR'] }],
  ['commerce-network', P.trust000, { name: 'settlement-deleted', description: 'The settlement reconciliation deleted from the procurement bundle, which its sealer then sealed again: the kind requires it.', change: ({ 'contracts/settlement-reconciliation.json': _s, ...d }) => d, codes: ['ERR_BUNDLE_REQUIRED_MISSING'] }],
]) {
  const dir = join(EXAMPLES, 'transactions', name);
  const folderFiles = Object.fromEntries(listFiles(dir).map((f) => [f, { base64: b64(readFileSync(join(dir, f))) }]));
  const m = JSON.parse(readFileSync(join(dir, 'bundle-manifest.json'), 'utf8'));
  const policy = { sealers: [seal.didKey] };
  vector(`bundle/${name}/transaction-folder`, '12.8', `The ${name} transaction folder in examples/, sealed by its sealer: it holds every artifact its kind (${m.transaction}) requires, each with its hash, its lineage walked, its receipts' cost the budget consumed.`, { files: folderFiles }, at(AT, policy), accept());
  const docs = Object.fromEntries(listFiles(dir).filter((f) => f !== 'bundle-manifest.json').map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]));
  const resealed = bundle(tamper.change(docs), (d) => ((d.bundle_id = m.bundle_id), (d.created_at = m.created_at), (d.transaction = m.transaction)));
  const manifest2 = JSON.parse(Buffer.from(resealed['bundle-manifest.json'].base64, 'base64url').toString('utf8'));
  const sealed = { ...resealed, 'bundle-manifest.json': { base64: b64(utf8(text(reprove({ ...manifest2, proof: m.proof }, seal)))) } };
  vector(`bundle/${name}/${tamper.name}`, '12.8', tamper.description, { files: sealed }, at(AT, policy), rejectAll(...tamper.codes));
}
{
  // A settlement is checked against an intent whose hash recomputes (SPEC.md 12.8), not the first given.
  const dir = join(EXAMPLES, 'transactions', 'commerce-network');
  const docs = Object.fromEntries(listFiles(dir).filter((f) => f !== 'bundle-manifest.json').map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]));
  const genuine = docs['contracts/governed-intent.json'];
  const tampered = mut(genuine, (d) => (d.billing_context.max_price_minor = 100000));
  // The settlement is this job's (SPEC.md 12.8): one job, the spend reconciled, the quote the intent names.
  const job2 = (d) => ((d.job_id = 'job_lattice_002'), d);
  bundleVector('commerce-network/fulfillment-of-another-job', 'A fulfillment package of another job (job_lattice_002) stands in for this one\'s: no settlement of the bundle settles its job, and the settlement\'s job has no fulfillment.', bundle({ ...docs, 'contracts/fulfillment-package.json': mut(docs['contracts/fulfillment-package.json'], job2) }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN'));
  bundleVector('commerce-network/settlement-of-another-job', 'The settlement of another job (job_lattice_002, 900.00 of the same quote) stands in for this one\'s: its job has no fulfillment here, and it settles other than the spend the bundle reconciled.', bundle({ ...docs, 'contracts/settlement-reconciliation.json': mut(docs['contracts/settlement-reconciliation.json'], (d) => ((d.settlement_id = 'settlement_lattice_vanguard_002'), job2(d), (d.approved_amount_minor = 90000), (d.settled_amount_minor = 90000))) }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN', 'ERR_SETTLEMENT_AMOUNT_MISMATCH'));
  bundleVector('commerce-network/settled-other-than-reconciled', 'The settlement settles 1200.00 where the spend reconciled for the call is 1250.00.', bundle({ ...docs, 'contracts/settlement-reconciliation.json': mut(docs['contracts/settlement-reconciliation.json'], (d) => (d.settled_amount_minor = 120000)) }), AT, rejectAll('ERR_SETTLEMENT_AMOUNT_MISMATCH'));
  bundleVector('commerce-network/quote-of-another-request', 'The quote replaced by another quote (quote_vanguard_002) at the same price: the intent is priced on quote_vanguard_001, which the bundle does not hold.', bundle({ ...docs, 'contracts/quote-response.json': mut(docs['contracts/quote-response.json'], (d) => (d.quote_id = 'quote_vanguard_002')) }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN'));
  const { 'contracts/quote-response.json': _quote, ...noQuote } = docs;
  bundleVector('commerce-network/quote-deleted', 'Hide a missing hop: the quote deleted from a procurement bundle, so the settlement\'s quoted amount is held to nothing.', bundle(noQuote, (m) => (m.transaction = 'procurement')), AT, rejectAll('ERR_BUNDLE_REQUIRED_MISSING'));
  bundleVector('commerce-network/settlement-against-a-tampered-intent', 'The settlement of 1250.00, which the genuine intent allows, beside a tampered copy of the intent (allowing 1000.00) placed first: the settlement is held to the intact intent, not to the first given, and only the copy fails, on its own hash.', bundle({ 'contracts/a-tampered-intent.json': tampered, ...docs }), AT, rejectAll('ERR_INTENT_HASH_MISMATCH'));
}
const SEVEN = join(EXAMPLES, 'transactions', 'seven-station');
const sevenFiles = Object.fromEntries(listFiles(SEVEN).map((f) => [f, { base64: b64(readFileSync(join(SEVEN, f))) }]));
const HOPS = ['identity', 'manifest', 'capability_chain', 'intent', 'mandates', 'settlement', 'receipts'];
const hops = (failures = {}) => HOPS.map((hop) => (failures[hop] === undefined ? { hop, verdict: 'accept' } : { hop, verdict: 'reject', code: failures[hop] }));
// The caller vouches for Dreamineering's DID document by its hash (SPEC.md 12.8, trust): the
// bundle carries the document, but only the pin makes it count.
const DREAMINEERING_DID = JSON.parse(Buffer.from(sevenFiles['identity/dreamineering-did.json'].base64, 'base64url').toString('utf8'));
const pinned = { pinned_documents: [documentHash(DREAMINEERING_DID)] };
const replay = (name, description, f, now, failures, policy = pinned) =>
  vector(`replay/${name}`, '12.9', description, { files: f }, at(now, policy), Object.keys(failures).length === 0 ? accept({ hops: hops() }) : { verdict: 'reject', hops: hops(failures) });
const tamper = (path, change) => {
  const doc = JSON.parse(Buffer.from(sevenFiles[path].base64, 'base64url').toString('utf8'));
  return { ...sevenFiles, [path]: { base64: b64(utf8(text(mut(doc, change)))) } };
};
replay('seven-station', 'Agent Commerce Rails station 5 acceptance: a complete transaction replayed end to end with cryptographic proof at each hop.', sevenFiles, NOV, {});
replay('seven-station/later', 'The same transaction replayed two hours later: the agent\'s capability and the intent have expired.', sevenFiles, NOV + 7200, { capability_chain: 'ERR_CHAIN_EXPIRED', intent: 'ERR_INTENT_EXPIRED' });
replay('seven-station/cart-tampered', 'The cart mandate\'s total changed in the bundle: the mandates hop fails.', tamper('mandates/cart-mandate.json', (d) => (d.contents.payment_request.details.total.amount.value = '0.50')), NOV, { mandates: 'ERR_BUNDLE_ALTERED' });
replay('seven-station/card-tampered', 'The agent card changed in the bundle: the manifest hop fails.', tamper('manifest/agent-card.json', (d) => (d.tools[0].pricing.base_price.units = 1)), NOV, { manifest: 'ERR_BUNDLE_ALTERED' });
replay('seven-station/credential-tampered', 'The agent credential changed in the bundle: the identity hop fails.', tamper('identity/agent-credential.json', (d) => (d.credentialSubject.roles = ['seller'])), NOV, { identity: 'ERR_BUNDLE_ALTERED' });
replay('seven-station/intent-tampered', 'The governed intent changed in the bundle: the intent hop fails.', tamper('intent/governed-intent.json', (d) => (d.billing_context.max_price_minor = 50000)), NOV, { intent: 'ERR_BUNDLE_ALTERED' });
replay('seven-station/receipt-tampered', 'The provider\'s receipt changed in the bundle: the receipts hop fails.', tamper('receipts/provider-receipt.json', (d) => (d.cost.units = 1)), NOV, { receipts: 'ERR_BUNDLE_ALTERED' });
replay('seven-station/budget-tampered', 'The budget authorization changed in the bundle: the settlement hop fails.', tamper('settlement/budget-authorization.json', (d) => (d.exposure.units = 400)), NOV, { settlement: 'ERR_BUNDLE_ALTERED' });
replay('seven-station/capability-tampered', 'The agent\'s capability changed in the bundle: the capability chain hop fails, and the budget charged to it is no longer held to a capability.', tamper('capability/shopping-agent.json', (d) => (d.scope.grants[0].max_invocations = 40)), NOV, { capability_chain: 'ERR_BUNDLE_ALTERED', settlement: 'ERR_REPLAY_LINK_BROKEN' });
// Trust (SPEC.md 12.8): who sealed the bundle, and which DID documents count.
{
  const docsOf = (f) => Object.fromEntries(Object.entries(f).filter(([p]) => p !== 'bundle-manifest.json').map(([p, { base64 }]) => [p, JSON.parse(Buffer.from(base64, 'base64url').toString('utf8'))]));
  const seven = docsOf(sevenFiles);
  const manifest = JSON.parse(Buffer.from(sevenFiles['bundle-manifest.json'].base64, 'base64url').toString('utf8'));
  const BUNDLER = manifest.proof.verificationMethod.split('#')[0];
  const policy = { ...pinned, sealers: [BUNDLER] };
  const sevenBundle = (name, description, f, expect, context = policy) => vector(`bundle/seven-station/${name}`, '12.8', description, { files: f }, at(NOV, context), expect);
  sevenBundle('sealed-by-a-named-sealer', 'The seven-station bundle, sealed by the bundler the trust policy names, with Dreamineering\'s DID document pinned: it verifies.', sevenFiles, accept());
  // Change an unsigned record, recompute its hash in the manifest, and seal it again.
  const changed = { ...seven, 'settlement/budget-authorization.json': mut(seven['settlement/budget-authorization.json'], (d) => (d.hold_id = 'hold-attacker')) };
  const resealed = (signer) => {
    const f = bundle(changed, (m) => ((m.bundle_id = manifest.bundle_id), (m.created_at = manifest.created_at)));
    const m = JSON.parse(Buffer.from(f['bundle-manifest.json'].base64, 'base64url').toString('utf8'));
    const proved = signer === undefined ? m : reprove({ ...m, proof: manifest.proof }, signer, signer.vm);
    return { ...f, 'bundle-manifest.json': { base64: b64(utf8(text(proved))) } };
  };
  sevenBundle('resealed-by-a-stranger', 'Re-seal a bundle: an unsigned record changed, its hash recomputed in the manifest, and the manifest proved again with a stranger\'s did:key. The trust policy names the bundler, not the stranger; and the trace, proved by its recorder, is not the new sealer\'s.', resealed(P.stranger), rejectAll('ERR_BUNDLE_SEAL_UNTRUSTED', 'ERR_REPLAY_LINK_BROKEN'));
  // The recorder anchors the trace and seals the bundle it belongs to (SPEC.md 12.8).
  const sealedBy = (d, signer) => {
    const f = bundle(d, (m) => ((m.bundle_id = manifest.bundle_id), (m.created_at = manifest.created_at), (m.transaction = manifest.transaction)));
    const m = JSON.parse(Buffer.from(f['bundle-manifest.json'].base64, 'base64url').toString('utf8'));
    return { ...f, 'bundle-manifest.json': { base64: b64(utf8(text(reprove({ ...m, proof: manifest.proof }, signer, signer.vm)))) } };
  };
  replay('seven-station/trace-by-another-recorder', 'Substitute the recorder: the intent trace proved again with a stranger\'s did:key, in a bundle its genuine sealer sealed. Every reference of the trace still resolves, but the trace is not the sealer\'s.', sealedBy({ ...seven, 'receipts/intent-trace.json': reprove(seven['receipts/intent-trace.json'], P.stranger, P.stranger.vm) }, P.recorder), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' }, policy);
  replay('seven-station/resealed-by-the-recorder', 'The seven-station documents sealed again by the recorder, who proved the trace: the trace is the sealer\'s, and every hop verifies.', sealedBy(seven, P.recorder), NOV, {}, policy);
  sevenBundle('seal-stripped', 'Re-seal a bundle by stripping the seal: the changed record\'s hash recomputed and the manifest left without a proof, under a trust policy that names a sealer.', resealed(undefined), rejectAll('ERR_BUNDLE_UNSEALED'));
  for (const [path, what, also] of [
    ['settlement/settlement.json', 'the settlement', []],
    ['receipts/provider-receipt.json', 'the provider\'s receipt (the trace, which names its hash, breaks too)', ['ERR_REPLAY_LINK_BROKEN']],
    ['capability/lineage.json', 'the lineage record', []],
  ]) {
    const { [path]: _gone, ...rest } = seven;
    vector(`bundle/seven-station/${path.split('/')[1].replace('.json', '')}-deleted`, '12.8', `Hide a missing hop: ${what} deleted from the purchase bundle, its hash dropped from the manifest, which is left unsealed.`, { files: bundle(rest, (m) => ((m.transaction = 'purchase'), (m.bundle_id = manifest.bundle_id))) }, at(NOV, pinned), rejectAll('ERR_BUNDLE_REQUIRED_MISSING', ...also));
  }
  // A did:web sealer (SPEC.md 12.8, trust): the caller pins its DID document, which the bundle carries.
  const merchantSealed = (() => {
    const f = bundle({ 'identity/dreamineering-did.json': DREAMINEERING_DID, 'settlement/settlement.json': seven['settlement/settlement.json'] }, (m) => ((m.bundle_id = 'dreamineering-sealed'), (m.created_at = manifest.created_at)));
    const m = JSON.parse(Buffer.from(f['bundle-manifest.json'].base64, 'base64url').toString('utf8'));
    return { ...f, 'bundle-manifest.json': { base64: b64(utf8(text(reprove({ ...m, proof: manifest.proof }, P.merchant, 'did:web:dreamineering.com#key-1')))) } };
  })();
  vector('bundle/sealed-by-a-pinned-did-web', '12.8', 'A bundle sealed by did:web:dreamineering.com, whose DID document it carries and the caller pins: the pinned document resolves the seal, and the policy names that sealer.', { files: merchantSealed }, at(NOV, { ...pinned, sealers: ['did:web:dreamineering.com'] }), accept());
  vector('bundle/sealed-by-an-unpinned-did-web', '12.8', 'The same bundle, its DID document not pinned: the document cannot vouch for the seal of the bundle that carries it, so the seal\'s key is unresolved.', { files: merchantSealed }, at(NOV, { sealers: ['did:web:dreamineering.com'] }), rejectAll('ERR_KEY_UNRESOLVED'));
  sevenBundle('did-document-not-pinned', 'The bundle\'s own DID document for did:web:dreamineering.com, not pinned by the caller: it does not vouch for itself, so Dreamineering\'s proofs cannot be resolved.', sevenFiles, rejectAll('ERR_KEY_UNRESOLVED'), { sealers: [BUNDLER] });
  // Second routes for the seal (issue 11): a party the caller can resolve, and a bundle never sealed.
  vector('bundle/sealed-by-a-known-party-not-named', '12.8', 'The bundle sealed by did:web:dreamineering.com, whose pinned DID document resolves the seal, under a policy that names the bundler only: the seal verifies, and it is not a sealer\'s.', { files: merchantSealed }, at(NOV, { ...pinned, sealers: [BUNDLER] }), rejectAll('ERR_BUNDLE_SEAL_UNTRUSTED'));
  vector('bundle/never-sealed-under-a-named-sealer', '12.8', 'A bundle of Dreamineering\'s DID document and the settlement that was never sealed, under a policy that names did:web:dreamineering.com as its sealer.', { files: bundle({ 'identity/dreamineering-did.json': DREAMINEERING_DID, 'settlement/settlement.json': seven['settlement/settlement.json'] }, (m) => ((m.bundle_id = 'dreamineering-sealed'), (m.created_at = manifest.created_at))) }, at(NOV, { ...pinned, sealers: ['did:web:dreamineering.com'] }), rejectAll('ERR_BUNDLE_UNSEALED'));
  // Bring your own DID document: a did:web document listing the stranger's key, and a merchant
  // credential proved by it.
  const forgedDid = mut(DREAMINEERING_DID, (d) => (d.verificationMethod[0].publicKeyMultibase = P.stranger.multikey));
  const forgedCredential = reprove(mut(seven['identity/merchant-credential.json'], (d) => (d.name = 'Dreamineering (forged)')), P.stranger);
  bundleVector('forged-did-document', 'Bring your own DID document: a forged did:web:dreamineering.com document listing a stranger\'s key, beside a merchant credential that key proved. The document is not pinned, so it does not count, and the credential\'s key cannot be resolved.', bundle({ 'identity/dreamineering-did.json': forgedDid, 'identity/merchant-credential.json': forgedCredential }), NOV, rejectAll('ERR_KEY_UNRESOLVED'));
  vector('bundle/forged-did-document-beside-the-pinned-one', '12.8', 'The forged DID document while the caller pins the genuine one: a pin counts for the document of its hash only.', { files: bundle({ 'identity/dreamineering-did.json': forgedDid, 'identity/merchant-credential.json': forgedCredential }) }, at(NOV, pinned), rejectAll('ERR_KEY_UNRESOLVED'));
}
{
  // Bind the settlement proof to the payment (SPEC.md 12.9), and every receipt to the intent.
  const docs = Object.fromEntries(Object.entries(sevenFiles).filter(([f]) => f !== 'bundle-manifest.json').map(([f, { base64 }]) => [f, JSON.parse(Buffer.from(base64, 'base64url').toString('utf8'))]));
  const trace = docs['receipts/intent-trace.json'];
  const proofChanged = (change) => bundle({ ...docs, 'receipts/intent-trace.json': reprove(mut(trace, (d) => change(d.references.settlement_proof)), P.recorder) });
  replay('seven-station/settlement-proof-overpays', 'The x402 settlement proof pays 6 USDC (6000000 units) for a 5.00 USD payment mandate, re-proved by the recorder.', proofChanged((p) => (p.amount = '6000000')), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  replay('seven-station/settlement-proof-other-network', 'The x402 settlement proof is on another network than the cart\'s x402 method names.', proofChanged((p) => (p.network = 'eip155:1')), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  replay('seven-station/settlement-proof-other-payer', 'The x402 settlement proof is paid by another account than the payment mandate\'s payer.', proofChanged((p) => (p.payer = '0x51be77c0ffee0000000000000000000000000002')), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  replay('seven-station/settlement-proof-without-payer', 'The x402 settlement proof with its payer left out, re-proved by the recorder: it must name the payment mandate\'s payer.', proofChanged((p) => delete p.payer), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  const secondTrace = reprove(mut(trace, (d) => ((d.trace_id = `${d.trace_id}-2`), (d.references.settlement_proof.amount = '999000000'), (d.references.settlement_proof.network = 'eip155:1'))), P.recorder);
  replay('seven-station/second-trace', 'A second trace, re-proved by the recorder, whose settlement proof pays 999 USDC on another network: every trace is bound, not the first the manifest lists.', bundle({ ...docs, 'receipts/intent-trace-2.json': secondTrace }), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  // Whom the payment paid: x402's settle response names no payee, so the cart must (SPEC.md 12.9).
  const cartNoPayee = reprove(mut(docs['mandates/cart-mandate.json'], (d) => delete d.contents.payment_request.method_data[0].data.payTo), P.merchant);
  const paymentNoPayee = reprove(mut(docs['mandates/payment-mandate.json'], (d) => ((d.cart_mandate_hash = documentHash(cartNoPayee)), delete d.payment_mandate_contents.payment_response.details.payTo)), P.user);
  const traceNoPayee = reprove(mut(trace, (d) => (d.references.mandate_hash = documentHash(paymentNoPayee))), P.recorder);
  replay('seven-station/cart-names-no-payee', 'The cart\'s x402 method names no payee and the payment none, each re-proved by its signer and the trace by the recorder: the mandates agree, but whom the settlement paid cannot be bound.', bundle({ ...docs, 'mandates/cart-mandate.json': cartNoPayee, 'mandates/payment-mandate.json': paymentNoPayee, 'receipts/intent-trace.json': traceNoPayee }), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  replay('seven-station/unsealed-rebundle', 'The seven-station documents in a bundle without a seal: with the DID document pinned, every hop verifies; who sealed it is a matter for the bundle report.', bundle(docs), NOV, {});
  const loose = resign(mut(docs['receipts/buyer-receipt.json'], (d) => ((d.id = `${d.id}-other`), (d.intent_hash = `sha256:${'7'.repeat(64)}`))), P.agentKernel);
  replay('seven-station/receipt-for-another-intent', 'A loose receipt in the bundle that commits to another intent: it is not evidence of this transaction.', bundle({ ...docs, 'receipts/other-receipt.json': loose }), NOV, { receipts: 'ERR_RECEIPT_INTENT_MISMATCH' });
}
{
  // Spend twice in one second: four more payments of 5.00 under the 20.00 intent mandate, all at
  // the first payment's timestamp. Ordered by hash within the second, the last of the five
  // sees 20.00 already paid.
  const docs = Object.fromEntries(Object.entries(sevenFiles).filter(([f]) => f !== 'bundle-manifest.json').map(([f, { base64 }]) => [f, JSON.parse(Buffer.from(base64, 'base64url').toString('utf8'))]));
  const first = docs['mandates/payment-mandate.json'];
  const more = [2, 3, 4, 5].map((n) => reprove(mut(first, (d) => (d.payment_mandate_contents.payment_mandate_id = `pm-2026-11-01-000${n}`)), P.user));
  const paths = Object.fromEntries(more.map((d) => [`mandates/payment-mandate-${d.payment_mandate_contents.payment_mandate_id.slice(-1)}.json`, d]));
  replay('seven-station/same-second-over-cap', 'Spend twice in one second: five payments of 5.00 under the 20.00 intent mandate with one timestamp. Each must count the others before it (by hash within the second), so the fifth is over the cap.', bundle({ ...docs, ...paths }), NOV, { mandates: 'ERR_MANDATE_OVER_CAP' });
}
{
  const { 'receipts/intent-trace.json': _trace, ...rest } = sevenFiles;
  const manifest = JSON.parse(Buffer.from(sevenFiles['bundle-manifest.json'].base64, 'base64url').toString('utf8'));
  delete manifest.artifacts['receipts/intent-trace.json'];
  delete manifest.proof;
  replay('seven-station/no-trace', 'A transaction without its intent trace: the receipts hop is missing its anchor.', { ...rest, 'bundle-manifest.json': { base64: b64(utf8(text(manifest))) } }, NOV, { receipts: 'ERR_REPLAY_HOP_MISSING' });
}
{
  const { 'settlement/spend-reconciliation.json': _spend, ...rest } = sevenFiles;
  const manifest = JSON.parse(Buffer.from(sevenFiles['bundle-manifest.json'].base64, 'base64url').toString('utf8'));
  delete manifest.artifacts['settlement/spend-reconciliation.json'];
  delete manifest.proof;
  replay('seven-station/no-spend-reconciliation', 'A transaction without its spend reconciliation: the settlement hop holds an authorization but nothing that reconciles it.', { ...rest, 'bundle-manifest.json': { base64: b64(utf8(text(manifest))) } }, NOV, { settlement: 'ERR_REPLAY_HOP_MISSING' });
}

// ---------------------------------------------------------------------------------------------
// release (SPEC.md 9, 10.3): a copy checked against its manifest and ledger; fixtures checked

const releaseManifest = {
  $schema: `https://writ.dev/schemas/${LINE}/release/manifest.schema.json`,
  name: 'acme-writ-vendored',
  line: LINE,
  version: '1.0.0',
  schema_index: `schemas/${LINE}/index.json`,
  boundary: ['README.md', 'checksums.txt', 'manifest.json', `schemas/${LINE}/`],
};
const releaseFiles = { 'README.md': 'vendored writ\n', [`schemas/${LINE}/index.json`]: '{"line":"v1.0.0"}\n', 'manifest.json': text(releaseManifest) };
const ledgerOf = (fs) => Object.keys(fs).sort().map((p) => `${createHash('sha256').update(fs[p]).digest('hex')}  ${p}`).join('\n') + '\n';
const raw = (fs) => Object.fromEntries(Object.entries(fs).map(([p, t]) => [p, { base64: b64(utf8(t)) }]));
const release = (name, description, fs, expect, extra = {}) => vector(`release/${name}`, '10.3', description, { operation: 'integrity', files: { ...raw(fs), ...extra } }, at(0), expect);
const ledger = ledgerOf(releaseFiles);
release('intact', 'An intact copy: every file of the boundary present and as the ledger records.', { ...releaseFiles, 'checksums.txt': ledger }, accept());
release('file-altered', 'A vendored copy changed in place.', { ...releaseFiles, 'README.md': 'vendored writ, patched\n', 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_ALTERED'));
release('file-missing', 'A file of the boundary deleted from the copy.', { 'manifest.json': releaseFiles['manifest.json'], [`schemas/${LINE}/index.json`]: releaseFiles[`schemas/${LINE}/index.json`], 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_MISSING'));
release('file-added', 'A file added inside the boundary, not in the ledger.', { ...releaseFiles, [`schemas/${LINE}/extra.schema.json`]: '{}\n', 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_EXTRA'));
release('ledger-lists-outside', 'The ledger lists a file outside the boundary.', { ...releaseFiles, 'checksums.txt': ledgerOf({ ...releaseFiles, 'src/index.ts': 'x' }) }, rejectAll('ERR_INTEGRITY_OUTSIDE_BOUNDARY'));
{
  const { 'README.md': _readme, ...withoutReadme } = releaseFiles;
  release('symbolic-link', 'A boundary file replaced by a symbolic link: reported, never followed.', { ...withoutReadme, 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_NOT_REGULAR', 'ERR_INTEGRITY_MISSING'), { 'README.md': { symlink: 'manifest.json' } });
}
release('no-ledger', 'A copy without checksums.txt.', releaseFiles, rejectAll('ERR_INTEGRITY_LEDGER_MISSING'));
release('ledger-malformed', 'A ledger line that is not "<sha256>  <path>".', { ...releaseFiles, 'checksums.txt': `${ledger}not a ledger line\n` }, rejectAll('ERR_INTEGRITY_LEDGER_MALFORMED'));
release('ledger-unsorted', 'A ledger not in byte order of paths.', { ...releaseFiles, 'checksums.txt': ledger.split('\n').filter(Boolean).reverse().join('\n') + '\n' }, rejectAll('ERR_INTEGRITY_LEDGER_UNSORTED'));
release('no-manifest', 'A copy without manifest.json.', { 'README.md': releaseFiles['README.md'], 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_MANIFEST_MISSING'));
release('manifest-invalid', 'A manifest.json that is not a valid release manifest.', { ...releaseFiles, 'manifest.json': '{"name":"x"}\n', 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_MANIFEST_INVALID'));
// Second routes (issue 11): each integrity code reached another way than above.
{
  const entries = ledger.trimEnd().split('\n');
  const readme = entries.find((l) => l.endsWith('  README.md'));
  release('ledger-hash-altered', 'The copy intact, but its ledger records another hash for README.md: the file and the ledger disagree.', { ...releaseFiles, 'checksums.txt': ledger.replace(readme, `${'0'.repeat(64)}  README.md`) }, rejectAll('ERR_INTEGRITY_ALTERED'));
  release('ledger-line-dropped', 'The ledger\'s line for README.md deleted: a file of the boundary in the copy that the ledger does not list.', { ...releaseFiles, 'checksums.txt': entries.filter((l) => l !== readme).join('\n') + '\n' }, rejectAll('ERR_INTEGRITY_EXTRA'));
  release('ledger-line-repeated', 'The ledger lists README.md twice, with the same hash: a repeated line.', { ...releaseFiles, 'checksums.txt': entries.flatMap((l) => (l === readme ? [l, l] : [l])).join('\n') + '\n' }, rejectAll('ERR_INTEGRITY_LEDGER_UNSORTED'));
  release('ledger-blank-line', 'A ledger that ends with a blank line: every entry right, and one line that is not "<sha256>  <path>".', { ...releaseFiles, 'checksums.txt': `${ledger}\n` }, rejectAll('ERR_INTEGRITY_LEDGER_MALFORMED'));
  release('ledger-lists-itself', 'The ledger lists checksums.txt, the ledger itself.', { ...releaseFiles, 'checksums.txt': [...entries, `${'0'.repeat(64)}  checksums.txt`].sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1)).join('\n') + '\n' }, rejectAll('ERR_INTEGRITY_OUTSIDE_BOUNDARY'));
  release('manifest-not-json', 'A manifest.json that is not JSON at all (cut off mid-member).', { ...releaseFiles, 'manifest.json': '{"name": "acme-writ-vendored", "line":', 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_MANIFEST_INVALID'));
  const { [`schemas/${LINE}/index.json`]: _index, ...withoutIndex } = releaseFiles;
  release('declared-folder-is-a-file', `The declared folder schemas/${LINE}/ is a file in the copy: not what the boundary declares, and the file the ledger lists under it is not there.`, { ...withoutIndex, [`schemas/${LINE}`]: '{}\n', 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_NOT_REGULAR', 'ERR_INTEGRITY_MISSING'));
  release('ledger-is-a-symbolic-link', 'checksums.txt is a symbolic link (to a ledger kept elsewhere): never followed, so the copy has no ledger to read.', releaseFiles, rejectAll('ERR_INTEGRITY_LEDGER_MISSING'), { 'checksums.txt': { symlink: '../ledgers/checksums.txt' } });
  const { 'manifest.json': _manifest, ...withoutManifest } = releaseFiles;
  release('manifest-is-a-symbolic-link', 'manifest.json is a symbolic link (to the manifest of another copy): never followed, so the copy has no manifest to read.', { ...withoutManifest, 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_MANIFEST_MISSING'), { 'manifest.json': { symlink: '../other-copy/manifest.json' } });
}

const fixtureFiles = (fs) => ({ operation: 'fixtures', files: raw(fs) });
const fixturesVector = (name, description, fs, expect) => vector(`release/fixtures/${name}`, '9', description, fixtureFiles(fs), at(0), expect);
const negCap = readFileSync(join(EXAMPLES, 'capability/token/invalid/token.negative-cap.json'), 'utf8');
const negCapExpect = readFileSync(join(EXAMPLES, 'capability/token/invalid/token.negative-cap.expect.json'), 'utf8');
const validRoot = readFileSync(join(EXAMPLES, 'capability/token/valid/token.root-commander.incident-network.json'), 'utf8');
fixturesVector('as-recorded', 'A valid and an invalid fixture, each behaving as recorded.', { 'capability/token/valid/token.root.json': validRoot, 'capability/token/invalid/token.negative-cap.json': negCap, 'capability/token/invalid/token.negative-cap.expect.json': negCapExpect }, accept());
fixturesVector('invalid-that-passes', 'An "invalid" fixture that validates.', { 'capability/token/invalid/token.not-really.json': validRoot, 'capability/token/invalid/token.not-really.expect.json': negCapExpect }, rejectAll('ERR_FIXTURE_UNEXPECTED_PASS'));
fixturesVector('wrong-reason', 'An invalid fixture that fails for another reason than its sidecar records.', { 'capability/token/invalid/token.negative-cap.json': negCap, 'capability/token/invalid/token.negative-cap.expect.json': negCapExpect.replace('/scope/grants/0/max_total_cost/units', '/scope/grants/0/max_cost_per_invocation/units') }, rejectAll('ERR_FIXTURE_WRONG_REASON'));
fixturesVector('no-expectation', 'An invalid fixture without its sidecar.', { 'capability/token/invalid/token.negative-cap.json': negCap }, rejectAll('ERR_FIXTURE_EXPECTATION_MISSING'));
fixturesVector('expectation-invalid', 'A sidecar that is not a fixture expectation.', { 'capability/token/invalid/token.negative-cap.json': negCap, 'capability/token/invalid/token.negative-cap.expect.json': '{"code":"must be >= 0"}\n' }, rejectAll('ERR_FIXTURE_EXPECTATION_INVALID'));
fixturesVector('orphan-expectation', 'A sidecar whose fixture does not exist.', { 'capability/token/invalid/token.gone.expect.json': negCapExpect }, rejectAll('ERR_FIXTURE_ORPHAN_EXPECTATION'));
fixturesVector('unknown-document', 'A fixture whose name names no document of its family.', { 'capability/token/valid/ticket.seed.json': validRoot }, rejectAll('ERR_FIXTURE_UNKNOWN_SCHEMA'));
fixturesVector('misplaced', 'A fixture outside a valid/ or invalid/ folder.', { 'capability/token/token.root.json': validRoot }, rejectAll('ERR_FIXTURE_MISPLACED'));
// Second routes (issue 11): each fixture code reached another way than above.
fixturesVector('sidecar-named-after-the-file', 'An invalid fixture whose sidecar is named token.negative-cap.json.expect.json (the whole file name, .json included): the fixture has no sidecar, and the sidecar no fixture.', { 'capability/token/invalid/token.negative-cap.json': negCap, 'capability/token/invalid/token.negative-cap.json.expect.json': negCapExpect }, rejectAll('ERR_FIXTURE_EXPECTATION_MISSING', 'ERR_FIXTURE_ORPHAN_EXPECTATION'));
fixturesVector('expectation-not-json', 'A sidecar that is not JSON at all.', { 'capability/token/invalid/token.negative-cap.json': negCap, 'capability/token/invalid/token.negative-cap.expect.json': '{"code": "ERR_SCHEMA_RANGE",' }, rejectAll('ERR_FIXTURE_EXPECTATION_INVALID'));
fixturesVector('nested-below-valid', 'A fixture in a folder below valid/ (capability/token/valid/old/): not in a valid/ or invalid/ folder of its group.', { 'capability/token/valid/old/token.root.json': validRoot }, rejectAll('ERR_FIXTURE_MISPLACED'));
fixturesVector('document-of-another-family', 'A fixture in the capability family named for agent-card, a document of the discovery family.', { 'capability/token/valid/agent-card.metered-tool.json': text(meteredCard) }, rejectAll('ERR_FIXTURE_UNKNOWN_SCHEMA'));
{
  const unsigned = readFileSync(join(EXAMPLES, 'capability/revocation/valid/revocation.unsigned-local-record.json'), 'utf8');
  const sidecar = text({ $schema: `https://writ.dev/schemas/${LINE}/release/fixture-expectation.schema.json`, instancePath: '', keyword: 'required', path: '/revoked_by', code: 'ERR_SCHEMA_REQUIRED' });
  fixturesVector('unsigned-revocation-that-passes', 'An "invalid" revocation fixture, with its sidecar, that is an unsigned revocation record: an unsigned record is valid.', { 'capability/revocation/invalid/revocation.unsigned.json': unsigned, 'capability/revocation/invalid/revocation.unsigned.expect.json': sidecar }, rejectAll('ERR_FIXTURE_UNEXPECTED_PASS'));
}
fixturesVector('two-issues', 'An invalid fixture that breaks the rule its sidecar records and one more (an unknown member): it must give exactly one issue.', { 'capability/token/invalid/token.negative-cap.json': text({ ...JSON.parse(negCap), note: 'two faults' }), 'capability/token/invalid/token.negative-cap.expect.json': negCapExpect }, rejectAll('ERR_FIXTURE_WRONG_REASON'));
{
  // SPEC.md 5.2: a validation reports at most 100 issues, then one that counts the rest.
  const crowded = JSON.parse(validRoot);
  for (let i = 0; i < 150; i++) crowded[`x${i}`] = i;
  fixturesVector('too-many-issues', 'A valid fixture with 150 members its schema does not allow: 100 issues are reported, then ERR_SCHEMA_TOO_MANY_ISSUES with the count of the other 50.', { 'capability/token/valid/token.crowded.json': text(crowded) }, rejectAll('ERR_SCHEMA_ADDITIONAL_PROPERTY', 'ERR_SCHEMA_TOO_MANY_ISSUES'));
  // The same limit, reached by issues of another keyword, deep in an array: a lineage record of 151
  // entries whose 150 delegated ones each give their depth as a string.
  const lineage = JSON.parse(readFileSync(join(EXAMPLES, 'capability/lineage-chain/valid/lineage-chain.root-commander.incident-network.json'), 'utf8'));
  const entries = [lineage.chain[0], ...Array.from({ length: 150 }, (_, i) => ({ ...lineage.chain[1], id: `INC-2026-0428-hop-${i}`, delegation_depth: '1' }))];
  fixturesVector('too-many-type-issues', 'A valid lineage-chain fixture whose 150 delegated entries each give delegation_depth as a string: 100 type issues are reported, then ERR_SCHEMA_TOO_MANY_ISSUES with the count of the other 50.', { 'capability/lineage-chain/valid/lineage-chain.crowded.json': text({ ...lineage, chain: entries }) }, rejectAll('ERR_SCHEMA_TYPE', 'ERR_SCHEMA_TOO_MANY_ISSUES'));
}
{
  const { $schema: _s, ...bare } = JSON.parse(negCapExpect);
  fixturesVector('not-recognisable', 'A valid fixture whose members do not let a reader recognise its type (a fixture expectation without its $schema).', { 'release/fixture-expectation/valid/fixture-expectation.bare.json': text(bare) }, rejectAll('ERR_FIXTURE_DETECTED_AS'));
  const both = mut(JSON.parse(readFileSync(join(EXAMPLES, 'identity/agent-credential/valid/agent-credential.shopping-agent.commerce-rails.json'), 'utf8')), (d) => d.type.push('MerchantCredential'));
  fixturesVector('recognised-as-two-types', 'A valid agent-credential fixture whose type also claims MerchantCredential: it validates, but a reader recognises it as two types, not as the one its name gives.', { 'identity/agent-credential/valid/agent-credential.both.json': text(both) }, rejectAll('ERR_FIXTURE_DETECTED_AS'));
}

// ---------------------------------------------------------------------------------------------
// Boundaries of keys and currencies (issue 11): a DID document's key given as a JsonWebKey, and
// mandates in currencies whose minor unit is not the cent (JPY: exponent 0; KWD: exponent 3).

{
  const jwkDid = (x, change = () => {}) =>
    mut(merchantDid, (d) => {
      const vm = d.verificationMethod[0];
      delete vm.publicKeyMultibase;
      vm.type = 'JsonWebKey';
      vm.publicKeyJwk = { kty: 'OKP', crv: 'Ed25519', x };
      change(vm.publicKeyJwk);
    });
  const x = (party) => Buffer.from(party.hex, 'hex').toString('base64url');
  const jwkContext = (doc) => at(NOV, { documents: [doc] });
  proofVector('did-web/json-web-key', '6.5', "Dreamineering's credential, verified with its did:web document giving key-1 as a JsonWebKey (OKP, Ed25519) rather than a Multikey: the same key, so the proof verifies.", merchantCredential, jwkContext(jwkDid(x(P.merchant))), accept());
  proofVector('did-web/json-web-key-of-another-key', '6.5', "The did:web document's JsonWebKey holds a stranger's key: the merchant's proof does not verify under it.", merchantCredential, jwkContext(jwkDid(x(P.stranger))), reject('ERR_PROOF_INVALID'));
  proofVector('did-web/json-web-key-short', '6.5', "The JsonWebKey's x is 31 bytes: not an Ed25519 public key.", merchantCredential, jwkContext(jwkDid(Buffer.from(P.merchant.hex, 'hex').subarray(1).toString('base64url'))), reject('ERR_KEY_MALFORMED'));
  proofVector('did-web/json-web-key-x25519', '6.5', 'The JsonWebKey is an X25519 key (crv X25519), which cannot verify an Ed25519 signature.', merchantCredential, jwkContext(jwkDid(x(P.merchant), (k) => (k.crv = 'X25519'))), reject('ERR_KEY_MALFORMED'));
}
{
  // A mandate chain in another currency, each amount stated here in decimal.
  const cappedIn = (currency, cap, total) => {
    const i = byUser(mut(intentMandate, (d) => (d.spend_cap = { currency, value: cap })));
    const c = byMerchant(
      mut(cart, (d) => {
        d.intent_mandate_hash = documentHash(i);
        d.spend_cap = { currency, value: cap };
        d.contents.payment_request.details.total.amount = { currency, value: total };
        d.contents.payment_request.details.display_items[0].amount = { currency, value: total };
      }),
    );
    return chainOf(i, c, payFor(c, i, (d) => (d.payment_mandate_contents.payment_details_total.amount = { currency, value: total })));
  };
  mandate('currency-exponent-0-reaches-the-cap', 'In yen (no minor unit): spent 999, paying 1, under a cap of 1000: exactly the cap.', cappedIn('JPY', '1000', '1'), { currency: 'JPY', value: '999' }, accept());
  mandate('currency-exponent-0-passes-the-cap', 'In yen: spent 999, paying 2, under a cap of 1000: one yen over.', cappedIn('JPY', '1000', '2'), { currency: 'JPY', value: '999' }, reject('ERR_MANDATE_OVER_CAP'));
  mandate('currency-exponent-3-reaches-the-cap', 'In Kuwaiti dinar (three decimals): spent 5.000, paying 5.000, under a cap of 10.000: exactly the cap.', cappedIn('KWD', '10.000', '5.000'), { currency: 'KWD', value: '5.000' }, accept());
  mandate('currency-exponent-3-passes-the-cap', 'In Kuwaiti dinar: spent 5.000, paying 5.001, under a cap of 10.000: one fils over, which an implementation counting in cents cannot see.', cappedIn('KWD', '10.000', '5.001'), { currency: 'KWD', value: '5.000' }, reject('ERR_MANDATE_OVER_CAP'));
}

// The seven-station transaction, changeable: `transaction(changes, { signers, trace })` makes
// the changes (path -> change; null deletes the file), makes every link by hash follow, and signs
// each changed document again (by its party, or by `signers[path]`: [party, verification
// method]); `trace` changes the trace after the links are stitched. `sealed(d, kind,
// manifestChange)` puts the documents in a bundle sealed by the recorder, as the original was.
// Shared by the replay links, the money and the replay boundary blocks.
const seven = (() => {
  const original = Object.fromEntries(Object.entries(sevenFiles).filter(([f]) => f !== 'bundle-manifest.json').map(([f, { base64 }]) => [f, JSON.parse(Buffer.from(base64, 'base64url').toString('utf8'))]));
  const manifest = JSON.parse(Buffer.from(sevenFiles['bundle-manifest.json'].base64, 'base64url').toString('utf8'));
  const policy = { ...pinned, sealers: [P.recorder.didKey] };
  const SIGNERS = {
    'manifest/agent-card.json': [P.merchant],
    'capability/agents-root.json': [P.trust002],
    'capability/shopping-agent.json': [P.trust002],
    'mandates/intent-mandate.json': [P.user],
    'mandates/cart-mandate.json': [P.merchant],
    'mandates/payment-mandate.json': [P.user],
    'receipts/buyer-receipt.json': [P.agentKernel],
    'receipts/provider-receipt.json': [P.toolsKernel],
    'receipts/intent-trace.json': [P.recorder],
  };
  /** The transaction with `changes` (path -> change; null deletes), each link by hash made to follow, every changed document signed again; `trace` changes the trace after the links are stitched. */
  const transaction = (changes = {}, { signers = {}, trace } = {}) => {
    const d = { ...original };
    for (const [path, change] of Object.entries(changes)) {
      if (change === null) delete d[path];
      else d[path] = mut(original[path] ?? {}, change);
    }
    const settle = (path, link = () => {}) => {
      if (d[path] === undefined) return;
      const next = mut(d[path], link);
      if (text(next) === text(original[path])) return void (d[path] = original[path]);
      const [party, vm] = signers[path] ?? SIGNERS[path] ?? [];
      d[path] = party === undefined ? next : next.proof !== undefined ? reprove(next, party, vm) : resign(next, party);
    };
    settle('manifest/agent-card.json');
    settle('capability/agents-root.json');
    settle('capability/shopping-agent.json');
    if (d['intent/governed-intent.json'] !== undefined && text(d['intent/governed-intent.json']) !== text(original['intent/governed-intent.json'])) d['intent/governed-intent.json'] = rehash(d['intent/governed-intent.json']);
    const intent = d['intent/governed-intent.json'] ?? original['intent/governed-intent.json'];
    settle('receipts/buyer-receipt.json', (r) => (r.intent_hash = intent.intent_hash));
    settle('receipts/provider-receipt.json', (r) => (r.intent_hash = intent.intent_hash));
    settle('settlement/budget-authorization.json', (b) => (b.intent_hash = intent.intent_hash));
    settle('mandates/intent-mandate.json');
    const intentMandate = documentHash(d['mandates/intent-mandate.json'] ?? original['mandates/intent-mandate.json']);
    settle('mandates/cart-mandate.json', (c) => (c.intent_mandate_hash = intentMandate));
    settle('mandates/payment-mandate.json', (p) => ((p.intent_mandate_hash = intentMandate), (p.cart_mandate_hash = documentHash(d['mandates/cart-mandate.json'] ?? original['mandates/cart-mandate.json']))));
    settle('receipts/intent-trace.json', (t) => {
      t.intent_ref = intentMandate;
      t.action_hash = documentHash(d['receipts/provider-receipt.json'].action);
      t.references.mandate_hash = documentHash(d['mandates/payment-mandate.json'] ?? original['mandates/payment-mandate.json']);
      t.references.identity_credential.hash = documentHash(d['identity/agent-credential.json']);
      t.references.receipt_hashes = [documentHash(d['receipts/buyer-receipt.json']), documentHash(d['receipts/provider-receipt.json'])];
      trace?.(t);
    });
    return d;
  };
  if (Object.entries(transaction()).some(([path, doc]) => doc !== original[path])) throw new Error('the seven-station transaction does not restitch to itself');
  const sealed = (d, kind = manifest.transaction, manifestChange = () => {}) => {
    const f = bundle(d, (m) => ((m.bundle_id = manifest.bundle_id), (m.created_at = manifest.created_at), kind === null ? delete m.transaction : (m.transaction = kind), manifestChange(m)));
    const m = JSON.parse(Buffer.from(f['bundle-manifest.json'].base64, 'base64url').toString('utf8'));
    return { ...f, 'bundle-manifest.json': { base64: b64(utf8(text(reprove({ ...m, proof: manifest.proof }, P.recorder)))) } };
  };
  return { original, manifest, policy, transaction, sealed };
})();

// ---------------------------------------------------------------------------------------------
// replay links, one vector each (SPEC.md 12.9)
//
// For each link of LINK_RULES (src/verify/replay.ts), the seven-station transaction with that link
// broken and nothing else. Every document changed is signed, proved or hashed again by its own
// party, every document that names it by hash is made to name the new one (and signed again), and
// the bundle is sealed again by the recorder, whom the trust policy names: the link is the only
// thing wrong, and the hop it reports to is the only one that rejects. Where a link has a boundary,
// its passing side is here too.

{
  const { original, manifest, policy, sealed } = seven;
  const transaction = (changes, signers) => seven.transaction(changes, { signers });
  const link = (name, description, d, failures, kind) => replay(`seven-station/link/${name}`, description, sealed(d, kind), NOV, failures, policy);
  link('restitched', 'The seven-station documents sealed again by the recorder, as every vector below is: nothing changed, every hop verifies.', transaction(), {});

  // manifest: the card lists a credential of the identity hop.
  const OTHER_CREDENTIAL = { id: 'urn:uuid:00000000-0000-4000-8000-000000000001', hash: `sha256:${'1'.repeat(64)}` };
  link('card-lists-no-credential-of-the-identity-hop', 'The agent card, proved again by Dreamineering, lists a credential the bundle does not hold instead of its merchant credential: the card\'s identity is not the one the identity hop verified, so the manifest hop rejects.', transaction({ 'manifest/agent-card.json': (c) => (c.credentials = [OTHER_CREDENTIAL]) }), { manifest: 'ERR_REPLAY_LINK_BROKEN' });
  link('card-lists-a-credential-of-the-identity-hop-among-others', 'The agent card, proved again by Dreamineering, lists a credential the bundle does not hold before its merchant credential: one listed credential of the identity hop is enough, and every hop accepts.', transaction({ 'manifest/agent-card.json': (c) => c.credentials.unshift(OTHER_CREDENTIAL) }), {});

  // capability chain: the intent's capability is in the bundle.
  link('intent-capability-not-in-the-bundle', 'The governed intent, hashed again, is made under cap-dreamineering-shopping-agent-0002, which the bundle does not hold (the receipts and the authorization follow its new hash): the capability chain hop rejects. The receipts, under the capability the bundle holds, then name another capability than the intent, which the receipts hop refuses too: the receipts, the budget and the intent must name one capability, so this link cannot break alone.', transaction({ 'intent/governed-intent.json': (i) => (i.capability_id = 'cap-dreamineering-shopping-agent-0002') }), { capability_chain: 'ERR_REPLAY_LINK_BROKEN', receipts: 'ERR_RECEIPT_CAPABILITY_MISMATCH' });

  // intent: the agent card offers the intent's tool (its name, and its server when the card gives one).
  link('card-does-not-offer-the-intent-tool', 'The agent card, proved again by Dreamineering, offers market-brief instead of market-report, the tool the intent calls: the intent hop rejects.', transaction({ 'manifest/agent-card.json': (c) => (c.tools[0].name = 'market-brief') }), { intent: 'ERR_REPLAY_LINK_BROKEN' });
  link('card-offers-the-intent-tool-on-another-server', 'The agent card, proved again by Dreamineering, offers market-report on the server dreamineering-labs, not on dreamineering-tools, the server the intent calls: the intent hop rejects.', transaction({ 'manifest/agent-card.json': (c) => (c.tools[0].server_id = 'dreamineering-labs') }), { intent: 'ERR_REPLAY_LINK_BROKEN' });
  link('card-offers-the-intent-tool-on-no-server', 'The agent card, proved again by Dreamineering, offers market-report without naming a server: a tool without a server_id is the intent\'s by its name, and every hop accepts.', transaction({ 'manifest/agent-card.json': (c) => delete c.tools[0].server_id }), {});

  // mandates: the intent's worst-case price is within the intent mandate's spend cap, in its currency.
  link('worst-case-price-over-the-cap', 'The governed intent, hashed again, bounds the price at 2001 USD cents, one cent over the intent mandate\'s spend cap of 20.00 USD (the receipts and the authorization follow its new hash): the mandates hop rejects.', transaction({ 'intent/governed-intent.json': (i) => (i.billing_context.max_price_minor = 2001) }), { mandates: 'ERR_REPLAY_LINK_BROKEN' });
  link('worst-case-price-at-the-cap', 'The governed intent, hashed again, bounds the price at 2000 USD cents, exactly the intent mandate\'s spend cap of 20.00 USD: within the cap, and every hop accepts.', transaction({ 'intent/governed-intent.json': (i) => (i.billing_context.max_price_minor = 2000) }), {});
  // A cap finer than a minor unit is a decimal like any other (SPEC.md 6.1: compared as exact
  // decimals): 20.001 USD holds 2000 cents, not 2001.
  const finerCap = (price) => transaction({ 'mandates/intent-mandate.json': (m) => (m.spend_cap.value = '20.001'), 'mandates/cart-mandate.json': (c) => (c.spend_cap.value = '20.001'), 'intent/governed-intent.json': (i) => (i.billing_context.max_price_minor = price) });
  link('worst-case-price-within-a-cap-finer-than-a-cent', 'The intent mandate and the cart, signed again, cap the spend at 20.001 USD, a tenth of a cent finer than USD\'s minor unit, and the intent, hashed again, bounds the price at 2000 cents: 20.00 is within 20.001, and every hop accepts.', finerCap(2000), {});
  link('worst-case-price-over-a-cap-finer-than-a-cent', 'The intent mandate and the cart, signed again, cap the spend at 20.001 USD, and the intent, hashed again, bounds the price at 2001 cents: 20.01 is over 20.001 (a verifier that rounds the cap to cents, or refuses to compare it, gets one of these two wrong), and the mandates hop rejects.', finerCap(2001), { mandates: 'ERR_REPLAY_LINK_BROKEN' });
  link('worst-case-price-in-another-currency', 'The governed intent, hashed again, bounds the price at 500 EUR cents, while the intent mandate\'s spend cap is 20.00 USD (the receipts and the authorization follow its new hash; the bundle holds no settlement, which would be held to the intent\'s currency too, and declares no kind): a price in another currency is not within the cap, and the mandates hop rejects.', transaction({ 'settlement/settlement.json': null, 'intent/governed-intent.json': (i) => (i.billing_context.currency = 'EUR') }), { mandates: 'ERR_REPLAY_LINK_BROKEN' }, null);
  link('intent-mandate-for-another-agent', 'The intent mandate, signed again by the user, is for a stranger\'s did:key, not for the agent the identity hop\'s credential is about (the cart, the payment and the trace follow its hash): the mandates hop rejects.', transaction({ 'mandates/intent-mandate.json': (m) => (m.agent = P.stranger.didKey) }), { mandates: 'ERR_REPLAY_LINK_BROKEN' });
  link('cart-of-another-merchant', 'The cart mandate is a stranger\'s: its merchant is the stranger\'s did:key, which proves it (the payment and the trace follow its hash), while the agent card is did:web:dreamineering.com\'s: the mandates hop rejects.', transaction({ 'mandates/cart-mandate.json': (c) => (c.merchant = P.stranger.didKey) }, { 'mandates/cart-mandate.json': [P.stranger, P.stranger.vm] }), { mandates: 'ERR_REPLAY_LINK_BROKEN' });

  // settlement: the reconciled actual costs sum to the payment mandate's total, in its currency.
  // A settlement is held to both (it settles the payment's total, and the spend reconciled: three
  // amounts pairwise equal), so these two bundles hold none, and declare no kind that requires one.
  const noSettlement = { 'settlement/settlement.json': null };
  link('calls-cost-less-than-the-payment', 'The spend reconciliation credits one cent back (actual 499 USD cents, charged 500) and the buyer\'s receipt, signed again by its kernel, records a cost of 499, while the payment mandate pays 5.00 USD; the bundle holds no settlement and declares no kind. The calls do not cost what was paid, so the settlement hop rejects.', transaction({ ...noSettlement, 'settlement/spend-reconciliation.json': (r) => ((r.actual.units = 499), (r.outcome = 'credited'), (r.credited = { units: 1, currency: 'USD' })), 'receipts/buyer-receipt.json': (r) => (r.cost.units = 499) }), { settlement: 'ERR_REPLAY_LINK_BROKEN' }, null);
  {
    const inEuro = (c) => {
      for (const g of c.scope.grants) (g.max_total_cost.currency = 'EUR'), (g.max_cost_per_invocation.currency = 'EUR');
    };
    link('calls-cost-in-another-currency', 'The agent\'s budget is kept in EUR: both capabilities\' caps (signed again by their issuer), the authorization, the spend reconciliation and the buyer\'s receipt (signed again by its kernel) count 500 EUR cents, while the payment mandate pays 5.00 USD; the bundle holds no settlement and declares no kind. The calls do not cost what was paid in its currency, so the settlement hop rejects.', transaction({ ...noSettlement, 'capability/agents-root.json': inEuro, 'capability/shopping-agent.json': inEuro, 'settlement/budget-authorization.json': (b) => ((b.exposure.currency = 'EUR'), (b.total_exposure.currency = 'EUR')), 'settlement/spend-reconciliation.json': (r) => ((r.charged.currency = 'EUR'), (r.actual.currency = 'EUR')), 'receipts/buyer-receipt.json': (r) => (r.cost.currency = 'EUR') }), { settlement: 'ERR_REPLAY_LINK_BROKEN' }, null);
  }

  // settlement: a spend reconciliation names a receipt of the bundle, and an allowed authorization of its capability and grant.
  link('reconciliation-names-no-receipt-of-the-bundle', 'The spend reconciliation reconciles receipt rcpt-dreamineering-agent-0002, which the bundle does not hold: the settlement hop rejects.', transaction({ 'settlement/spend-reconciliation.json': (r) => (r.receipt_id = 'rcpt-dreamineering-agent-0002') }), { settlement: 'ERR_REPLAY_LINK_BROKEN' });
  link('reconciliation-of-another-capability', 'The spend reconciliation reconciles a grant of cap-dreamineering-shopping-agent-0002, a capability no authorization of the bundle charged: the settlement hop rejects.', transaction({ 'settlement/spend-reconciliation.json': (r) => (r.capability_id = 'cap-dreamineering-shopping-agent-0002') }), { settlement: 'ERR_REPLAY_LINK_BROKEN' });
  link('reconciliation-of-another-grant', 'The spend reconciliation reconciles grant 1 of the agent\'s capability, which no authorization of the bundle charged (the authorization charged grant 0): the settlement hop rejects.', transaction({ 'settlement/spend-reconciliation.json': (r) => (r.grant_index = 1) }), { settlement: 'ERR_REPLAY_LINK_BROKEN' });
  link('reconciliation-of-a-denied-authorization', 'The budget authorization is a denial, and a true one (3 calls and 1600 USD cents charged before, so 500 more is over the grant\'s max_total_cost of 2000): the spend reconciliation reconciles a grant no allowed authorization charged, and the settlement hop rejects.', transaction({ 'settlement/budget-authorization.json': (b) => ((b.decision = 'denied'), (b.denial = 'max_total_cost'), (b.invocation_count = 3), (b.total_exposure.units = 1600), delete b.hold_id) }), { settlement: 'ERR_REPLAY_LINK_BROKEN' });

  // settlement: an authorization is for the intent.
  {
    const d = transaction();
    link('authorization-for-another-intent', 'The budget authorization is for an intent whose hash is not the governed intent\'s: the exposure was authorized for something else, and the settlement hop rejects.', { ...d, 'settlement/budget-authorization.json': mut(d['settlement/budget-authorization.json'], (b) => (b.intent_hash = `sha256:${'5'.repeat(64)}`)) }, { settlement: 'ERR_REPLAY_LINK_BROKEN' });
    link('authorization-naming-no-intent', 'The budget authorization names no intent: there is no intent hash to hold to the governed intent\'s, and every hop accepts.', { ...d, 'settlement/budget-authorization.json': mut(d['settlement/budget-authorization.json'], (b) => delete b.intent_hash) }, {});
  }

  // settlement: a settlement settles the payment mandate's total, and names a payment reference the receipts record.
  {
    const settlement = original['settlement/settlement.json'];
    const part = mut(settlement, (s) => ((s.settlement_id = 'settlement_dreamineering_0002'), (s.quoted_amount_minor = 1), (s.approved_amount_minor = 1), (s.settled_amount_minor = 1)));
    link('settlement-one-unit-short', 'The payment settled in two parts: settlement_dreamineering_0001 settles 499 USD cents, one unit short of the payment mandate\'s 5.00 USD, and settlement_dreamineering_0002 the other cent. Together they settle the spend reconciled, but neither settles the payment\'s total, so the settlement hop rejects.', { ...transaction({ 'settlement/settlement.json': (s) => (s.settled_amount_minor = 499) }), 'settlement/settlement-2.json': part }, { settlement: 'ERR_REPLAY_LINK_BROKEN' });
    link('settlement-names-another-payment', 'The settlement names payment x402:eip155:8453:0x00…01, which no receipt of the bundle records (they record the payment of the trace\'s settlement proof): the settlement hop rejects.', transaction({ 'settlement/settlement.json': (s) => (s.payment_reference = `x402:eip155:8453:0x${'0'.repeat(63)}1`) }), { settlement: 'ERR_REPLAY_LINK_BROKEN' });
    link('settlement-names-no-payment', 'The settlement names no payment reference: there is none to find among the receipts\', and every hop accepts.', transaction({ 'settlement/settlement.json': (s) => delete s.payment_reference }), {});
  }

  // receipts: a buyer's and a provider's receipt of the intent verify as a bilateral pair.
  link('no-provider-receipt-for-the-intent-tool', 'The provider\'s receipt, signed again by its kernel, records a call to market-brief, not to market-report, the tool the intent calls (the trace follows its hash): the bundle holds no provider receipt of the intent\'s tool, and the receipts hop rejects.', transaction({ 'receipts/provider-receipt.json': (r) => (r.tool_name = 'market-brief') }), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  link('no-provider-receipt-on-the-intent-server', 'The provider\'s receipt, signed again by its kernel, records a call to market-report on dreamineering-labs, not on dreamineering-tools, the server the intent calls (the trace follows its hash): the bundle holds no provider receipt of the intent\'s tool, and the receipts hop rejects.', transaction({ 'receipts/provider-receipt.json': (r) => (r.tool_server = 'dreamineering-labs') }), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  link('receipt-pair-under-one-kernel', 'The provider\'s receipt is signed by the buyer\'s kernel, under the buyer\'s kernel_key (the trace follows its hash): each receipt verifies alone, but the two are not bilateral evidence, and the receipts hop rejects with the pair\'s code.', transaction({ 'receipts/provider-receipt.json': (r) => (r.kernel_key = P.agentKernel.hex) }, { 'receipts/provider-receipt.json': [P.agentKernel] }), { receipts: 'ERR_RECEIPT_SAME_KERNEL' });

  // receipts: every receipt commits to the intent.
  {
    const loose = resign(mut(original['receipts/buyer-receipt.json'], (r) => ((r.id = `${r.id}-other`), (r.intent_hash = `sha256:${'7'.repeat(64)}`), delete r.cost)), P.agentKernel);
    link('receipt-for-another-intent', 'A further receipt by the buyer\'s kernel, recording no cost (so the budget still accounts for the calls), commits to another intent: it is not evidence of this transaction, and the receipts hop rejects.', { ...transaction(), 'receipts/other-receipt.json': loose }, { receipts: 'ERR_RECEIPT_INTENT_MISMATCH' });
  }

  // receipts: a settled trace carries a successful settlement proof.
  link('settled-trace-without-a-successful-proof', 'The intent trace, proved again by the recorder, records a settled outcome with a settlement proof whose success is false: the receipts hop rejects.', transaction({ 'receipts/intent-trace.json': (t) => (t.references.settlement_proof.success = false) }), { receipts: 'ERR_REPLAY_LINK_BROKEN' });

  // receipts: every trace's proof is bound to the payment it names (the amount, the network, the
  // payer and the payee have their vectors above, replay/seven-station/settlement-proof-* and
  // cart-names-no-payee): an asset whose units writ does not know cannot be bound.
  link('settlement-proof-in-an-unknown-asset', 'The cart\'s x402 method, proved again by Dreamineering, is paid in EURC, an asset whose units writ does not know (the payment and the trace follow its hash): the settlement proof\'s amount cannot be bound to the payment\'s 5.00 USD, and the receipts hop rejects.', transaction({ 'mandates/cart-mandate.json': (c) => (c.contents.payment_request.method_data[0].data.asset = 'EURC') }), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
}

// crypto boundaries (mutation testing of src/crypto/)
// Each vector below has one fault, named by its id, and is signed again when the fault is not the
// signature: the W3C vector's key for did:key proofs, Dreamineering's for did:web ones, the buyer
// kernel's for compact envelopes. Expectations are SPEC.md 3, 6.3 to 6.5 and the error registry.
{
  const keyPair = JSON.parse(readFileSync(join(VECTORS, 'eddsa-jcs-2022', 'keyPair.json'), 'utf8'));
  const w3cSeed = fromBase58(keyPair.privateKeyMultibase.slice(1)).slice(2);
  const { '@context': _c, ...w3cOptions } = JSON.parse(readFileSync(join(VECTORS, 'eddsa-jcs-2022', 'proofConfigJCS.json'), 'utf8'));
  const w3cUnsigned = JSON.parse(readFileSync(join(VECTORS, 'eddsa-jcs-2022', 'unsigned.json'), 'utf8'));
  const w3cPk = publicKeyOf(w3cSeed);
  /** The W3C credential (or `doc`), proved again by the W3C key with its proof options changed. */
  const w3cProved = (change = {}, doc = w3cUnsigned) => signDataIntegrity(doc, { ...w3cOptions, ...change }, w3cSeed);
  const multibase = (bytes) => `z${toBase58(bytes)}`;
  const didKeyMethod = (mb) => `did:key:${mb}#${mb}`;
  const ed25519Multikey = (key) => multibase(new Uint8Array([0xed, 0x01, ...key]));
  const signatureOf = (doc) => fromBase58(doc.proof.proofValue.slice(1));
  const w3cSig = signatureOf(w3c);

  proofVector('not-an-object', '6.4', 'A secured document that is null, not an object: it carries no proof.', null, at(0), reject('ERR_PROOF_MISSING'));
  // proofValue (SPEC.md 6.4, check 1): z and base58btc of 64 bytes, nothing else.
  proofVector('w3c/proof-value-base58flickr-prefix', '6.4', 'A proofValue whose multibase prefix is Z (base58flickr), followed by the base58btc text of the genuine signature: only z (base58btc) is the envelope\'s encoding.', mut(w3c, (d) => (d.proof.proofValue = `Z${d.proof.proofValue.slice(1)}`)), at(0), reject('ERR_PROOF_MALFORMED'));
  proofVector('w3c/proof-value-not-a-string', '6.4', 'A proofValue that is a list holding the genuine proofValue, not a string.', mut(w3c, (d) => (d.proof.proofValue = [d.proof.proofValue])), at(0), reject('ERR_PROOF_MALFORMED'));
  proofVector('w3c/proof-value-65-bytes', '6.4', 'A proofValue that is z and base58btc of 65 bytes (the genuine signature and a zero byte): not a 64-byte Ed25519 signature.', mut(w3c, (d) => (d.proof.proofValue = multibase(new Uint8Array([...w3cSig, 0])))), at(0), reject('ERR_PROOF_MALFORMED'));
  // The checks before the equation (SPEC.md 6.4, checks 2 to 6) answer with their own codes in a
  // proof too, not with ERR_PROOF_INVALID.
  proofVector('w3c/proof-value-malleated', '6.4', 'Signature malleability in a proof: the genuine signature with S + L, which a lax verifier accepts as a second proofValue.', mut(w3c, (d) => (d.proof.proofValue = multibase(new Uint8Array([...w3cSig.subarray(0, 32), ...leBytes(le(w3cSig.subarray(32)) + L)])))), at(0), reject('ERR_SIG_NON_CANONICAL'));
  proofVector('w3c/proof-value-small-order-r', '6.4', 'A proofValue whose R is a point of order 8, with the genuine S.', mut(w3c, (d) => (d.proof.proofValue = multibase(new Uint8Array([...hexBytes(SMALL_ORDER['order-8']), ...w3cSig.subarray(32)])))), at(0), reject('ERR_SIG_SMALL_ORDER'));
  proofVector('did-key/small-order-key', '6.4', 'A proof by a did:key method whose key is the identity point, a key of small order: refused before the equation.', w3cProved({ verificationMethod: didKeyMethod(ed25519Multikey(hexBytes(SMALL_ORDER.identity))) }), at(0), reject('ERR_SIG_SMALL_ORDER'));
  proofVector('did-key/non-canonical-key', '6.4', 'A proof by a did:key method whose key is a non-canonical encoding (y = p).', w3cProved({ verificationMethod: didKeyMethod(ed25519Multikey(hexBytes(NON_CANONICAL['y-equals-p']))) }), at(0), reject('ERR_SIG_NON_CANONICAL'));

  // did:key (SPEC.md 6.5): did:key: + z + base58btc(0xed 0x01 + 32 bytes), and its method id <DID>#<multikey>.
  const didKeyVector = (name, description, mb) => proofVector(`did-key/${name}`, '6.5', `The W3C credential proved again by its key under the did:key method ${description}: no Ed25519 did:key method.`, w3cProved({ verificationMethod: didKeyMethod(mb) }), at(0), reject('ERR_KEY_MALFORMED'));
  const w3cKeyBytes = new Uint8Array([0xed, 0x01, ...w3cPk]);
  didKeyVector('multibase-base16', 'whose multikey is the base16 multibase (f and lowercase hex) of the W3C key\'s 0xed 0x01 and 32 bytes', `f${toHex(w3cKeyBytes)}`);
  didKeyVector('multikey-not-base58', 'whose multikey is z and text with 0, O, I and l, which base58btc does not have', `z6Mk0OIl${ed25519Multikey(w3cPk).slice(8)}`);
  didKeyVector('multikey-33-bytes', 'whose multikey is 0xed 0x01 and the first 31 bytes of the W3C key (33 bytes)', multibase(w3cKeyBytes.subarray(0, 33)));
  didKeyVector('multikey-35-bytes', 'whose multikey is 0xed 0x01, the W3C key and a zero byte (35 bytes)', multibase(new Uint8Array([...w3cKeyBytes, 0])));
  didKeyVector('multicodec-ed-02', 'whose multikey starts 0xed 0x02, not 0xed 0x01', multibase(new Uint8Array([0xed, 0x02, ...w3cPk])));
  didKeyVector('multikey-leading-zero-byte', 'whose multikey is z, a 1 (base58btc for a leading zero byte) and the W3C key\'s multikey text', `z1${ed25519Multikey(w3cPk).slice(1)}`);
  proofVector('did-key/no-fragment', '6.5', 'The W3C credential proved again by its key under the did:key DID alone, without the #<multikey> fragment a did:key method id has.', w3cProved({ verificationMethod: `did:key:${ed25519Multikey(w3cPk)}` }), at(0), reject('ERR_KEY_MALFORMED'));
  proofVector('did-key/purpose-key-agreement', '6.5', 'The W3C credential proved again by its key for keyAgreement: an Ed25519 did:key lists its key for authentication, assertionMethod, capabilityInvocation and capabilityDelegation only.', w3cProved({ proofPurpose: 'keyAgreement' }), at(0), reject('ERR_PROOF_PURPOSE'));
  {
    const { verificationMethod: _vm, ...noMethod } = w3cOptions;
    proofVector('w3c/no-verification-method', '6.5', 'The W3C credential proved again by its key under proof options that name no verificationMethod: no key can be resolved.', signDataIntegrity(w3cUnsigned, noMethod, w3cSeed), at(0), reject('ERR_KEY_UNRESOLVED'));
  }

  // @context (SPEC.md 6.4): the document's is exactly the proof's copy. Each document below was
  // proved with the @context the proof carries, then its own @context was changed.
  const ctx = w3cUnsigned['@context'];
  const withContext = (context) => ({ ...w3cUnsigned, '@context': context });
  proofVector('w3c/context-entry-replaced', '6.4', "The document's second @context entry replaced after signing (the proof's copy and the document's have the same length and differ in one entry): a W3C-style verifier that hashed the proof's copy in its place would find the proof valid.", mut(w3cProved(), (d) => (d['@context'][1] = 'https://attacker.example/credentials/v2')), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
  proofVector('w3c/context-longer-in-the-proof', '6.4', "A proof made over three @context entries, on a document that carries only the first two: the proof's @context is not a prefix of the document's.", mut(w3cProved({}, withContext([...ctx, 'https://www.w3.org/ns/credentials/undefined-terms/v2'])), (d) => (d['@context'] = [...ctx])), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
  proofVector('w3c/context-removed-from-the-document', '6.4', 'The document\'s @context removed after signing, the proof keeping its copy.', mut(w3cProved(), (d) => delete d['@context']), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
  proofVector('w3c/context-a-single-string', '6.4', 'A document whose @context is one URL, a string rather than a list, proved with that same string as the proof\'s @context.', w3cProved({}, withContext(ctx[0])), at(0), accept());
  {
    const inline = { '@vocab': 'https://vc.example/vocab#', alumniOf: 'https://schema.org/alumniOf' };
    proofVector('w3c/context-object-members-reordered', '6.4', "A document whose @context holds an inline context object, proved with it, and then written with that object's members in another order: the two are one JSON value (compared in canonical form), so the proof verifies.", mut(w3cProved({}, withContext([ctx[0], inline])), (d) => (d['@context'][1] = { alumniOf: inline.alumniOf, '@vocab': inline['@vocab'] })), at(0), accept());
  }

  // expires (SPEC.md 6.2): expired at the instant itself.
  {
    const EXPIRY = T0 + 3600;
    const expiry = new Date(EXPIRY * 1000).toISOString().replace('.000Z', 'Z');
    proofVector('w3c/expires-at-now', '6.2', `A proof that expires at ${expiry}, checked at that second: it has expired.`, w3cProved({ expires: expiry }), at(EXPIRY), reject('ERR_PROOF_EXPIRED'));
    proofVector('w3c/expires-one-second-left', '6.2', `A proof that expires at ${expiry}, checked one second before: not yet expired.`, w3cProved({ expires: expiry }), at(EXPIRY - 1), accept());
    proofVector('w3c/expires-unix-seconds', '6.2', 'A proof whose expires is Unix seconds (a number), not an RFC 3339 date-time: refused, not taken as "not expired".', w3cProved({ expires: EXPIRY }), at(T0), reject('ERR_TIME_INVALID'));
  }

  // did:web (SPEC.md 6.5): the method must be listed under the proof's purpose in the supplied
  // DID document, and be one of its verification methods with one Ed25519 key.
  const KEY1 = 'did:web:dreamineering.com#key-1';
  const method = (id, party) => ({ id, type: 'Multikey', controller: 'did:web:dreamineering.com', publicKeyMultibase: party.multikey });
  const webDoc = (change) => mut(merchantDid, change);
  const webVector = (name, description, document, context, expect) => proofVector(`did-web/${name}`, '6.5', description, document, context, expect);
  const withDoc = (doc) => at(NOV, { documents: [doc] });
  webVector('relative-references', "Dreamineering's DID document declaring key-1 with the relative id #key-1 and listing #key-1 under assertionMethod: a relative reference is resolved against the document's DID.", merchantCredential, withDoc(webDoc((d) => ((d.verificationMethod[0].id = '#key-1'), (d.assertionMethod = ['#key-1']), (d.authentication = ['#key-1'])))), accept());
  webVector('two-keys', "Dreamineering's DID document declaring a stranger's key as key-0 before its own key-1, both listed under assertionMethod: the proof by key-1 resolves to key-1's key.", merchantCredential, withDoc(webDoc((d) => ((d.verificationMethod = [method('did:web:dreamineering.com#key-0', P.stranger), method(KEY1, P.merchant)]), (d.assertionMethod = ['did:web:dreamineering.com#key-0', KEY1])))), accept());
  webVector('two-keys-relative', 'The same two keys with relative ids, #key-0 (the stranger\'s) and #key-1, listed by relative reference: the proof by key-1 resolves to key-1\'s key.', merchantCredential, withDoc(webDoc((d) => ((d.verificationMethod = [method('#key-0', P.stranger), method('#key-1', P.merchant)]), (d.assertionMethod = ['#key-0', '#key-1'])))), accept());
  webVector('embedded-method', 'Key-1 embedded as an object under assertionMethod, and not declared in verificationMethod: an embedded method is a method of the document.', merchantCredential, withDoc(webDoc((d) => ((d.verificationMethod = []), (d.assertionMethod = [method(KEY1, P.merchant)])))), accept());
  webVector('embedded-method-relative-id', 'Key-1 embedded under assertionMethod with the relative id #key-1.', merchantCredential, withDoc(webDoc((d) => ((d.verificationMethod = []), (d.assertionMethod = [method('#key-1', P.merchant)])))), accept());
  webVector('embedded-method-of-another-id', "The document declares key-1, but assertionMethod holds only an embedded key-2 (a stranger's key): key-1 is not listed under assertionMethod.", merchantCredential, withDoc(webDoc((d) => (d.assertionMethod = [method('did:web:dreamineering.com#key-2', P.stranger)]))), reject('ERR_PROOF_PURPOSE'));
  webVector('listed-for-authentication-only', 'The document declares key-1 and key-2 (a stranger\'s key), lists key-2 under assertionMethod and key-1 under authentication only: key-1 is not listed under the proof\'s purpose.', merchantCredential, withDoc(webDoc((d) => ((d.verificationMethod = [method(KEY1, P.merchant), method('did:web:dreamineering.com#key-2', P.stranger)]), (d.assertionMethod = ['did:web:dreamineering.com#key-2']), (d.authentication = [KEY1])))), reject('ERR_PROOF_PURPOSE'));
  webVector('listed-not-declared', 'Key-1 listed under assertionMethod, but the document declares only key-2: key-1 is no verification method of the document.', merchantCredential, withDoc(webDoc((d) => (d.verificationMethod = [method('did:web:dreamineering.com#key-2', P.stranger)]))), reject('ERR_KEY_UNRESOLVED'));
  webVector('verification-method-not-a-list', "The document's verificationMethod is key-1's object itself, not a list of methods: it declares no method.", merchantCredential, withDoc(webDoc((d) => (d.verificationMethod = d.verificationMethod[0]))), reject('ERR_KEY_UNRESOLVED'));
  webVector('verification-method-holds-no-object', "The document's verificationMethod holds null and key-1's id as a string, no method object: key-1 is listed but not declared.", merchantCredential, withDoc(webDoc((d) => (d.verificationMethod = [null, KEY1]))), reject('ERR_KEY_UNRESOLVED'));
  webVector('assertion-method-not-a-list', "The document's assertionMethod is key-1's id as a string, not a list: nothing is listed under assertionMethod.", merchantCredential, withDoc(webDoc((d) => (d.assertionMethod = KEY1))), reject('ERR_PROOF_PURPOSE'));
  webVector('no-key', 'Key-1 declared with neither publicKeyMultibase nor publicKeyJwk.', merchantCredential, withDoc(webDoc((d) => delete d.verificationMethod[0].publicKeyMultibase)), reject('ERR_KEY_MALFORMED'));
  webVector('document-of-another-did', 'The only DID document supplied is for did:web:dreamineering.co (the same document with another id): none is supplied for did:web:dreamineering.com.', merchantCredential, withDoc(webDoc((d) => (d.id = 'did:web:dreamineering.co'))), reject('ERR_KEY_UNRESOLVED'));
  webVector('method-without-fragment', "Dreamineering's credential proved again by its key under the verificationMethod did:web:dreamineering.com, the DID without a fragment: that names the document, and is not listed under assertionMethod.", reprove(merchantCredential, P.merchant, 'did:web:dreamineering.com'), didContext(NOV), reject('ERR_PROOF_PURPOSE'));
  webVector('proof-purpose-a-list', 'Dreamineering\'s credential proved again by its key with proofPurpose ["assertionMethod"], a list, not a string: a purpose is one relation name.', reprove(merchantCredential, P.merchant, undefined, { proofPurpose: ['assertionMethod'] }), didContext(NOV), reject('ERR_PROOF_PURPOSE'));
  {
    const jwkDoc = (change) => webDoc((d) => {
      const vm = d.verificationMethod[0];
      delete vm.publicKeyMultibase;
      vm.type = 'JsonWebKey';
      vm.publicKeyJwk = { kty: 'OKP', crv: 'Ed25519', x: b64(P.merchant.pk) };
      change(vm.publicKeyJwk);
    });
    webVector('json-web-key-kty-ec', "Key-1 as a JsonWebKey with Dreamineering's x and crv Ed25519, but kty EC: an Ed25519 JWK is kty OKP.", merchantCredential, withDoc(jwkDoc((k) => (k.kty = 'EC'))), reject('ERR_KEY_MALFORMED'));
    webVector('json-web-key-x-not-a-string', "Key-1 as a JsonWebKey whose x is a number, not base64url text.", merchantCredential, withDoc(jwkDoc((k) => (k.x = 12345))), reject('ERR_KEY_MALFORMED'));
    webVector('json-web-key-with-private-member', "Key-1 as Dreamineering's JsonWebKey carrying its private member d (the example key's seed): a public key never has one.", merchantCredential, withDoc(jwkDoc((k) => (k.d = b64(P.merchant.seed)))), reject('ERR_KEY_MALFORMED'));
  }

  // compact (SPEC.md 6.4, 6.5): the signer's key is 64 lowercase hex digits, the signature 128.
  const signedBuyer = (change) => resign(mut(buyer, change), P.buyerKernel);
  compactVector('not-an-object', 'A signed document that is null, not an object: it has no signer key and no signature.', null, 'kernel_key', reject('ERR_SIG_MISSING'));
  compactVector('signer-key-63-hex-digits', 'A receipt, signed again by its kernel, whose kernel_key lost its last hex digit (63 digits).', signedBuyer((d) => (d.kernel_key = d.kernel_key.slice(0, 63))), 'kernel_key', reject('ERR_SIG_MALFORMED'));
  compactVector('signer-key-65-hex-digits', 'A receipt, signed again by its kernel, whose kernel_key has one hex digit more (65 digits).', signedBuyer((d) => (d.kernel_key = `${d.kernel_key}0`)), 'kernel_key', reject('ERR_SIG_MALFORMED'));
  compactVector('signer-key-upper-case', 'A receipt, signed again by its kernel, whose kernel_key is its key in upper-case hex.', signedBuyer((d) => (d.kernel_key = d.kernel_key.toUpperCase())), 'kernel_key', reject('ERR_SIG_MALFORMED'));
  compactVector('signer-key-not-a-string', 'A receipt, signed again by its kernel, whose kernel_key is a list holding its key: the member names no key.', signedBuyer((d) => (d.kernel_key = [d.kernel_key])), 'kernel_key', reject('ERR_SIG_MISSING'));
  compactVector('signature-127-hex-digits', 'A receipt whose signature lost its last hex digit.', { ...buyer, signature: buyer.signature.slice(0, 127) }, 'kernel_key', reject('ERR_SIG_MALFORMED'));
  compactVector('signature-129-hex-digits', 'A receipt whose signature has one hex digit more.', { ...buyer, signature: `${buyer.signature}0` }, 'kernel_key', reject('ERR_SIG_MALFORMED'));
  compactVector('signature-not-a-string', 'A receipt whose signature is a list holding the genuine signature.', { ...buyer, signature: [buyer.signature] }, 'kernel_key', reject('ERR_SIG_MISSING'));
  // Signed content (SPEC.md 3) inside lists: every item is read, at every depth.
  compactVector('unsafe-integer-first-in-a-list', 'A receipt, signed again by its kernel, holding the list [2^53 + 1, 1]: signed content holding an integer beyond 2^53 - 1, first in a list.', signedBuyer((d) => (d.call_counts = [9007199254740993, 1])), 'kernel_key', reject('ERR_JSON_UNSAFE_INTEGER'));
  compactVector('unsafe-integer-later-in-a-list', 'A receipt, signed again by its kernel, holding the list [1, 2, 2^53 + 1]: the unsafe integer after two safe ones.', signedBuyer((d) => (d.call_counts = [1, 2, 9007199254740993])), 'kernel_key', reject('ERR_JSON_UNSAFE_INTEGER'));
  compactVector('unsafe-integer-in-a-nested-list', 'A receipt, signed again by its kernel, holding [[1, [2, -(2^53 + 1)]]]: the unsafe integer two lists deep.', signedBuyer((d) => (d.call_counts = [[1, [2, -9007199254740993]]])), 'kernel_key', reject('ERR_JSON_UNSAFE_INTEGER'));
  compactVector('safe-integers-in-lists', 'A receipt, signed again by its kernel, holding [[2^53 - 1], -(2^53 - 1), 0.5]: the largest safe integers, and a fraction, are signed content.', signedBuyer((d) => (d.call_counts = [[9007199254740991], -9007199254740991, 0.5])), 'kernel_key', accept());
  {
    const text = JSON.stringify(signedBuyer((d) => (d.call_counts = [0, 1, 0]))).replace('"call_counts":[0,1,0]', '"call_counts":[0,1,-0]');
    vector('compact/negative-zero-later-in-a-list', '3', 'A receipt signed by its kernel over the list [0, 1, 0], whose text then writes the last 0 as -0: both texts have one canonical form, so the signature would verify over either; signed content holding -0, last in a list, is refused.', { document_text: text, signer: 'kernel_key' }, at(0), reject('ERR_JSON_NEGATIVE_ZERO'));
  }

  // hash (SPEC.md 6.3) of values that are not objects: the SHA-256 of their canonical form.
  for (const [name, t, canonical] of [
    ['string', '"writ"', '"writ"'],
    ['number', '1E2', '100'],
    ['null', ' null ', 'null'],
    ['boolean', 'true', 'true'],
    ['list-of-scalars', '[ "a", 1.50, false ]', '["a",1.5,false]'],
  ]) {
    vector(`hash/not-an-object/${name}`, '6.3', `The hash of ${t.trim()}, a JSON value that is not an object: SHA-256 of ${canonical}.`, { text: t }, at(0), accept({ output: sha256(utf8(canonical)) }));
  }
}

// Exactly the signed @context, one key form, an absolute DID URL, and the compact envelope's order
// (SPEC.md 6.4, 6.5): each rule with the side that passes and the side that does not.
{
  const keyPair = JSON.parse(readFileSync(join(VECTORS, 'eddsa-jcs-2022', 'keyPair.json'), 'utf8'));
  const seed = fromBase58(keyPair.privateKeyMultibase.slice(1)).slice(2);
  const { '@context': _c, ...options } = JSON.parse(readFileSync(join(VECTORS, 'eddsa-jcs-2022', 'proofConfigJCS.json'), 'utf8'));
  const unsigned = JSON.parse(readFileSync(join(VECTORS, 'eddsa-jcs-2022', 'unsigned.json'), 'utf8'));
  const ctx = unsigned['@context'];
  const canonical = (v) => canonicalize(v);
  const webVector = (name, description, document, context, expect) => proofVector(`did-web/${name}`, '6.5', description, document, context, expect);
  const withDoc = (doc) => at(NOV, { documents: [doc] });
  const webDoc = (change) => mut(merchantDid, change);
  const signedBuyer = (change) => resign(mut(buyer, change), P.buyerKernel);
  /** Proved as eddsa-jcs-2022 defines it, with exactly these proof options (no @context copied in). */
  const provedWith = (doc, proofOptions) => {
    const { proof: _p, ...body } = doc;
    const hashData = new Uint8Array([...sha256Bytes(utf8(canonical(proofOptions))), ...sha256Bytes(utf8(canonical(body)))]);
    return { ...body, proof: { ...proofOptions, proofValue: `z${toBase58(signEd25519(hashData, seed))}` } };
  };
  proofVector('w3c/context-not-in-the-proof', '6.4', "The W3C credential proved under proof options that carry no @context: the document's own @context is then signed as part of the document, and the proof verifies.", provedWith(unsigned, options), at(0), accept());
  proofVector('w3c/context-not-in-the-proof-then-appended', '6.4', "The same proof without an @context of its own, on the document whose @context gained a URL after signing: the document hash no longer matches.", mut(provedWith(unsigned, options), (d) => d['@context'].push('https://attacker.example/redefines-terms')), at(0), reject('ERR_PROOF_INVALID'));
  proofVector('w3c/context-list-of-one-for-a-string', '6.4', "A document proved with the @context [\"https://www.w3.org/ns/credentials/v2\"], a list of one, whose @context was then written as that one string: not exactly the signed copy.", mut(provedWith({ ...unsigned, '@context': [ctx[0]] }, { ...options, '@context': [ctx[0]] }), (d) => (d['@context'] = ctx[0])), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
  proofVector('w3c/context-string-for-a-list-of-one', '6.4', 'The other way round: proved with the @context as one string, then written as a list of one.', mut(provedWith({ ...unsigned, '@context': ctx[0] }, { ...options, '@context': ctx[0] }), (d) => (d['@context'] = [ctx[0]])), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
  {
    const { '@context': _dc, ...withoutContext } = unsigned;
    proofVector('w3c/context-empty-list-on-a-document-without-one', '6.4', 'A document without an @context, proved under proof options whose @context is the empty list: the document has no copy of it.', provedWith(withoutContext, { ...options, '@context': [] }), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
  }

  // One key form per method; an absolute DID URL.
  webVector('method-with-both-key-forms', "Key-1 declared with its Multikey and also a JsonWebKey of the same key: a method holding two key forms could name two keys, and names none.", merchantCredential, withDoc(webDoc((d) => (d.verificationMethod[0].publicKeyJwk = { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(P.merchant.hex, 'hex').toString('base64url') }))), reject('ERR_KEY_MALFORMED'));
  webVector('relative-verification-method', "Dreamineering's credential proved again by its key under the verificationMethod #key-1, a relative reference with no DID to resolve it against: not a DID URL.", reprove(merchantCredential, P.merchant, '#key-1'), didContext(NOV), reject('ERR_KEY_MALFORMED'));
  webVector('relative-verification-method-and-a-document-without-an-id', 'The same proof by #key-1, with a supplied DID document whose id is the empty string and which lists #key-1: a relative method is still no DID URL, whatever document is given.', reprove(merchantCredential, P.merchant, '#key-1'), withDoc(webDoc((d) => ((d.id = ''), (d.verificationMethod[0].id = '#key-1'), (d.assertionMethod = ['#key-1'])))), reject('ERR_KEY_MALFORMED'));

  // The compact envelope reads its key and signature (check 1) before the signed content.
  compactVector('signer-key-malformed-and-an-unsafe-integer', 'A receipt, signed again by its kernel, holding 2^53 + 1 and a kernel_key of 65 hex digits: the key is read first (SPEC.md 6.4), so it is malformed before its content is read.', signedBuyer((d) => ((d.kernel_key = `${d.kernel_key}0`), (d.timestamp = 9007199254740993))), 'kernel_key', reject('ERR_SIG_MALFORMED'));
  compactVector('signature-malformed-and-an-unsafe-integer', 'A receipt holding 2^53 + 1 whose signature has 127 hex digits: the signature is read before the signed content.', { ...buyer, timestamp: 9007199254740993, signature: buyer.signature.slice(0, 127) }, 'kernel_key', reject('ERR_SIG_MALFORMED'));
}

// encoding boundaries (mutation testing of src/encoding/)
// Each side of the boundaries of the strict reader (SPEC.md 3), the byte encodings (6.4, 6.5),
// exact decimals (6.1), RFC 3339 times (6.2) and bundle paths (2), stated here from SPEC.md.
{
  const bytesOf = (...parts) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
  const intakeRefused = (name, description, input, code) => vector(`jcs/encoding/${name}`, '3', description, input, at(0), reject(code));
  const intakeRead = (name, description, input, output) => vector(`jcs/encoding/${name}`, '3', description, input, at(0), accept({ output }));
  // A byte-order mark is EF BB BF exactly: other three-byte characters at the start are text.
  intakeRefused('starts-with-u-1eff', 'UTF-8 starting with E1 BB BF (U+1EFF), which is not a byte-order mark: a character where a value must be, so a syntax error, not an encoding error.', { bytes: b64(bytesOf([0xe1, 0xbb, 0xbf], '[]')) }, 'ERR_JSON_SYNTAX');
  intakeRefused('starts-with-u-ff3f', 'UTF-8 starting with EF BC BF (U+FF3F): not a byte-order mark, a syntax error.', { bytes: b64(bytesOf([0xef, 0xbc, 0xbf], '[]')) }, 'ERR_JSON_SYNTAX');
  intakeRefused('starts-with-u-fefe', 'UTF-8 starting with EF BB BE (U+FEFE): not a byte-order mark, a syntax error.', { bytes: b64(bytesOf([0xef, 0xbb, 0xbe], '[]')) }, 'ERR_JSON_SYNTAX');
  intakeRead('string-of-c2-bf', 'The string "¿" (bytes 22 C2 BF 22): its third byte is the last byte of a byte-order mark, and it is read.', { bytes: b64(bytesOf([0x22, 0xc2, 0xbf, 0x22])) }, '"¿"');
  intakeRefused('byte-order-mark-alone', 'The three bytes of a byte-order mark and nothing else.', { bytes: b64(bytesOf([0xef, 0xbb, 0xbf])) }, 'ERR_JSON_ENCODING');
  intakeRefused('byte-order-mark-in-text', 'A text starting with U+FEFF (read as its UTF-8 bytes).', { text: '\ufeff[]' }, 'ERR_JSON_ENCODING');
  intakeRefused('form-feed-is-not-whitespace', 'A form feed between items: not one of JSON\'s four whitespace characters.', { text: '[1,\f2]' }, 'ERR_JSON_SYNTAX');
  intakeRefused('no-break-space-is-not-whitespace', 'A no-break space (U+00A0) before a value.', { text: '[\u00a01]' }, 'ERR_JSON_SYNTAX');
  intakeRefused('raw-u-001f-in-string', 'A raw U+001F, the last control character, inside a string.', { text: '["a\u001fb"]' }, 'ERR_JSON_SYNTAX');
  intakeRefused('raw-u-0000-after-escape', 'A raw U+0000 inside a string, after an escape.', { text: '["\\n\u0000"]' }, 'ERR_JSON_SYNTAX');
  intakeRead('raw-space-and-del-in-string', 'U+0020 and U+007F raw inside a string are not control characters of JSON.', { text: '["a b\u007f"]' }, '["a b\u007f"]');
  intakeRefused('member-name-without-opening-quote', 'A member name missing its opening quote ({x":1}).', { text: '{x":1}' }, 'ERR_JSON_SYNTAX');
  intakeRefused('second-member-name-without-opening-quote', 'The second member name missing its opening quote.', { text: '{"a":1,x":2}' }, 'ERR_JSON_SYNTAX');
  intakeRefused('equals-for-colon', 'A member written with = in place of its colon.', { text: '{"a"=1}' }, 'ERR_JSON_SYNTAX');
  intakeRefused('object-closed-by-bracket', 'An object closed by ].', { text: '{"a":1]' }, 'ERR_JSON_SYNTAX');
  intakeRefused('array-closed-by-brace', 'An array closed by }.', { text: '[1}' }, 'ERR_JSON_SYNTAX');
  intakeRefused('unicode-escape-not-hex', 'A \\u escape of four characters that are not hexadecimal digits.', { text: '["\\u00zz"]' }, 'ERR_JSON_SYNTAX');
  intakeRefused('unicode-escape-hex-then-other', 'A \\u escape of three hexadecimal digits and a letter that is not one.', { text: '["\\u004g"]' }, 'ERR_JSON_SYNTAX');
  intakeRefused('unterminated-after-escape', 'A string that ends with the text, after an escape.', { text: '["\\u0041' }, 'ERR_JSON_SYNTAX');
  intakeRefused('unterminated-after-backslash', 'A text that ends on a backslash inside a string.', { text: '["a\\' }, 'ERR_JSON_SYNTAX');
  intakeRead('escapes-all', 'Every short escape and \\u escapes of upper- and lower-case hex, in one string.', { text: '["\\"\\\\\\/\\b\\f\\n\\r\\t\\u00C9\\u00e9"]' }, '["\\"\\\\/\\b\\f\\n\\r\\tÉé"]');
  intakeRefused('literal-misspelt', 'A literal that starts right and is not one (trUe).', { text: '[trUe]' }, 'ERR_JSON_SYNTAX');
  intakeRefused('literal-null-misspelt', 'nul1 is not null.', { text: '[nul1]' }, 'ERR_JSON_SYNTAX');
  intakeRefused('lone-surrogate-before-an-overflow', 'A lone surrogate, then a number that overflows: reading stops at the first, the surrogate.', { text: '["\\ud800",1e400]' }, 'ERR_JSON_LONE_SURROGATE');
  intakeRefused('escaped-low-surrogate-first', 'An escaped low surrogate before a high one (\\udc00\\ud800): two lone surrogates, not a pair.', { text: '["\\udc00\\ud800"]' }, 'ERR_JSON_LONE_SURROGATE');
  intakeRead('surrogate-pair-upper-case', 'An escaped surrogate pair in upper-case hex.', { text: '["\\uD83D\\uDE00"]' }, '["\ud83d\ude00"]');
  intakeRefused('arrays-too-deep-before-an-overflow', 'Arrays nested 65 deep around a number that overflows: the depth is refused where it is passed, before the number is read.', { text: `${'['.repeat(65)}1e400${']'.repeat(65)}` }, 'ERR_JSON_TOO_DEEP');
  intakeRefused('objects-too-deep-before-an-overflow', 'Objects nested 65 deep around a number that overflows.', { text: `${'{"a":'.repeat(65)}1e400${'}'.repeat(65)}` }, 'ERR_JSON_TOO_DEEP');
  intakeRefused('objects-too-deep', 'Objects nested 65 deep.', { text: `${'{"a":'.repeat(65)}1${'}'.repeat(65)}` }, 'ERR_JSON_TOO_DEEP');
  intakeRead('objects-deep-enough', 'Objects nested 64 deep are read.', { text: `${'{"a":'.repeat(64)}1${'}'.repeat(64)}` }, `${'{"a":'.repeat(64)}1${'}'.repeat(64)}`);
  intakeRefused('mixed-too-deep', 'Arrays and objects alternating, 65 deep.', { text: `${'[{"a":'.repeat(32)}[1]${'}]'.repeat(32)}` }, 'ERR_JSON_TOO_DEEP');
  intakeRead('mixed-deep-enough', 'Arrays and objects alternating, 64 deep.', { text: `${'[{"a":'.repeat(32)}1${'}]'.repeat(32)}` }, `${'[{"a":'.repeat(32)}1${'}]'.repeat(32)}`);
  for (const [name, item] of [['empty-objects', '{}'], ['empty-arrays', '[]'], ['objects', '{"a":1}'], ['arrays', '[1]'], ['empty-objects-with-space', '{ }'], ['empty-arrays-with-space', '[ ]']]) {
    const many = Array.from({ length: 70 }, () => item).join(',');
    intakeRead(`seventy-${name}`, `An array of 70 items ${item}: siblings do not add to the depth.`, { text: `[${many}]` }, `[${Array.from({ length: 70 }, () => item.replace(' ', '')).join(',')}]`);
  }
  intakeRefused('duplicate-escaped-first', 'A member name written with an escape first (\\u0061), then plainly.', { text: '{"\\u0061":1,"a":2}' }, 'ERR_JSON_DUPLICATE_KEY');
  intakeRefused('duplicate-proto', 'Two members named __proto__.', { text: '{"__proto__":1,"__proto__":2}' }, 'ERR_JSON_DUPLICATE_KEY');
  intakeRead('same-name-in-two-objects', 'One member name in two sibling objects is no duplicate.', { text: '[{"a":1},{"a":2}]' }, '[{"a":1},{"a":2}]');
  intakeRefused('minus-before-letter', 'A minus sign before a letter.', { text: '[-a]' }, 'ERR_JSON_SYNTAX');
  intakeRefused('number-as-member-value-overflows', 'A member value that overflows.', { text: '{"a":-1e400}' }, 'ERR_JSON_NUMBER_RANGE');
  intakeRefused('underflow-with-negative-mantissa', 'A negative number that underflows to -0.', { text: '[-2e-400]' }, 'ERR_JSON_NUMBER_RANGE');
  intakeRead('zero-with-a-small-exponent', 'The integer zero with a large negative exponent is zero.', { text: '[0e-400,-0E+400]' }, '[0,0]');
  intakeRead('exponent-signs', 'Exponents with and without a sign, in either case.', { text: '[1E+2,1e-2,1E2]' }, '[100,0.01,100]');
  intakeRead('number-as-member-value', 'A number as a member value, then whitespace.', { text: '{"a":-12.5e0 }' }, '{"a":-12.5}');

  // Bundle files are read with the number form of signed content (SPEC.md 3).
  const rootText = text(root);
  const rootWith = (replacement) => rootText.replace('"delegation_depth": 0', `"delegation_depth": ${replacement}`);
  const bundleOf = (name, description, files_, expect) => vector(`bundle/encoding/${name}`, '3', description, { files: files_ }, at(AT), expect);
  const rawBundle = (texts, extra = {}) => {
    const f = Object.fromEntries(Object.entries(texts).map(([p, t]) => [p, { base64: b64(utf8(t)) }]));
    const artifacts = Object.fromEntries(Object.entries(f).map(([p, { base64 }]) => [p, sha256(Buffer.from(base64, 'base64url'))]));
    return { ...f, ...Object.fromEntries(Object.entries(extra).map(([p, t]) => [p, { base64: b64(utf8(t)) }])), 'bundle-manifest.json': { base64: b64(utf8(text({ bundle_id: 'conformance-bundle', artifacts }))) } };
  };
  bundleOf('root-capability', 'A bundle of the root capability alone: it verifies.', rawBundle({ 'capabilities/root.json': rootText }), accept());
  bundleOf('negative-zero-in-a-file', 'The root capability whose delegation_depth is written -0, manifest hash updated: -0 is signed content\'s negative zero, not a number form.', rawBundle({ 'capabilities/root.json': rootWith('-0') }), rejectAll('ERR_JSON_NEGATIVE_ZERO'));
  bundleOf('negative-zero-with-a-fraction-in-a-file', 'The root capability whose delegation_depth is written -0.0: not the RFC 8785 form of its value.', rawBundle({ 'capabilities/root.json': rootWith('-0.0') }), rejectAll('ERR_JSON_NUMBER_FORM'));
  bundleOf('zero-with-an-exponent-in-a-file', 'The root capability whose delegation_depth is written 0e0.', rawBundle({ 'capabilities/root.json': rootWith('0e0') }), rejectAll('ERR_JSON_NUMBER_FORM'));

  // Bundle paths (SPEC.md 2): a file the manifest does not list is unrecognised when its path is
  // safe, and unsafe otherwise.
  const pathCase = (name, path, safe, why) =>
    bundleOf(`path/${name}`, `The root capability's bundle holds an unlisted file at ${JSON.stringify(path)}: ${why}.`, rawBundle({ 'capabilities/root.json': rootText }, { [path]: '{}\n' }), rejectAll(safe ? 'ERR_BUNDLE_UNRECOGNISED' : 'ERR_BUNDLE_PATH_UNSAFE'));
  const seg = (n) => `a${'b'.repeat(n - 6)}.json`;
  for (const [name, path, safe, why] of [
    ['safe', 'notes/extra.json', true, 'a safe path, so only an unlisted file'],
    ['backslash', 'notes\\extra.json', false, 'a backslash'],
    ['nul-character', 'notes/ex\u0000tra.json', false, 'a NUL character'],
    ['control', 'notes/ex\u0001tra.json', false, 'the control character U+0001'],
    ['unit-separator', 'notes/ex\u001ftra.json', false, 'the control character U+001F'],
    ['pipe', 'notes/a|b.json', false, 'a | character'],
    ['less-than', 'a<b.json', false, 'a < character'],
    ['question-mark', 'a?.json', false, 'a ? character'],
    ['star', 'a*.json', false, 'a * character'],
    ['colon', 'a:b.json', false, 'a : character'],
    ['drive-letter', 'C:/extra.json', false, 'a drive letter'],
    ['absolute', '/extra.json', false, 'an absolute path'],
    ['empty-segment', 'notes//extra.json', false, 'an empty segment'],
    ['trailing-slash', 'notes/', false, 'an empty last segment'],
    ['dot-segment', 'notes/./extra.json', false, 'a . segment'],
    ['dot-dot-segment', 'notes/../extra.json', false, 'a .. segment'],
    ['leading-dot', '.well-known/extra.json', true, 'a segment that starts with a dot is a name like any other'],
    ['leading-space', 'notes/ extra.json', true, 'a segment that starts with a space is a name Windows keeps'],
    ['trailing-dot', 'notes/extra.', false, 'a segment ending with a dot'],
    ['trailing-space', 'notes/extra ', false, 'a segment ending with a space'],
    ['trailing-dot-folder', 'notes./extra.json', false, 'a folder ending with a dot'],
    ['device-con', 'CON', false, 'the device name CON, without an extension'],
    ['device-aux-lower', 'notes/aux', false, 'the device name aux in lower case'],
    ['device-nul-json', 'notes/nul.json', false, 'the device name nul before an extension'],
    ['device-nul-space-dot', 'NUL .txt', false, 'the device name NUL, spaces and an extension'],
    ['device-nul-two-spaces', 'nul  .tar.gz', false, 'the device name nul, two spaces and an extension'],
    ['device-com1', 'com1.json', false, 'the device name com1'],
    ['device-com9', 'COM9', false, 'the device name COM9'],
    ['device-com0', 'com0.log', false, 'the device name com0'],
    ['device-lpt1', 'LPT1.txt', false, 'the device name LPT1'],
    ['device-com-superscript', 'COM\u00b9', false, 'the device name COM¹'],
    ['device-lpt-superscript', 'lpt\u00b3.json', false, 'the device name lpt³'],
    ['device-conin', 'CONIN$', false, 'the device name CONIN$'],
    ['near-device-falcon', 'falcon.json', true, 'falcon ends with con but is not a device name'],
    ['near-device-comx', 'comx.json', true, 'comx is not a device name'],
    ['near-device-lptx', 'lptx.json', true, 'lptx is not a device name'],
    ['near-device-com10', 'com10', true, 'com10 is not a device name'],
    ['near-device-a-space-nul', 'a nul.txt', true, '"a nul" is not a device name'],
    ['near-device-spaces', '   .txt', true, 'a name of spaces before its extension is no device name'],
    ['near-device-console', 'console', true, 'console, without a dot, is not a device name'],
    ['segment-255', `notes/${seg(255)}`, true, 'a segment of 255 characters, the most allowed'],
    ['segment-256', `notes/${seg(256)}`, false, 'a segment of 256 characters'],
  ]) pathCase(name, path, safe, why);
}
{
  // Times (SPEC.md 6.2), through a proof's expires: each is read, or refused, as RFC 3339 says.
  const expiring = (expires) => reprove(agentCredential, P.merchant, undefined, { expires });
  const utc = (y, mo, d, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
  const expiry = (name, description, expires, now, expect) => proofVector(`encoding/expires/${name}`, '6.2', description, expiring(expires), didContext(now), expect);
  for (const [name, expires, valid] of [
    ['leap-day-2024', '2024-02-29T00:00:00Z', true],
    ['leap-day-2000', '2000-02-29T00:00:00Z', true],
    ['no-leap-day-2023', '2023-02-29T00:00:00Z', false],
    ['no-leap-day-2100', '2100-02-29T00:00:00Z', false],
    ['no-leap-day-1900', '1900-02-29T00:00:00Z', false],
    ['april-30', '2023-04-30T00:00:00Z', true],
    ['april-31', '2023-04-31T00:00:00Z', false],
    ['december-31', '2023-12-31T00:00:00Z', true],
    ['january-32', '2023-01-32T00:00:00Z', false],
    ['month-00', '2023-00-10T00:00:00Z', false],
    ['month-13', '2023-13-10T00:00:00Z', false],
    ['day-00', '2023-01-00T00:00:00Z', false],
    ['hour-23', '2023-01-01T23:00:00Z', true],
    ['hour-24', '2023-01-01T24:00:00Z', false],
    ['minute-59', '2023-01-01T00:59:00Z', true],
    ['minute-60', '2023-01-01T00:60:00Z', false],
    ['second-61', '2016-12-31T23:59:61Z', false],
    ['offset-plus-23-59', '2023-01-02T00:00:00+23:59', true],
    ['offset-plus-23-00', '2023-01-02T00:00:00+23:00', true],
    ['offset-plus-24-00', '2023-01-02T00:00:00+24:00', false],
    ['offset-minus-00-59', '2023-01-01T00:00:00-00:59', true],
    ['offset-minus-00-60', '2023-01-01T00:00:00-00:60', false],
    ['lower-case-t-and-z', '2023-01-01t00:00:00z', true],
    ['five-digit-year', '12023-01-01T00:00:00Z', false],
    ['sign-before-year', '+2023-01-01T00:00:00Z', false],
    ['text-after-zone', '2023-01-01T00:00:00Zjunk', false],
    ['space-for-t', '2023-01-01 00:00:00Z', false],
    ['fraction-without-digits', '2023-01-01T00:00:00.Z', false],
    ['long-fraction', '2023-01-01T00:00:00.000000000001Z', true],
  ]) {
    expiry(name, `A proof that expires at ${expires}, checked in 2026: ${valid ? 'a time that exists, so the proof has expired' : 'not a time RFC 3339 writes, or one that does not exist, so refused'}.`, expires, T0, reject(valid ? 'ERR_PROOF_EXPIRED' : 'ERR_TIME_INVALID'));
  }
  // The range of writ's clock (SPEC.md 6.2): an RFC 3339 time reads only from 1970-01-01T00:00:00Z
  // to 9999-12-31T23:59:59.999...Z, after its offset.
  for (const [name, expires, inRange, why] of [
    ['first-second-of-1970', '1970-01-01T00:00:00Z', true, 'the first second of writ\'s clock'],
    ['last-second-of-1969', '1969-12-31T23:59:59Z', false, 'one second before writ\'s clock begins'],
    ['offset-at-1970', '1970-01-01T01:00:00+01:00', true, '1970-01-01T00:00:00Z after its offset'],
    ['offset-before-1970', '1970-01-01T00:59:59+01:00', false, '1969-12-31T23:59:59Z after its offset, though its text reads 1970'],
    ['offset-past-9999', '9999-12-31T23:59:59-00:01', false, '10000-01-01T00:00:59Z after its offset, past writ\'s clock'],
    ['leap-second-past-9999', '9999-12-31T23:59:60Z', false, 'a leap second read as 10000-01-01T00:00:00Z, past writ\'s clock'],
  ]) {
    expiry(`range/${name}`, `A proof that expires at ${expires}, ${why}, checked in 2026: ${inRange ? 'it reads, so the proof has expired' : 'no time writ reads, so refused'}.`, expires, T0, reject(inRange ? 'ERR_PROOF_EXPIRED' : 'ERR_TIME_INVALID'));
  }
  expiry('range/fraction-of-the-last-second/at', 'A proof that expires at 9999-12-31T23:59:59.999Z, checked at 253402300799, the last Unix second: that second\'s fraction is still to come, so not yet expired.', '9999-12-31T23:59:59.999Z', utc(9999, 12, 31, 23, 59, 59), accept());
  proofVector('encoding/expires/a-number', '6.2', 'A proof whose expires is the number 1767225600, not an RFC 3339 string: refused.', expiring(1767225600), didContext(T0), reject('ERR_TIME_INVALID'));
  // The instant of each: expired at it, not one second before.
  for (const [name, expires, instant] of [
    ['mid-february', '2023-02-15T12:00:00Z', utc(2023, 2, 15, 12)],
    ['end-of-january', '2023-01-31T12:00:00Z', utc(2023, 1, 31, 12)],
    ['first-of-march', '2023-03-01T00:00:00Z', utc(2023, 3, 1)],
    ['leap-day-2024', '2024-02-29T12:00:00Z', utc(2024, 2, 29, 12)],
    ['march-2100', '2100-03-01T00:00:00Z', utc(2100, 3, 1)],
    ['march-2200', '2200-03-15T00:00:00Z', utc(2200, 3, 15)],
    ['december-2099', '2099-12-31T00:00:00Z', utc(2099, 12, 31)],
    ['year-9999', '9999-12-31T23:59:59Z', utc(9999, 12, 31, 23, 59, 59)],
    ['offset-plus-05-30', '2017-01-01T05:30:00+05:30', utc(2017, 1, 1)],
    ['offset-minus-05-30', '2016-12-31T18:30:00-05:30', utc(2017, 1, 1)],
    ['offset-minus-09-45', '2023-06-01T02:15:00-09:45', utc(2023, 6, 1, 12)],
    ['leap-second-at-minus-05-30', '2016-12-31T18:29:60-05:30', utc(2017, 1, 1)],
    ['leap-second-at-plus-01-00', '2017-01-01T00:59:60+01:00', utc(2017, 1, 1)],
  ]) {
    expiry(`${name}/at`, `A proof that expires at ${expires}, checked at that instant (Unix ${instant}): expired.`, expires, instant, reject('ERR_PROOF_EXPIRED'));
    expiry(`${name}/before`, `A proof that expires at ${expires}, checked one second before it (Unix ${instant - 1}): not yet expired.`, expires, instant - 1, accept());
  }
  expiry('leap-second-not-at-midnight-utc', 'A proof that expires at 2016-12-31T23:59:60+01:00, which is 22:59:60 UTC: no leap second there, refused.', '2016-12-31T23:59:60+01:00', T0, reject('ERR_TIME_INVALID'));
  // Two times compared (a credential's validity, SPEC.md 5.3): fractions digit by digit.
  const validity = (name, description, validFrom, validUntil, expect) =>
    vector(`schema/encoding/validity/${name}`, '6.2', description, { schema: 'identity/agent-credential', document: { ...agentCredential, validFrom, validUntil } }, at(0), expect);
  validity('fraction-with-a-leading-zero', 'validFrom 2026-11-01T00:00:00.05Z, validUntil 2026-11-01T00:00:00.1Z: 0.05 is before 0.1.', '2026-11-01T00:00:00.05Z', '2026-11-01T00:00:00.1Z', accept());
  validity('fraction-later', 'validFrom 2026-11-01T00:00:00.2Z, validUntil 2026-11-01T00:00:00.1Z: not after.', '2026-11-01T00:00:00.2Z', '2026-11-01T00:00:00.1Z', reject('ERR_RULE_TIME_ORDER'));
  validity('fraction-equal-with-trailing-zeros', 'validFrom 2026-11-01T00:00:00.100Z, validUntil 2026-11-01T00:00:00.1Z: the same instant, so not after.', '2026-11-01T00:00:00.100Z', '2026-11-01T00:00:00.1Z', reject('ERR_RULE_TIME_ORDER'));
  validity('february-before-march', 'validFrom 2027-02-28T00:00:00Z, validUntil 2027-03-01T00:00:00Z.', '2027-02-28T00:00:00Z', '2027-03-01T00:00:00Z', accept());
  validity('january-after-february', 'validFrom 2027-02-01T00:00:00Z, validUntil 2027-01-31T00:00:00Z: before it.', '2027-02-01T00:00:00Z', '2027-01-31T00:00:00Z', reject('ERR_RULE_TIME_ORDER'));
}
{
  // Byte encodings (SPEC.md 6.4, 6.5).
  const proofValued = (name, description, proofValue, expect) => proofVector(`encoding/proof-value/${name}`, '6.4', description, mut(agentCredential, (d) => (d.proof.proofValue = proofValue)), didContext(NOV), expect);
  const sig = agentCredential.proof.proofValue.slice(1);
  proofValued('leading-one', 'The proofValue with a 1 before its base58btc: a zero byte, so 65 bytes, not a signature.', `z1${sig}`, reject('ERR_PROOF_MALFORMED'));
  proofValued('two-leading-ones', 'The proofValue with 11 before its base58btc: 66 bytes.', `z11${sig}`, reject('ERR_PROOF_MALFORMED'));
  proofValued('not-in-the-alphabet', 'The proofValue with a 0, which base58btc does not have, in place of its last character.', `z${sig.slice(0, -1)}0`, reject('ERR_PROOF_MALFORMED'));
  proofValued('l-not-in-the-alphabet', 'The proofValue with an l (not in base58btc) at its start.', `zl${sig.slice(1)}`, reject('ERR_PROOF_MALFORMED'));
  // A signature whose first byte is zero is written with a leading 1.
  let zeroLed;
  for (let i = 0; zeroLed === undefined; i++) {
    const d = reprove(agentCredential, P.merchant, undefined, { created: `2026-11-01T00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`, ...(i >= 3600 ? { nonce: String(i) } : {}) });
    if (fromBase58(d.proof.proofValue.slice(1))[0] === 0) zeroLed = d;
  }
  proofVector('encoding/proof-value/signature-with-a-zero-first-byte', '6.4', `The agent credential proved again until its signature's first byte is 0: base58btc writes it with a leading 1 (${zeroLed.proof.proofValue.slice(0, 6)}...), and it verifies.`, zeroLed, didContext(NOV), accept());
  proofVector('encoding/proof-value/signature-with-a-zero-first-byte-dropped', '6.4', 'The same proof with its leading 1 dropped: 63 bytes.', mut(zeroLed, (d) => (d.proof.proofValue = `z${d.proof.proofValue.slice(2)}`)), didContext(NOV), reject('ERR_PROOF_MALFORMED'));
  // JWK x (base64url without padding, one spelling).
  const x = Buffer.from(P.merchant.hex, 'hex').toString('base64url');
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const nonCanonical = `${x.slice(0, -1)}${B64[B64.indexOf(x.at(-1)) | 1]}`;
  const jwkDoc = (xValue) => mut(merchantDid, (d) => {
    delete d.verificationMethod[0].publicKeyMultibase;
    d.verificationMethod[0].type = 'JsonWebKey';
    d.verificationMethod[0].publicKeyJwk = { kty: 'OKP', crv: 'Ed25519', x: xValue };
  });
  const jwkVector = (name, description, xValue, expect) => proofVector(`encoding/jwk-x/${name}`, '6.5', description, merchantCredential, at(NOV, { documents: [jwkDoc(xValue)] }), expect);
  jwkVector('canonical', "Dreamineering's key as a JsonWebKey, x its base64url: the credential verifies.", x, accept());
  jwkVector('trailing-bits-set', `The same x with its last character ${x.at(-1)} written ${nonCanonical.at(-1)}: the unused bits are set, a second spelling of the same key, refused.`, nonCanonical, reject('ERR_KEY_MALFORMED'));
  jwkVector('padded', 'The same x with = padding.', `${x}=`, reject('ERR_KEY_MALFORMED'));
  jwkVector('standard-alphabet-padded', 'x written in standard base64, with its = padding.', Buffer.from(P.merchant.hex, 'hex').toString('base64'), reject('ERR_KEY_MALFORMED'));
  jwkVector('one-character-over', 'x with one more character (44 characters, length 1 modulo 4 beyond a whole group).', `${x}A`, reject('ERR_KEY_MALFORMED'));
  // Hex (the signature profile): lowercase, two digits a byte.
  vector('signature/encoding/public-key-odd-length', '6.4', 'A valid signature with its public key given as 65 hex digits (the key and a 0).', { public_key: `${toHex(sigPk)}0`, signature: toHex(goodSig), message: toHex(sigMsg) }, at(0), reject('ERR_SIG_MALFORMED'));
  vector('signature/encoding/signature-odd-length', '6.4', 'A valid signature given as 129 hex digits (the signature and a 0).', { public_key: toHex(sigPk), signature: `${toHex(goodSig)}0`, message: toHex(sigMsg) }, at(0), reject('ERR_SIG_MALFORMED'));
  vector('signature/encoding/message-odd-length', '6.4', 'A valid signature over a message given with one more hex digit.', { public_key: toHex(sigPk), signature: toHex(goodSig), message: `${toHex(sigMsg)}0` }, at(0), reject('ERR_SIG_MALFORMED'));
  vector('signature/encoding/public-key-upper-case', '6.4', 'A valid signature with its public key in upper-case hex.', { public_key: toHex(sigPk).toUpperCase(), signature: toHex(goodSig), message: toHex(sigMsg) }, at(0), reject('ERR_SIG_MALFORMED'));
}
{
  // Exact decimals (SPEC.md 6.1) in an order's breakdown (5.3).
  const order = (name, description, change, expect) => vector(`schema/encoding/breakdown/${name}`, '6.1', description, { schema: 'commercial/checkout.request', document: mut(seedCheckout, change) }, at(0), expect);
  const m = (amount) => ({ amount, currency: 'USDC', decimals: 2 });
  order('discount', 'Subtotal 49.99 less a discount of 10.00 is the total 39.99.', (d) => ((d.amount_breakdown.discount = m('10.00')), (d.amount_breakdown.total = m('39.99'))), accept());
  order('discount-not-taken', 'Subtotal 49.99, a discount of 10.00 and a total of 49.99: the discount is not subtracted.', (d) => (d.amount_breakdown.discount = m('10.00')), reject('ERR_RULE_ARITHMETIC'));
  order('discount-added', 'Subtotal 49.99, a discount of 10.00 and a total of 59.99: the discount added, not subtracted.', (d) => ((d.amount_breakdown.discount = m('10.00')), (d.amount_breakdown.total = m('59.99'))), reject('ERR_RULE_ARITHMETIC'));
  order('total-with-fewer-digits', 'Items of 2 × 24.95 make the subtotal 49.90, and a total written 49.9 is the same amount.', (d) => ((d.items[0].quantity = 2), (d.items[0].unit_price = m('24.95')), (d.amount_breakdown.subtotal = m('49.90')), (d.amount_breakdown.total = m('49.9'))), accept());
  order('subtotal-with-fewer-digits', 'One item of 49.90 and a subtotal written 49.9.', (d) => ((d.items[0].unit_price = m('49.90')), (d.amount_breakdown.subtotal = m('49.9')), (d.amount_breakdown.total = m('49.90'))), accept());
  order('tax-with-fewer-digits', 'Subtotal 49.90 and tax 5.1 make the total 55.00.', (d) => ((d.items[0].unit_price = m('49.90')), (d.amount_breakdown.subtotal = m('49.90')), (d.amount_breakdown.tax = m('5.1')), (d.amount_breakdown.total = m('55.00'))), accept());
  order('tax-with-fewer-digits-wrong', 'Subtotal 49.90 and tax 5.1 with a total of 54.91.', (d) => ((d.items[0].unit_price = m('49.90')), (d.amount_breakdown.subtotal = m('49.90')), (d.amount_breakdown.tax = m('5.1')), (d.amount_breakdown.total = m('54.91'))), reject('ERR_RULE_ARITHMETIC'));
  // What earlier payments paid (SPEC.md 13.2 `spent`): a decimal, or a malformed context.
  for (const [name, value] of [['not-a-decimal', 'five'], ['text-before', 'x1.00'], ['text-after', '1.00x'], ['empty', ''], ['trailing-dot', '1.']]) {
    mandate(`encoding/spent-${name}`, `Earlier payments given as ${JSON.stringify(value)}, not a decimal: a malformed context.`, chainOf(intentMandate, cart, payment), { currency: 'USD', value }, reject('ERR_USAGE_INVALID_ARGUMENT'));
  }
  mandate('encoding/spent-negative', 'Earlier payments given as -0.01: what was paid is never less than nothing, so the ledger is a malformed context (a negative one would lift the cap).', chainOf(intentMandate, cart, payment), { currency: 'USD', value: '-0.01' }, reject('ERR_USAGE_INVALID_ARGUMENT'));
  mandate('encoding/spent-zero', 'Earlier payments of 0.00: nothing paid yet, and the payment of 5.00 is within the 20.00 cap.', chainOf(intentMandate, cart, payment), { currency: 'USD', value: '0.00' }, accept());
  mandate('encoding/spent-fewer-digits', 'Earlier payments of 15 (no fraction digits) and a payment of 5.00 reach the 20.00 cap exactly.', chainOf(intentMandate, cart, payment), { currency: 'USD', value: '15' }, accept());
  mandate('encoding/spent-more-digits', 'Earlier payments of 15.000001 and a payment of 5.00 pass the 20.00 cap by a millionth.', chainOf(intentMandate, cart, payment), { currency: 'USD', value: '15.000001' }, reject('ERR_MANDATE_OVER_CAP'));
  // Detection reads members through pointers (SPEC.md 4.2): a null where a rule looks inside is no member.
  vector('schema/encoding/detect-through-null', '4.2', 'A document whose contents, task and execution are null: the rules that look inside them find nothing, and no type is guessed.', { document: { contents: null, task: null, execution: null } }, at(0), reject('ERR_SCHEMA_UNDETECTED'));
}

// Mutation boundaries, RFC 3339 times (SPEC.md 6.2): src/encoding/time.ts.
// (block: time)
{
  // A fraction of zeros only is no fraction (SPEC.md 6.2: the fraction is compared digit by
  // digit, so ...:00.0Z is the instant ...:00Z): a proof expiring at it has expired at that
  // whole second, and not one second before.
  const zeroExpiring = (expires) => reprove(agentCredential, P.merchant, undefined, { expires });
  const zeroInstant = Date.UTC(2023, 1, 15, 12, 0, 0) / 1000;
  for (const [name, expires] of [
    ['fraction-0', '2023-02-15T12:00:00.0Z'],
    ['fraction-000', '2023-02-15T12:00:00.000Z'],
  ]) {
    proofVector(`encoding/expires/${name}/at`, '6.2', `A proof that expires at ${expires}, a fraction of zeros only, so the instant 2023-02-15T12:00:00Z; checked at that instant (Unix ${zeroInstant}): expired.`, zeroExpiring(expires), didContext(zeroInstant), reject('ERR_PROOF_EXPIRED'));
    proofVector(`encoding/expires/${name}/before`, '6.2', `A proof that expires at ${expires}, checked one second before it (Unix ${zeroInstant - 1}): not yet expired.`, zeroExpiring(expires), didContext(zeroInstant - 1), accept());
  }
}
// (end of block: time)


// Mutation boundaries, the strict reader and byte encodings (SPEC.md 3, 6.4, 6.5): src/encoding/json.ts, src/encoding/bytes.ts.
// (block: json)
{
  const refused = (name, description, input, code) => vector(`jcs/encoding/${name}`, '3', description, input, at(0), reject(code));
  const read = (name, description, input, output) => vector(`jcs/encoding/${name}`, '3', description, input, at(0), accept({ output }));
  // A string made only of control characters is refused as one with other characters around them
  // (RFC 8259 7: every character below U+0020 must be escaped); U+0020 itself is an ordinary character.
  refused('string-of-a-raw-tab-only', 'A string whose only character is a raw tab (U+0009): a control character must be escaped, so a syntax error.', { text: '["\t"]' }, 'ERR_JSON_SYNTAX');
  refused('string-of-a-raw-u-001f-only', 'A string whose only character is a raw U+001F, the last control character: a syntax error.', { text: '["\u001f"]' }, 'ERR_JSON_SYNTAX');
  read('string-of-a-space-only', 'A string whose only character is a space (U+0020), the first character that is not a control: read, and written as itself.', { text: '[" "]' }, '[" "]');
  // The same boundary in a string that also holds an escape.
  read('space-in-a-string-with-an-escape', 'A string holding a raw space and an escaped line feed ("a b\\n"): a space is no control character, so it is read; RFC 8785 writes the line feed as \\n.', { text: '["a b\\n"]' }, '["a b\\n"]');
  refused('raw-u-001f-in-a-string-with-an-escape', 'A string holding an escaped line feed and then a raw U+001F: the control character is refused, escape or not.', { text: '["\\n\u001f"]' }, 'ERR_JSON_SYNTAX');
}
// (end of block: json)


// Mutation boundaries, bundle paths and JSON Pointers (SPEC.md 2, 4.2, 12.8): src/encoding/file-path.ts, src/encoding/pointer.ts.
// (block: paths)
{
  // Issue paths escape a member name (SPEC.md 2: ~ is written ~0 and / is written ~1), and a
  // fixture's sidecar must give the path of its one issue exactly (9).
  const oddMember = 'x/y~z';
  const withOddMember = text({ ...JSON.parse(validRoot), [oddMember]: 1 });
  const oddSidecar = (path) => text({ $schema: `https://writ.dev/schemas/${LINE}/release/fixture-expectation.schema.json`, instancePath: '', keyword: 'additionalProperties', path, code: 'ERR_SCHEMA_ADDITIONAL_PROPERTY' });
  const oddFixture = (name, description, path, expect) =>
    vector(`release/fixtures/encoding/${name}`, '2', description, fixtureFiles({ 'capability/token/invalid/token.odd-member.json': withOddMember, 'capability/token/invalid/token.odd-member.expect.json': oddSidecar(path) }), at(0), expect);
  oddFixture('member-name-escaped', 'An invalid capability token whose one fault is an unknown member named x/y~z, its sidecar giving the path /x~1y~0z: the member name escaped as RFC 6901 writes it, so the fixture behaves as recorded.', '/x~1y~0z', accept());
  oddFixture('member-name-slash-not-escaped', 'The same fixture with its sidecar giving the path /x/y~0z: that pointer names member y~z inside member x, not the unknown member, so the fixture fails for another reason than recorded.', '/x/y~0z', rejectAll('ERR_FIXTURE_WRONG_REASON'));
  oddFixture('member-name-tilde-as-slash', 'The same fixture with its sidecar giving the path /x~1y~1z: ~1 is a slash, so that pointer names the member x/y/z, not x/y~z, and the fixture fails for another reason than recorded.', '/x~1y~1z', rejectAll('ERR_FIXTURE_WRONG_REASON'));
}
// (end of block: paths)


// Mutation boundaries, exact decimals and currencies (SPEC.md 6.1) and the model layer's intake (SPEC.md 3, 5): src/encoding/decimal.ts, src/encoding/currency.ts, src/model/.
// (block: money)
{
  // What earlier payments paid (SPEC.md 12.6 step 7): in a bundle, the payment mandates under the
  // same intent mandate with an earlier timestamp. Two carts under the 20.00 USD intent mandate,
  // each paid by its own payment mandate, the first at 10:06, the second at 10:07; each total is
  // stated here in decimal, and the second payment, with the first, reaches the cap or passes it.
  const cartOf = (n, total) =>
    byMerchant(
      mut(cart, (d) => {
        d.contents.id = `cart-spent-${n}`;
        d.contents.payment_request.details.id = `pr-spent-${n}`;
        d.contents.payment_request.details.total.amount.value = total;
        d.contents.payment_request.details.display_items[0].amount.value = total;
      }),
    );
  const paymentOf = (n, c, time) =>
    payFor(c, intentMandate, (d) => {
      d.payment_mandate_contents.payment_mandate_id = `pm-spent-${n}`;
      d.payment_mandate_contents.payment_details_id = c.contents.payment_request.details.id;
      d.payment_mandate_contents.payment_details_total.amount.value = c.contents.payment_request.details.total.amount.value;
      d.payment_mandate_contents.timestamp = time;
    });
  const twoPayments = (first, second) => {
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
  const spentVector = (name, description, first, second, expect) => vector(`bundle/encoding/spent/${name}`, '12.6', description, { files: twoPayments(first, second) }, didContext(NOV), expect);
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

  // A document a verifier reads is held to its schema first (SPEC.md 5): a receipt or an intent
  // without a required member is refused with the schema's code.
  const executorReceipt = fixture('receipt/tool-call', 'executor.incident-network');
  vector('receipt/encoding/without-kernel-key', '12.4', 'A tool-call receipt without its kernel_key, a required member: not a valid receipt, so the first issue is the missing member.', { receipt: mut(executorReceipt, (d) => delete d.kernel_key) }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
  vector('intent/encoding/without-intent-hash', '12.3', 'A governed intent without its intent_hash, a required member: not a valid intent, so the first issue is the missing member.', { intent: mut(intent, (d) => delete d.intent_hash) }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
}
{
  // Minor units (SPEC.md 6.1) in a replayed transaction (12.9): the seven-station documents with
  // their amounts changed, every link made to follow, each changed document signed again by its
  // party, and the bundle sealed again by the recorder, as in the replay links above.
  const { original, manifest, policy, sealed } = seven;
  const transaction = (changes) => seven.transaction(changes);
  // A seal bounded in time (SPEC.md 12.8 step 2, 6.2): the manifest proved by the recorder with
  // an expires, the bundle checked at 10:08 under a policy that names the recorder as sealer.
  const sealedUntil = (expires) => {
    const f = bundle(original, (m) => ((m.bundle_id = manifest.bundle_id), (m.created_at = manifest.created_at), (m.transaction = manifest.transaction)));
    const m = JSON.parse(Buffer.from(f['bundle-manifest.json'].base64, 'base64url').toString('utf8'));
    return { ...f, 'bundle-manifest.json': { base64: b64(utf8(text(reprove({ ...m, proof: { ...manifest.proof, expires } }, P.recorder)))) } };
  };
  vector('bundle/seal/expires-after-now', '12.8', 'The seven-station bundle sealed by the recorder with a proof that expires at 10:09, checked at 10:08 by a policy that names the recorder: the seal still holds, and the bundle verifies.', { files: sealedUntil('2026-11-01T10:09:00Z') }, at(NOV, policy), accept());
  vector('bundle/seal/expires-at-now', '12.8', 'The same bundle sealed with a proof that expires at 10:08, the time of verification: the seal has expired, so the hashes it records cannot be trusted.', { files: sealedUntil('2026-11-01T10:08:00Z') }, at(NOV, policy), rejectAll('ERR_PROOF_EXPIRED'));
  const money = (name, description, d, failures, kind) => replay(`encoding/currency/${name}`, description, sealed(d, kind), NOV, failures, policy);
  /** The mandates' amounts: the cap, the cart's total and item, the payment's total, in one currency. */
  const mandatesIn = (currency, cap, total) => ({
    'mandates/intent-mandate.json': (m) => (m.spend_cap = { currency, value: cap }),
    'mandates/cart-mandate.json': (c) => {
      c.spend_cap = { currency, value: cap };
      c.contents.payment_request.details.total.amount = { currency, value: total };
      c.contents.payment_request.details.display_items[0].amount = { currency, value: total };
    },
    'mandates/payment-mandate.json': (p) => (p.payment_mandate_contents.payment_details_total.amount = { currency, value: total }),
  });

  // Yen have no minor unit (ISO 4217 exponent 0): 500 JPY is 500 minor units. The whole
  // transaction in yen, paid by a method that is not x402 (whose USDC is not yen): the agent's
  // budget, the receipts, the spend and the settlement count 500 JPY, the cap is 2000 JPY.
  const byCard = {
    'mandates/cart-mandate.json': (c) => (c.contents.payment_request.method_data = [{ supported_methods: 'https://pay.example/card', data: {} }]),
    'mandates/payment-mandate.json': (p) => (p.payment_mandate_contents.payment_response = { ...p.payment_mandate_contents.payment_response, method_name: 'https://pay.example/card', details: {} }),
  };
  const inYen = (price = 500) => {
    const mandates = mandatesIn('JPY', '2000', '500');
    const grants = (c) => {
      for (const g of c.scope.grants) (g.max_total_cost.currency = 'JPY'), (g.max_cost_per_invocation.currency = 'JPY');
    };
    return transaction({
      'manifest/agent-card.json': (c) => (c.tools[0].pricing.base_price.currency = 'JPY'),
      'capability/agents-root.json': grants,
      'capability/shopping-agent.json': grants,
      'intent/governed-intent.json': (i) => ((i.billing_context.currency = 'JPY'), (i.billing_context.max_price_minor = price)),
      'settlement/budget-authorization.json': (b) => ((b.exposure.currency = 'JPY'), (b.total_exposure.currency = 'JPY')),
      'settlement/spend-reconciliation.json': (r) => ((r.charged.currency = 'JPY'), (r.actual.currency = 'JPY')),
      'settlement/settlement.json': (s) => ((s.currency = 'JPY')),
      'receipts/buyer-receipt.json': (r) => (r.cost.currency = 'JPY'),
      'receipts/provider-receipt.json': (r) => (r.cost.currency = 'JPY'),
      'mandates/intent-mandate.json': mandates['mandates/intent-mandate.json'],
      'mandates/cart-mandate.json': (c) => (mandates['mandates/cart-mandate.json'](c), byCard['mandates/cart-mandate.json'](c)),
      'mandates/payment-mandate.json': (p) => (mandates['mandates/payment-mandate.json'](p), byCard['mandates/payment-mandate.json'](p)),
    });
  };
  money('yen-settled-in-yen', 'The transaction in yen: a payment of 500 JPY, which has no minor unit, is 500 minor units, so the spend reconciled (500) and the settlement (500 settled) are its total, and every hop accepts.', inYen(), {});
  money('yen-worst-case-price-at-the-cap', 'The transaction in yen, the governed intent bounding the price at 2000 minor units: 2000 JPY, exactly the 2000 JPY cap, and every hop accepts.', inYen(2000), {});
  money('yen-worst-case-price-over-the-cap', 'The transaction in yen, the governed intent bounding the price at 2001 minor units: 2001 JPY, one yen over the 2000 JPY cap (not 20.01, as it would be in cents), so the mandates hop rejects.', inYen(2001), { mandates: 'ERR_REPLAY_LINK_BROKEN' });

  // A total finer than the currency's minor unit has no count of minor units (SPEC.md 6.1: it
  // MUST be an integer): 5.001 USD is not a whole number of cents. The x402 proof pays 5001000
  // USDC units, which is 5.001 exactly, so only the settlement hop can find the fault.
  const tenthOfACent = mandatesIn('USD', '20.00', '5.001');
  money('total-finer-than-a-cent', 'The cart and the payment mandate total 5.001 USD and the settlement proof pays 5001000 USDC units, its exact amount; the spend reconciled and the settlement count 500 cents, and 5.001 USD is no whole number of cents, so the settlement hop rejects.', transaction({ ...tenthOfACent, 'receipts/intent-trace.json': (t) => (t.references.settlement_proof.amount = '5001000') }), { settlement: 'ERR_REPLAY_LINK_BROKEN' });

  // Minor units are at most 2^53 - 1 (SPEC.md 6.1). A transaction of 90071992547409.91 USD is
  // 9007199254740991 cents, the largest count there is: the budget, the receipts, the spend, the
  // settlement and the worst-case price all count it, the cap is the same amount, and the x402
  // proof pays 90071992547409910000 USDC units (6 decimals).
  const MAX = 9007199254740991;
  const atMost = (c) => {
    for (const g of c.scope.grants) (g.max_total_cost.units = MAX), (g.max_cost_per_invocation.units = MAX);
  };
  const largest = (extra = {}) =>
    transaction({
      'capability/agents-root.json': atMost,
      'capability/shopping-agent.json': atMost,
      'intent/governed-intent.json': (i) => (i.billing_context.max_price_minor = MAX),
      'settlement/budget-authorization.json': (b) => ((b.exposure.units = MAX), (b.total_exposure.units = MAX)),
      'settlement/spend-reconciliation.json': (r) => ((r.charged.units = MAX), (r.actual.units = MAX)),
      'settlement/settlement.json': (s) => ((s.quoted_amount_minor = MAX), (s.approved_amount_minor = MAX), (s.settled_amount_minor = MAX)),
      'receipts/buyer-receipt.json': (r) => (r.cost.units = MAX),
      'receipts/provider-receipt.json': (r) => (r.cost.units = MAX),
      ...mandatesIn('USD', '90071992547409.91', '90071992547409.91'),
      'receipts/intent-trace.json': (t) => (t.references.settlement_proof.amount = '90071992547409910000'),
      ...extra,
    });
  money('largest-count-of-cents', 'A transaction of 90071992547409.91 USD: 9007199254740991 cents, 2^53 - 1, the largest count of minor units, which the budget, the receipts, the spend reconciled and the settlement all count; every hop accepts.', largest(), {});
  // Two calls by the agent, each with its receipt (the second signed by the buyer's kernel too)
  // and each reconciled: the first at 2^52 cents and the second at `second`, so that the spend
  // reconciled adds up to the payment's total. The bundle holds no settlement (which could not
  // count 2^53 cents) and declares no kind.
  const HALF = 4503599627370496;
  const twoCalls = (second, total) => {
    const d = transaction({
      'capability/agents-root.json': atMost,
      'capability/shopping-agent.json': atMost,
      'intent/governed-intent.json': (i) => (i.billing_context.max_price_minor = MAX),
      'settlement/budget-authorization.json': (b) => ((b.exposure.units = HALF), (b.total_exposure.units = HALF)),
      'settlement/spend-reconciliation.json': (r) => ((r.charged.units = HALF), (r.actual.units = HALF)),
      'settlement/spend-reconciliation-2.json': (r) => Object.assign(r, original['settlement/spend-reconciliation.json'], { receipt_id: `${original['receipts/buyer-receipt.json'].id}-2`, charged: usd(second), actual: usd(second) }),
      'settlement/settlement.json': null,
      'receipts/buyer-receipt.json': (r) => (r.cost.units = HALF),
      ...mandatesIn('USD', total, total),
      'receipts/intent-trace.json': (t) => (t.references.settlement_proof.amount = `${total.replace('.', '')}0000`),
    });
    const again = resign(mut(d['receipts/buyer-receipt.json'], (r) => ((r.id = `${r.id}-2`), (r.timestamp += 1), (r.cost.units = second))), P.agentKernel);
    return { ...d, 'receipts/buyer-receipt-2.json': again };
  };
  money('two-calls-make-the-largest-count-of-cents', 'Two calls reconciled at 4503599627370496 and 4503599627370495 cents for a payment of 90071992547409.91 USD: together 9007199254740991 cents, 2^53 - 1, the payment\'s total, and every hop accepts.', twoCalls(HALF - 1, '90071992547409.91'), {}, null);
  money('two-calls-make-2-53-cents', 'Two calls reconciled at 4503599627370496 cents each for a payment of 90071992547409.92 USD: 2^53 cents, one past the largest count of minor units (SPEC.md 6.1), so the payment\'s total has no count of cents the spend reconciled could be, and the settlement hop rejects.', twoCalls(HALF, '90071992547409.92'), { settlement: 'ERR_REPLAY_LINK_BROKEN' }, null);
}
// (end of block: money)


// Mutation boundaries of the verifiers: src/verify/budget.ts.
// (block: v-budget)
{
  // authorize (SPEC.md 12.5, checks 1 to 5 in order)
  const grantOne = (change) => resign(mut(procurement, (d) => change(d.scope.grants[1])), P.trust000);
  const looserLast = resign(mut(executor, (d) => d.scope.grants[0].constraints.push({ type: 'require_approval_above', value: { threshold_units: 100000 } })), P.coordinator);
  authorize('threshold/looser-one-last', 'The executor\'s grant with its 3.00 approval threshold and a looser one of 1000.00 added after it (re-signed by its issuer): constraints of one type all apply, so the lower threshold still holds the 4.50 call without an approval, whichever comes last.', looserLast, 0, usd(450), undefined, false, reject('ERR_BUDGET_APPROVAL_REQUIRED'));
  authorize('threshold/exactly-the-threshold', 'An exposure of 100000, exactly the grant\'s require_approval_above threshold, without an approval: only an exposure above the threshold needs one, so it fits.', procurement, 1, usd(100000), undefined, false, accept());
  authorize('threshold/one-unit-above-the-threshold', 'An exposure of 100001, one unit above the grant\'s require_approval_above threshold of 100000, without an approval.', procurement, 1, usd(100001), undefined, false, reject('ERR_BUDGET_APPROVAL_REQUIRED'));
  authorize('no-ledger/exactly-the-total', 'No ledger given, so nothing was charged before: an approved exposure of 150000 is exactly max_total_cost (and max_cost_per_invocation) and fits.', procurement, 1, usd(150000), undefined, true, accept());
  authorize('no-ledger/one-unit-past-the-total', 'No ledger given, so nothing was charged before: an approved exposure of 150001 is one unit past max_total_cost, the first limit checked (before max_cost_per_invocation, which it breaks too).', procurement, 1, usd(150001), undefined, true, reject('ERR_BUDGET_TOTAL_EXCEEDED'));
  authorize('grant-without-caps', 'Grant 0 of the procurement capability has no caps, no constraints and no currency of its own: a call of 10 USD on it is allowed.', procurement, 0, usd(10), undefined, false, accept());
  authorize('total-cap-only/another-currency', 'A grant whose only money cap is max_total_cost in USD (the per-call cap removed, re-signed by its issuer): an exposure of 10 EUR is not in the grant\'s currency.', grantOne((g) => delete g.max_cost_per_invocation), 1, { units: 10, currency: 'EUR' }, undefined, true, reject('ERR_BUDGET_CURRENCY_MISMATCH'));
  authorize('per-call-cap-only/another-currency', 'A grant whose only money cap is max_cost_per_invocation in USD (the total cap removed, re-signed by its issuer): an exposure of 10 EUR is not in the grant\'s currency.', grantOne((g) => delete g.max_total_cost), 1, { units: 10, currency: 'EUR' }, undefined, true, reject('ERR_BUDGET_CURRENCY_MISMATCH'));
  authorize('grant-index-as-text', 'The grant index given as the text "1", not a number: a grant is named by its integer index in scope.grants, and no grant is named by a string.', procurement, '1', usd(10), undefined, true, reject('ERR_BUDGET_GRANT_MISSING'));
  authorize('capability-without-grants', 'A capability whose scope holds no tool grants at all (re-signed by its issuer): grant 0 is a grant it does not have.', resign(mut(procurement, (d) => delete d.scope.grants), P.trust000), 0, usd(10), undefined, true, reject('ERR_BUDGET_GRANT_MISSING'));
  authorize('capability-without-scope', 'A capability with no scope member, which its schema requires: the document is refused before any cap is read.', mut(procurement, (d) => delete d.scope), 1, usd(10), undefined, true, reject('ERR_SCHEMA_REQUIRED'));
  authorize('exposure-negative', 'An exposure of -1 units: chio money is a non-negative integer of minor units, so the exposure is not money.', procurement, 1, usd(-1), undefined, true, reject('ERR_SCHEMA_TYPE'));
  authorize('ledger/null', 'A ledger given as null, not { invocations, total }: the caller\'s malformed argument, a verdict with a code.', procurement, 1, usd(10), null, true, reject('ERR_USAGE_INVALID_ARGUMENT'));
  authorize('ledger/invocations-in-fractions', 'A ledger of 0.5 calls: calls are counted in whole numbers, so the ledger is the caller\'s malformed argument.', procurement, 1, usd(10), { invocations: 0.5, total: 0 }, true, reject('ERR_USAGE_INVALID_ARGUMENT'));
  authorize('ledger/invocations-as-text', 'A ledger whose count of calls is the text "1": the caller\'s malformed argument.', procurement, 1, usd(10), { invocations: '1', total: 0 }, true, reject('ERR_USAGE_INVALID_ARGUMENT'));
  authorize('ledger/negative-total', 'A ledger with -1 units charged: exposure charged is never negative, so the ledger is the caller\'s malformed argument.', procurement, 1, usd(10), { invocations: 0, total: -1 }, true, reject('ERR_USAGE_INVALID_ARGUMENT'));
  authorize('ledger/zero', 'A ledger of no calls and nothing charged, given explicitly: a call of 10 USD fits.', procurement, 1, usd(10), { invocations: 0, total: 0 }, true, accept());
  const authorizeAt = (name, description, now, expect) => vector(`budget/${name}`, '6.2', description, { operation: 'authorize', capability: procurement, grant_index: 1, exposure: usd(10), approved: true }, at(now), expect);
  authorizeAt('context/now-last-second-of-9999', 'A call of 10 USD that fits, verified at 253402300799 (9999-12-31T23:59:59Z), the last Unix second a verification\'s now may be.', 253402300799, accept());
  authorizeAt('context/now-past-year-9999', 'The same call verified at 253402300800, one second past 9999-12-31T23:59:59Z: a now that is no Unix second writ reads is a malformed context.', 253402300800, reject('ERR_USAGE_INVALID_ARGUMENT'));

  // budget authorization records
  const allowedRec = fixture('settlement/budget-authorization', 'allowed.commerce-network');
  const deniedRec = fixture('settlement/budget-authorization', 'denied-budget.commerce-network');
  const denial = (extra) => ({ capability_id: procurement.id, grant_index: 1, decision: 'denied', decided_at: T0 - 10, ...extra });
  record('denied-max-invocations', 'A denial naming max_invocations for a call of 100 after 3 calls and 300 charged on the three-call grant: within the total, the fourth call is the first limit broken, so the record is true.', denial({ exposure: usd(100), denial: 'max_invocations', invocation_count: 3, total_exposure: usd(300) }), procurement, accept());
  record('denied-max-cost-per-invocation', 'A denial naming max_cost_per_invocation for a first call of 150001 on a grant whose total is raised to 900000 (re-signed by its issuer): the per-call cap is the first limit broken, so the record is true.', denial({ exposure: usd(150001), denial: 'max_cost_per_invocation', invocation_count: 0, total_exposure: usd(0) }), grantOne((g) => (g.max_total_cost.units = 900000)), accept());
  record('denial-names-another-limit', 'The Agent Commerce Network denial (210000 on top of 125000 breaks max_total_cost) recorded as a denial by max_invocations: the call was the second of three, so the record names the wrong limit.', mut(deniedRec, (d) => (d.denial = 'max_invocations')), procurement, reject('ERR_BUDGET_DECISION_MISMATCH'));
  record('allowed-without-counts', 'The allowed Agent Commerce Network record without invocation_count and total_exposure: with no ledger given and no counts recorded, nothing was charged before, and 125000 with its approval fits.', mut(allowedRec, (d) => (delete d.invocation_count, delete d.total_exposure)), procurement, accept());
  record('allowed-counting-no-call', 'An allowed record with invocation_count 0: an allowed call counts itself, so its count is at least 1.', mut(allowedRec, (d) => (d.invocation_count = 0)), procurement, reject('ERR_BUDGET_DECISION_MISMATCH'));
  record('allowed-total-below-its-exposure', 'An allowed record of an exposure of 125000 whose total_exposure is 124999: an allowed call counts its exposure, so the total is at least 125000.', mut(allowedRec, (d) => (d.total_exposure.units = 124999)), procurement, reject('ERR_BUDGET_DECISION_MISMATCH'));
  record('approval-at-the-decision', 'An approval given in the same second as the decision (approved_at = decided_at): no later than decided_at, so it counts and the allowed record is true.', mut(allowedRec, (d) => (d.approval.approved_at = d.decided_at)), procurement, accept());
  record('grant-missing', 'An allowed record charging grant 5 of a capability with two grants.', mut(allowedRec, (d) => (d.grant_index = 5)), procurement, reject('ERR_BUDGET_GRANT_MISSING'));
  record('record-without-decided-at', 'A record with no decided_at, which its schema requires.', mut(allowedRec, (d) => delete d.decided_at), procurement, reject('ERR_SCHEMA_REQUIRED'));
  record('capability-without-scope', 'The allowed record checked against a capability with no scope member, which its schema requires.', allowedRec, mut(procurement, (d) => delete d.scope), reject('ERR_SCHEMA_REQUIRED'));
  vector('budget/record/context/now-past-year-9999', '6.2', 'The allowed Agent Commerce Network record verified at 253402300800, one second past 9999-12-31T23:59:59Z: a malformed context.', { operation: 'record', record: allowedRec, capability: procurement }, at(253402300800), reject('ERR_USAGE_INVALID_ARGUMENT'));
  vector('budget/record/context/now-past-year-9999-whatever-the-record', '6.2', 'A record checked against another capability than it charges, verified at 253402300800, one second past 9999-12-31T23:59:59Z: a verifier answers every input in a malformed context with ERR_USAGE_INVALID_ARGUMENT, so the question is refused before the record is read.', { operation: 'record', record: allowedRec, capability: executor }, at(253402300800), reject('ERR_USAGE_INVALID_ARGUMENT'));
  const withLedger = (name, description, rec, ledger, expect) => vector(`budget/record/ledger/${name}`, '12.5', description, { operation: 'record', record: rec, capability: procurement, ledger }, at(T0), expect);
  withLedger('matches', 'The allowed record (call 1, 125000 in all) against a ledger of no calls and nothing charged: after this call the ledger stands at 1 call and 125000, as recorded.', allowedRec, { invocations: 0, total: 0 }, accept());
  withLedger('one-call-before', 'The allowed record (call 1) against a ledger of 1 call already counted: the call is allowed, but it is call 2, not what the record counts.', allowedRec, { invocations: 1, total: 0 }, reject('ERR_BUDGET_DECISION_MISMATCH'));
  withLedger('charged-before', 'The allowed record (125000 in all) against a ledger of 1000 already charged and no calls: the call is allowed, but the total is then 126000, not what the record says.', allowedRec, { invocations: 0, total: 1000 }, reject('ERR_BUDGET_DECISION_MISMATCH'));
  withLedger('denied-matches', 'The Agent Commerce Network denial (210000 on top of 125000 breaks max_total_cost) against a ledger of 1 call and 125000 charged: a denied call is not counted, so the record shows the ledger as it stood, and it is true.', deniedRec, { invocations: 1, total: 125000 }, accept());
  withLedger('denied-charged-another-total', 'The same denial against a ledger of 1 call and 100000 charged: 310000 still breaks max_total_cost, but the record says 125000 had been charged, not what the ledger says.', deniedRec, { invocations: 1, total: 100000 }, reject('ERR_BUDGET_DECISION_MISMATCH'));
  withLedger('denied-counting-itself', 'The same denial recording 2 calls, against a ledger of 1 call and 125000: the denied call was counted, as an allowed one is.', mut(deniedRec, (d) => (d.invocation_count = 2)), { invocations: 1, total: 125000 }, reject('ERR_BUDGET_DECISION_MISMATCH'));
  withLedger('record-without-total', 'The allowed record with its invocation_count of 1 but no total_exposure, against a ledger of nothing charged: given the ledger, the record must show the counts authorize-exposure gives (1 call and 125000), and it shows no total.', mut(allowedRec, (d) => delete d.total_exposure), { invocations: 0, total: 0 }, reject('ERR_BUDGET_DECISION_MISMATCH'));

  // reconcile-spend
  reconcile('charged-not-money', 'A charge of -1 units is not chio money.', usd(-1), usd(10), reject('ERR_SCHEMA_TYPE'));
  reconcile('actual-not-money', 'An actual cost of -1 units is not chio money.', usd(10), usd(-1), reject('ERR_SCHEMA_TYPE'));

  // spend reconciliation records: the links first (SPEC.md 12.5)
  const spent = fixture('settlement/spend-reconciliation', 'unchanged.commerce-network');
  const reconciliation = (name, description, input, expect, now = T0) => vector(`budget/reconciliation/${name}`, '12.5', description, { operation: 'reconciliation', record: spent, ...input }, at(now), expect);
  reconciliation('record-without-reconciled-at', 'A spend reconciliation with no reconciled_at, which its schema requires.', { record: mut(spent, (d) => delete d.reconciled_at) }, reject('ERR_SCHEMA_REQUIRED'));
  reconciliation('authorization-without-decided-at', 'The authorization given is no budget authorization: it has no decided_at, which its schema requires.', { authorization: mut(allowedRec, (d) => delete d.decided_at) }, reject('ERR_SCHEMA_REQUIRED'));
  reconciliation('receipt-without-id', 'The receipt given is no tool-call receipt: it has no id, which its schema requires.', { receipt: mut(buyer, (d) => delete d.id) }, reject('ERR_SCHEMA_REQUIRED'));
  reconciliation('authorization-of-another-capability', 'The authorization given charged another capability (cap-other) than the one the record reconciles, same grant and amount.', { authorization: mut(allowedRec, (d) => (d.capability_id = 'cap-other')) }, reject('ERR_REPLAY_LINK_BROKEN'));
  reconciliation('authorization-of-another-grant', 'The authorization given charged grant 0 of the capability, not grant 1 which the record reconciles.', { authorization: mut(allowedRec, (d) => (d.grant_index = 0)) }, reject('ERR_REPLAY_LINK_BROKEN'));
  reconciliation('authorization-charged-another-amount', 'The authorization given charged 124000, not the 125000 the record says was charged.', { authorization: mut(allowedRec, (d) => (d.exposure.units = 124000)) }, reject('ERR_REPLAY_LINK_BROKEN'));
  reconciliation('authorization-charged-another-currency', 'The authorization given charged 125000 EUR cents (its running total in EUR too), not the 125000 USD cents the record says was charged.', { authorization: mut(allowedRec, (d) => ((d.exposure.currency = 'EUR'), (d.total_exposure.currency = 'EUR'))) }, reject('ERR_REPLAY_LINK_BROKEN'));
  reconciliation('receipt-of-another-call', 'The receipt given (re-signed by its kernel) is rcpt-other, not the receipt the record reconciles.', { receipt: resign({ ...buyer, id: 'rcpt-other' }, P.buyerKernel) }, reject('ERR_REPLAY_LINK_BROKEN'));
  reconciliation('receipt-cost-in-another-currency', 'The receipt given (re-signed by its kernel) records a cost of 125000 EUR cents; the record reconciles 125000 USD cents: the receipt does not record the actual cost.', { receipt: resign({ ...buyer, cost: { units: 125000, currency: 'EUR' } }, P.buyerKernel) }, reject('ERR_BUNDLE_COST_MISMATCH'));
  reconciliation('receipt-cost-equal', 'The receipt given (re-signed by its kernel) records a cost of 125000 USD cents, the actual cost the record reconciles.', { authorization: allowedRec, receipt: resign({ ...buyer, cost: usd(125000) }, P.buyerKernel) }, accept());
  reconciliation('context/now-past-year-9999', 'The Agent Commerce Network reconciliation verified at 253402300800, one second past 9999-12-31T23:59:59Z: a malformed context.', {}, reject('ERR_USAGE_INVALID_ARGUMENT'), 253402300800);
}
// (end of block: v-budget)


// Mutation boundaries of the verifiers: src/verify/bundle.ts.
// (block: v-bundle)
{
  // Mutation boundaries of src/verify/bundle.ts (SPEC.md 12.8): what reading a bundle refuses,
  // and how the receipts charged to each grant are matched with the budget it consumed.
  const manifestText = (t, rest = {}) => ({ ...files(rest), 'bundle-manifest.json': { base64: b64(utf8(t)) } });
  bundleVector('manifest/null', 'A bundle whose bundle-manifest.json is the JSON text null: JSON, but not a bundle manifest, which is an object.', manifestText('null\n'), T0, rejectAll('ERR_SCHEMA_TYPE'));
  bundleVector('manifest/artifacts-null', 'A manifest whose artifacts member is null: a bundle manifest\'s artifacts are an object from path to hash.', manifestText('{"bundle_id":"conformance-bundle","artifacts":null}\n'), T0, rejectAll('ERR_SCHEMA_TYPE'));
  bundleVector('manifest/without-artifacts', 'A manifest with a bundle id and no artifacts member, which a bundle manifest requires.', manifestText('{"bundle_id":"conformance-bundle"}\n', small), T0, rejectAll('ERR_SCHEMA_REQUIRED'));
  {
    const m = JSON.parse(Buffer.from(bundle(small)['bundle-manifest.json'].base64, 'base64url').toString('utf8'));
    const t = text(m).replace('"bundle_id"', '"version": 1.0,\n  "bundle_id"');
    bundleVector('manifest/number-not-as-written', 'A manifest that carries a number written 1.0: the manifest is signed content read from text, where every number is in its RFC 8785 form (1), so the reader refuses it before anything else is read.', manifestText(t, small), T0, rejectAll('ERR_JSON_NUMBER_FORM'));
  }
  bundleVector('artifact-not-a-valid-document', 'The dispute the manifest lists, with its hash, without its status: it is recognised as a dispute, and a dispute requires a status.', bundle({ 'dispute.json': mut(dispute, (d) => delete d.status) }), T0, rejectAll('ERR_SCHEMA_REQUIRED'));
  bundleVector('case-collision/sharp-s', 'The manifest lists notes/\u00df.json and notes/\u1e9e.json (a small and a capital sharp s), each file present with its hash: the two names differ only in letter case.', bundle({ 'notes/\u00df.json': dispute, 'notes/\u1e9e.json': settled }), T0, rejectAll('ERR_BUNDLE_CASE_COLLISION'));
  for (const [name, a, b, why] of [
    ['long-s', 'notes/s.json', 'notes/\u017f.json', 'an s and a long s (\u017f), which case folding makes one'],
    ['sharp-s-and-ss', 'notes/\u00df.json', 'notes/ss.json', 'a sharp s and ss, which full case folding makes one'],
    ['dotless-i', 'notes/i.json', 'notes/\u0131.json', 'an i and a dotless \u0131, whose upper case is I'],
    ['kelvin-sign', 'notes/k.json', 'notes/\u212a.json', 'a k and the Kelvin sign (\u212a), whose lower case is k'],
    ['composed-and-decomposed', 'notes/\u00e9.json', 'notes/e\u0301.json', 'an \u00e9 written as one code point and as e with a combining acute accent, one name after NFC'],
  ]) bundleVector(`case-collision/${name}`, `The manifest lists ${JSON.stringify(a)} and ${JSON.stringify(b)}, each file present with its hash: ${why}, so on a case-insensitive file system they may be one file.`, bundle({ [a]: dispute, [b]: settled }), T0, rejectAll('ERR_BUNDLE_CASE_COLLISION'));
  bundleVector('case-collision/accent-is-no-case', 'The bundle holds notes/a.json, listed with its hash, and notes/\u00e1.json, which the manifest does not list: an accent is not letter case, so the two are two files, and the second is reported only as unlisted evidence.', { ...bundle({ 'notes/a.json': dispute }), 'notes/\u00e1.json': files({ x: settled }).x }, T0, rejectAll('ERR_BUNDLE_UNRECOGNISED'));
  bundleVector('case-collision/unlisted-file', 'The bundle holds dispute.json, listed with its hash, and Dispute.json, a copy the manifest does not list: the two paths differ only in letter case, which is refused as the bundle is read, so the second is never taken as evidence.', { ...bundle(small), 'Dispute.json': files({ x: dispute }).x }, T0, rejectAll('ERR_BUNDLE_CASE_COLLISION'));
  vector('bundle/no-manifest-under-a-named-sealer', '12.8', 'A bundle without bundle-manifest.json under a trust policy that names a sealer: without a manifest nothing in the bundle can be checked, and there is no manifest proof to judge.', { files: files(small) }, at(T0, { sealers: [P.recorder.didKey] }), rejectAll('ERR_BUNDLE_MANIFEST_MISSING'));
  // Which records and calls are charged to a grant.
  const receipt = smoke['receipts/executor.json'];
  bundleVector('cost/denied-record-consumes-nothing', 'Incident Network smoke assertions with a second budget record under the executor\'s grant, a denial of 4.50 pending approval: a denied exposure consumes no budget, so the 2.50 receipt is still the budget consumed.', bundle({ ...smoke, 'financial/budget-denied.json': fixture('settlement/budget-authorization', 'broader-rollback-pending-approval.incident-network') }), AT, accept());
  const refused = resign({ ...receipt, id: 'rcpt-019d921b-executor-denied', decision: { verdict: 'deny', reason: 'requested work exceeds the budget envelope', guard: 'budget' }, cost: usd(0) }, P.opsKernel);
  bundleVector('cost/denied-call-is-not-charged', 'Incident Network smoke assertions with a second receipt under the executor\'s one-call grant that records a denied call: only allowed calls are charged to a grant, so one call is counted and its cost is the budget consumed.', bundle({ ...smoke, 'receipts/executor-denied.json': refused }), AT, accept());
  const free = resign({ ...receipt, id: 'rcpt-coordinator-free', capability_id: coordinator.id, cost: usd(0) }, P.opsKernel);
  bundleVector('cost/grant-of-another-capability', 'An allowed call under the coordinator\'s grant 0 costing 0, beside the executor\'s budget record for its own grant 0: the coordinator\'s grant consumed nothing, and nothing is charged to it but its own receipt, so the costs agree (the intent the receipt commits to names the executor\'s capability, not the coordinator\'s).', bundle({ ...smoke, 'receipts/coordinator-free.json': free }), AT, rejectAll('ERR_RECEIPT_CAPABILITY_MISMATCH'));
  const noGrants = resign(mut(root, (d) => (d.scope = {})), P.commander);
  bundleVector('cost/capability-without-grants', 'A root capability with an empty scope, re-signed by its issuer, and a budget record for its grant 0: it has no grant 0, so the record is refused and no cost is compared.', bundle({ 'capabilities/root.json': noGrants, 'financial/budget.json': { ...smoke['financial/budget.json'], capability_id: root.id } }), AT, rejectAll('ERR_BUDGET_GRANT_MISSING'));
  {
    // The Agent Commerce Network folder (every artifact of the procurement), and a second allowed
    // call under the procurement capability's grant 0 (procurement_quote_read), which no budget
    // record covers and which cost nothing.
    const dir = join(EXAMPLES, 'transactions', 'commerce-network');
    const docs = Object.fromEntries(listFiles(dir).filter((f) => f !== 'bundle-manifest.json').map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]));
    const buyerReceipt = docs['receipts/buyer.json'];
    const quoteRead = resign({ ...buyerReceipt, id: `${buyerReceipt.id}-quote-read`, tool_name: 'procurement_quote_read', cost: usd(0) }, P.buyerKernel);
    bundleVector('cost/commerce-network/free-call-under-another-grant', 'The Agent Commerce Network procurement with an allowed call of procurement_quote_read under the capability\'s grant 0, costing 0: the authorization and the spend reconciled are grant 1\'s, so grant 0 consumed nothing and its call cost nothing.', bundle({ ...docs, 'receipts/quote-read.json': quoteRead }), AT, accept());
    const { 'contracts/spend-reconciliation.json': _spend, ...unreconciled } = docs;
    const underCharged = resign({ ...buyerReceipt, cost: usd(124000) }, P.buyerKernel);
    bundleVector('cost/commerce-network/two-grants-one-mismatched', 'The procurement without its spend reconciliation, the buyer\'s receipt recording 1240.00 for the call under grant 1, whose allowed exposure is 1250.00, and a free call under grant 0: grant 1\'s receipts cost other than the budget it consumed, whatever grant 0\'s do.', bundle({ ...unreconciled, 'receipts/buyer.json': underCharged, 'receipts/quote-read.json': quoteRead }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
  }
  {
    // A receipt's cost in another currency than the budget, and a budget of nothing with no call.
    const euros = resign(mut(receipt, (d) => (d.cost = { units: 250, currency: 'EUR' })), P.opsKernel);
    bundleVector('cost/receipt-in-another-currency', 'Incident Network smoke assertions with the executor\'s receipt recording 250 EUR, re-signed by its kernel, where the budget consumed is 250 USD: the same number of units in another currency is not the same cost.', bundle({ ...smoke, 'receipts/executor.json': euros }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
    const { 'receipts/executor.json': _r, ...noReceipt } = smoke;
    const nothing = mut(smoke['financial/budget.json'], (d) => ((d.exposure = usd(0)), (d.total_exposure = usd(0))));
    bundleVector('cost/zero-budget-without-a-call', 'Incident Network smoke assertions without the executor\'s receipt, the budget record allowing an exposure of 0: a budget consumed with no call behind it is a mismatch only when something was consumed, and nothing was.', bundle({ ...noReceipt, 'financial/budget.json': nothing }), AT, accept());
  }
}
// (end of block: v-bundle)


// Mutation boundaries of the verifiers: src/verify/document.ts.
// (block: v-document)
{
  // Each document of a bundle verified with the others as its evidence (SPEC.md 12.8): the
  // revocations that count, the intent a receipt or a pair commits to, the credentials a card
  // lists, the mandates, reconciliations, settlements, tasks and denials of a bundle.
  const docBundle = (name, description, docs, now, expect, context = {}) => vector(`bundle/document/${name}`, '12.8', description, { files: bundle(docs) }, at(now, context), expect);
  const REVOKED_AT = revocation.revoked_at;
  const revokedChain = rejectAll('ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR');
  // Revocations (SPEC.md 12.2, 12.8): a signed record counts when its signature verifies and its
  // signer issued the capability or an ancestor; an unsigned one is the holder's own record.
  const { signature: _sig, revoked_by: _by, ...unsignedRevocation } = revocation;
  docBundle('revocation-unsigned-counts', 'The Incident Network smoke bundle with an unsigned revocation record of the vendor liaison capability (no signature, no revoked_by): the holder\'s own record counts, so the vendor liaison capability and everything under it are revoked.', { ...smoke, 'revocations/vendor.json': unsignedRevocation }, AT, revokedChain);
  docBundle('revocation-by-ancestor-issuer', 'The smoke bundle with a revocation of the provider coordinator\'s capability signed by the commander, who issued the vendor liaison capability it descends from: an ancestor\'s issuer may revoke it, so the coordinator and the executor under it are revoked.', { ...smoke, 'revocations/coordinator.json': resign({ ...revocation, capability_id: coordinator.id }, P.commander) }, AT, revokedChain);
  docBundle('revocation-signature-broken', 'The smoke bundle with the commander\'s revocation of the vendor liaison capability whose revoked_at was changed after signing: its signature fails, so it is refused and does not count, and the chain is live.', { ...smoke, 'revocations/vendor.json': { ...revocation, revoked_at: REVOKED_AT + 1 } }, AT, rejectAll('ERR_SIG_INVALID'));
  docBundle('revocation-by-a-stranger-signature-broken', 'A stranger\'s revocation of the vendor liaison capability, changed after the stranger signed it: its signature fails first, so it is refused as ERR_SIG_INVALID, before who may revoke is asked.', { ...smoke, 'revocations/vendor.json': { ...resign({ ...revocation, revoked_by: P.stranger.hex }, P.stranger), revoked_at: REVOKED_AT + 1 } }, AT, rejectAll('ERR_SIG_INVALID'));
  const later = resign({ ...revocation, revoked_at: T0 + 100 }, P.commander);
  docBundle('revocation-twice-later-last', 'The vendor liaison capability revoked twice by the commander, at 1776272790 and again at 1776272875 (the later record listed last), checked at 1776272820: it is revoked from the earlier time, so the chain is revoked.', { ...smoke, 'revocations/vendor-1.json': revocation, 'revocations/vendor-2.json': later }, AT, revokedChain);
  docBundle('revocation-twice-later-first', 'The same two revocations with the later record listed first: the earlier time still counts.', { ...smoke, 'revocations/vendor-1.json': later, 'revocations/vendor-2.json': revocation }, AT, revokedChain);
  docBundle('revocation-from-the-caller', 'The smoke bundle, with the caller\'s trusted revocation of the vendor liaison capability at 1776272790 in the context: the caller\'s revocations count with the evidence\'s.', smoke, AT, revokedChain, { revocations: [{ capability_id: vendor.id, revoked_at: REVOKED_AT }] });
  // A capability that names itself as its parent: the walk up its ancestors ends.
  const selfParent = resign(mut(vendor, (d) => ((d.id = 'INC-2026-0428-loop'), (d.issuer = P.stranger.hex), (d.parent_capability_id = 'INC-2026-0428-loop'))), P.stranger);
  docBundle('revocation-of-a-self-parent-capability', 'A stranger\'s capability that names itself as its parent, and the commander\'s revocation of it: its chain loops back to itself, and the commander issued neither it nor any capability it descends from, so the revocation is refused (and the walk up its ancestors ends).', { 'capabilities/loop.json': selfParent, 'revocations/loop.json': resign({ ...revocation, capability_id: selfParent.id }, P.commander) }, AT, rejectAll('ERR_CHAIN_CYCLE', 'ERR_KEY_NOT_AUTHORIZED'));
  docBundle('revocation-of-a-child-of-a-forked-id', 'A self-signed fork of the vendor liaison capability\'s id beside the genuine one, and the commander\'s revocation of the provider coordinator\'s capability: its parent is held twice under one id, so nothing shows the commander issued an ancestor, and the revocation is refused.', { ...smoke, 'capabilities/forked-vendor.json': forkedVendor, 'revocations/coordinator.json': resign({ ...revocation, capability_id: coordinator.id }, P.commander) }, AT, rejectAll('ERR_CHAIN_DUPLICATE_ID', 'ERR_KEY_NOT_AUTHORIZED'));
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
  const seven = Object.fromEntries(Object.entries(sevenFiles).filter(([f]) => f !== 'bundle-manifest.json').map(([f, { base64 }]) => [f, JSON.parse(Buffer.from(base64, 'base64url').toString('utf8'))]));
  const DID = { 'identity/dreamineering-did.json': DREAMINEERING_DID };
  const sevenDoc = (name, description, docs, expect) => docBundle(name, description, docs, NOV, expect, pinned);
  const IM = seven['mandates/intent-mandate.json'];
  const CM = seven['mandates/cart-mandate.json'];
  const PM = seven['mandates/payment-mandate.json'];
  const AGENT = seven['identity/agent-credential.json'];
  const MERCHANT = seven['identity/merchant-credential.json'];
  const CARD = seven['manifest/agent-card.json'];
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
    const payAt = (n, seconds, change = () => {}) => reprove(mut(PM, (d) => ((d.payment_mandate_contents.payment_mandate_id = `pm-2026-11-01-00${n}`), (d.payment_mandate_contents.timestamp = new Date(Date.parse(PM.payment_mandate_contents.timestamp) + seconds * 1000).toISOString().replace('.000Z', 'Z')), change(d))), P.user);
    const five = Object.fromEntries([2, 3, 4, 5].map((n) => [`mandates/payment-mandate-${n}.json`, payAt(`0${n}`, n - 1)]));
    sevenDoc('five-payments-in-five-seconds-over-cap', 'Five payments of 5.00 USD of the one cart under the 20.00 USD intent mandate, one a second: the fifth sees 20.00 already paid, and is over the cap.', { ...chainDocs, ...five }, rejectAll('ERR_MANDATE_OVER_CAP'));
    sevenDoc('four-payments-in-four-seconds-at-cap', 'Four payments of 5.00 USD of the one cart under the 20.00 USD intent mandate, one a second: the last sees 15.00 paid before it, 20.00 in all, exactly the cap.', { ...chainDocs, ...Object.fromEntries(Object.entries(five).slice(0, 3)) }, accept());
    // A later payment whose cart is not given: it fails on its own, and it was made after the
    // first, so the first does not count it, whichever of the two hashes first.
    const big = (d) => ((d.cart_mandate_hash = ZERO_HASH), (d.payment_mandate_contents.payment_details_total.amount.value = '20.00'));
    const pick = (seconds, wanted) => {
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
  docBundle('settlement-over-its-intent', 'The settlement beside an intent, hashed again, whose worst-case price is 100000: more was approved than the intent allows.', { 'settlement/settlement.json': settled, 'intent/intent.json': rehash(mut(intent, (d) => (d.billing_context.max_price_minor = 100000))) }, T0, rejectAll('ERR_SETTLEMENT_OVER_INTENT'));
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
    const R = seven['settlement/spend-reconciliation.json'];
    const A = seven['settlement/budget-authorization.json'];
    const RECEIPT = seven['receipts/buyer-receipt.json'];
    const caps = { 'capability/agents-root.json': seven['capability/agents-root.json'], 'capability/shopping-agent.json': seven['capability/shopping-agent.json'] };
    sevenDoc('spend-reconciled-against-a-receipt-of-another-cost', 'The spend reconciliation reconciles an actual cost of 500 USD cents for the buyer\'s receipt, which, signed again by its kernel, records 499.', { 'settlement/spend.json': R, 'receipts/buyer.json': resign(mut(RECEIPT, (d) => (d.cost.units = 499)), P.agentKernel) }, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
    sevenDoc('spend-reconciled-beside-another-receipt', 'The spend reconciliation with another receipt (another id, signed again by its kernel, recording 499) listed before the buyer\'s receipt it names: it is checked against the receipt it names, whose cost it reconciles.', { 'receipts/another.json': resign(mut(RECEIPT, (d) => ((d.id = 'rcpt-dreamineering-agent-0009'), (d.cost.units = 499))), P.agentKernel), 'receipts/buyer.json': RECEIPT, 'settlement/spend.json': R }, accept());
    sevenDoc('spend-reconciled-in-another-currency-than-authorized', 'The spend reconciliation reconciles 500 EUR cents charged and spent under the grant the allowed authorization charged 500 USD cents to: the charge is not the authorization\'s. The bundle holds no receipt, so the budget the authorization consumed is not what the receipts cost either.', { ...caps, 'settlement/budget-authorization.json': A, 'settlement/spend.json': mut(R, (d) => ((d.charged.currency = 'EUR'), (d.actual.currency = 'EUR'))) }, rejectAll('ERR_REPLAY_LINK_BROKEN', 'ERR_BUNDLE_COST_MISMATCH'));
  }
  // A replay (SPEC.md 12.9): a tampered intent copy, its stated hash kept, beside the genuine intent.
  replay('seven-station/document/intent-copy-beside-the-intent', 'The seven-station transaction with a copy of its governed intent whose worst-case price was changed and whose stated intent_hash was kept: the copy\'s hash does not recompute, so the intent hop rejects, and the receipts are checked against the genuine intent.', bundle({ ...seven, 'intent/governed-intent-copy.json': mut(seven['intent/governed-intent.json'], (d) => (d.billing_context.max_price_minor = 1500)) }), NOV, { intent: 'ERR_INTENT_HASH_MISMATCH' });
}
// (end of block: v-document)


// Mutation boundaries of the verifiers: src/verify/replay.ts, src/verify/trace.ts.
// (block: v-replay)
{
  // The seven-station transaction with one thing changed, stitched, signed again and sealed by the
  // recorder as in the block "replay links" above (whose helpers are local to it): the change is
  // the only thing wrong, so only the hop it belongs to may reject.
  const { original, manifest, policy, sealed } = seven;
  const transaction = (changes, trace) => seven.transaction(changes, { trace });
  const step = (name, description, f, failures) => replay(`seven-station/replay-boundaries/${name}`, description, f, NOV, failures, policy);
  const one = (name, description, d, failures, kind) => step(name, description, sealed(d, kind), failures);
  const OTHER = (digit) => `sha256:${digit.repeat(64)}`;

  // receipts: each reference of the trace resolves (SPEC.md 12.9), one broken at a time, the
  // trace proved again by the recorder.
  one('trace-intent-ref-of-no-mandate', 'The intent trace, proved again by the recorder, names as its intent_ref a hash that is not the intent mandate\'s: the trace\'s intent_ref must be the intent mandate\'s hash, so the receipts hop rejects.', transaction({}, (t) => (t.intent_ref = OTHER('3'))), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  one('trace-mandate-hash-of-no-payment', 'The intent trace, proved again by the recorder, names as its mandate_hash a hash that is not the payment mandate\'s: the trace\'s mandate_hash must be the payment mandate\'s, so the receipts hop rejects.', transaction({}, (t) => (t.references.mandate_hash = OTHER('3'))), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  one('trace-credential-hash-not-the-credential', 'The intent trace, proved again by the recorder, names the agent credential by its id with a hash that is not the credential\'s: the credential reference must be the agent credential\'s id and hash, so the receipts hop rejects.', transaction({}, (t) => (t.references.identity_credential.hash = OTHER('3'))), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  one('trace-credential-of-another-id', 'The intent trace, proved again by the recorder, names a credential of another id (and hash) than the bundle\'s agent credential: the credential reference must be the agent credential\'s id and hash, so the receipts hop rejects; a reference to a credential the bundle does not hold is not a reference left unanswered when the identity hop holds the agent credential.', transaction({}, (t) => ((t.references.identity_credential.id = 'urn:uuid:7f1c2d3e-0000-4000-8000-00000000c0de'), (t.references.identity_credential.hash = OTHER('3')))), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  one('trace-subject-not-the-credential-subject', 'The intent trace, proved again by the recorder, is about a stranger\'s did:key, not about the subject of the agent credential it names: the trace\'s subject must be the credential\'s subject, so the receipts hop rejects.', transaction({}, (t) => (t.subject = P.stranger.didKey)), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  one('trace-receipt-hash-of-no-receipt', 'The intent trace, proved again by the recorder, lists as its second receipt hash one that is no receipt\'s of the bundle: each of its receipt_hashes must be a receipt\'s hash, so the receipts hop rejects.', transaction({}, (t) => (t.references.receipt_hashes[1] = OTHER('3'))), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  one('trace-action-hash-of-no-action', 'The intent trace, proved again by the recorder, names as its action_hash a hash that is no receipt\'s action\'s: the action_hash must be the hash of a receipt\'s action, so the receipts hop rejects.', transaction({}, (t) => (t.action_hash = OTHER('3'))), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  {
    const d = transaction();
    one('trace-changed-after-its-proof', 'The intent trace\'s trace_id changed after the recorder proved it, its new hash in the manifest the recorder sealed: the trace\'s proof does not verify, and the receipts hop rejects with the proof\'s code.', { ...d, 'receipts/intent-trace.json': mut(d['receipts/intent-trace.json'], (t) => (t.trace_id = `${t.trace_id}-changed`)) }, { receipts: 'ERR_PROOF_INVALID' });
  }
  one('trace-failed-without-a-settlement-proof', 'The intent trace, proved again by the recorder, records a failed outcome and carries no settlement proof: only a settled trace needs a successful proof, and a trace without a proof has none to bind, so every hop accepts.', transaction({}, (t) => ((t.outcome = 'failed'), delete t.references.settlement_proof)), {});

  // A trace alone in an unsealed bundle (SPEC.md 12.8, 7.8): none of the documents it names by
  // hash is given, and it lists no receipt hash, so nothing can break; each reference is only not
  // resolved (a warning), and the bundle verifies.
  {
    const alone = reprove(mut(original['receipts/intent-trace.json'], (t) => delete t.references.receipt_hashes), P.recorder);
    bundleVector('trace-alone-without-receipt-hashes', 'An intent trace proved by its recorder, listing no receipt hashes, alone in an unsealed bundle: no intent mandate, payment mandate, credential or receipt is given, so none of its references can fail to resolve (each is a warning, never a verdict\'s code), and the bundle verifies.', bundle({ 'receipts/intent-trace.json': alone }), NOV, accept());
  }

  // manifest, intent: the card's credentials and tools.
  one('card-lists-the-agent-credential', 'The agent card, proved again by Dreamineering, lists the agent credential (its id and hash) instead of the merchant credential: the agent credential is a credential of the identity hop too, and every hop accepts.', transaction({ 'manifest/agent-card.json': (c) => (c.credentials = [{ id: original['identity/agent-credential.json'].id, hash: documentHash(original['identity/agent-credential.json']) }]) }), {});
  one('card-offers-another-tool-first', 'The agent card, proved again by Dreamineering, offers market-brief before market-report, the tool the intent calls: one tool of the card is the intent\'s, and every hop accepts.', transaction({ 'manifest/agent-card.json': (c) => c.tools.unshift({ ...c.tools[0], name: 'market-brief' }) }), {});

  // A hop with none of what it needs (SPEC.md 12.9, the table): ERR_REPLAY_HOP_MISSING, and the
  // links to the missing document are not checked. No kind is declared, so no artifact is
  // required by the kind (12.8).
  one('no-agent-card', 'The transaction without its agent card: the manifest hop has no artifact at all, and needs an agent card.', transaction({ 'manifest/agent-card.json': null }), { manifest: 'ERR_REPLAY_HOP_MISSING' }, null);
  one('no-governed-intent', 'The transaction without its governed intent: the intent hop has no artifact at all, and needs an intent.', transaction({ 'intent/governed-intent.json': null }), { intent: 'ERR_REPLAY_HOP_MISSING' }, null);
  one('no-intent-mandate', 'The transaction without its intent mandate (the cart and the payment still name its hash): the mandates hop needs one of each mandate.', transaction({ 'mandates/intent-mandate.json': null }), { mandates: 'ERR_REPLAY_HOP_MISSING' }, null);
  one('no-payment-mandate', 'The transaction without its payment mandate (the trace still names its hash): the mandates hop needs one of each mandate.', transaction({ 'mandates/payment-mandate.json': null }), { mandates: 'ERR_REPLAY_HOP_MISSING' }, null);

  // settlement: the payment reference and the currency of a settlement.
  one('receipts-record-no-payment', 'Both receipts, signed again by their kernels, record no payment reference, while the settlement names one: the receipts record no payment to hold it to, and every hop accepts.', transaction({ 'receipts/buyer-receipt.json': (r) => delete r.payment_reference, 'receipts/provider-receipt.json': (r) => delete r.payment_reference }), {});
  one('settlement-in-another-currency', 'The governed intent, hashed again, is priced in EUR and the settlement settles 500 EUR minor units, while the intent mandate caps and the payment mandate pays in USD: the intent\'s price is not within the cap in its currency, so the mandates hop rejects, and the same number in another currency is not the payment\'s total, so the settlement hop rejects.', transaction({ 'intent/governed-intent.json': (i) => (i.billing_context.currency = 'EUR'), 'settlement/settlement.json': (s) => (s.currency = 'EUR') }), { mandates: 'ERR_REPLAY_LINK_BROKEN', settlement: 'ERR_REPLAY_LINK_BROKEN' });

  // receipts: the bilateral pair, whichever file comes first.
  {
    const { 'receipts/provider-receipt.json': providerReceipt, ...rest } = transaction();
    one('provider-receipt-listed-first', 'The provider\'s receipt kept at receipts/a-provider-receipt.json, so that it comes before the buyer\'s: the pair is the buyer\'s and the provider\'s receipt whatever their order, and every hop accepts.', { ...rest, 'receipts/a-provider-receipt.json': providerReceipt }, {});
  }
  {
    const d = transaction();
    const elsewhere = resign(mut(d['receipts/buyer-receipt.json'], (r) => (r.intent_hash = OTHER('7'))), P.agentKernel);
    const trace = reprove(mut(d['receipts/intent-trace.json'], (t) => (t.references.receipt_hashes[0] = documentHash(elsewhere))), P.recorder);
    one('buyer-receipt-for-another-intent', 'The buyer\'s receipt, signed again by its kernel, commits to another intent than the governed intent (the trace, proved again, lists its new hash): the bundle holds the intent and the receipt commits to none it holds, so the receipt fails its own verification, the receipts hop\'s first problem.', { ...d, 'receipts/buyer-receipt.json': elsewhere, 'receipts/intent-trace.json': trace }, { receipts: 'ERR_RECEIPT_INTENT_MISMATCH' });
  }

  // receipts: the settlement proof bound to the cart's x402 method and the payment's payer.
  one('cart-x402-method-names-no-network', 'The cart\'s x402 method, proved again by Dreamineering, names no network (the payment and the trace follow its hash): there is no network to hold the settlement proof to, and every hop accepts.', transaction({ 'mandates/cart-mandate.json': (c) => delete c.contents.payment_request.method_data[0].data.network }), {});
  one('payment-names-no-payer', 'The payment mandate, signed again by the user, names no payer in its response details (the trace follows its hash): there is no payer to hold the settlement proof to, and every hop accepts.', transaction({ 'mandates/payment-mandate.json': (p) => delete p.payment_mandate_contents.payment_response.details.payer }), {});
  one('cart-x402-asset-not-a-string', 'The cart\'s x402 method, proved again by Dreamineering, names its asset as a list holding "USDC", not as the string: no asset whose units writ knows, so the settlement proof\'s amount cannot be bound, and the receipts hop rejects.', transaction({ 'mandates/cart-mandate.json': (c) => (c.contents.payment_request.method_data[0].data.asset = ['USDC']) }), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  one('cart-lists-another-method-first', 'The cart, proved again by Dreamineering, lists a card method before its x402 method (the payment and the trace follow its hash): the settlement proof is bound through the x402 method wherever it is listed, and every hop accepts.', transaction({ 'mandates/cart-mandate.json': (c) => c.contents.payment_request.method_data.unshift({ supported_methods: 'basic-card', data: { supportedNetworks: ['visa'] } }) }), {});

  // Each type belongs to its hop (SPEC.md 12.9, the table): a further file of that type whose
  // manifest hash is not its own fails that hop, ERR_BUNDLE_ALTERED, and no other.
  for (const [type, hop, path, doc] of [
    ['a DID document', 'identity', 'identity/did-copy.json', original['identity/dreamineering-did.json']],
    ['a lineage record', 'capability_chain', 'capability/lineage-copy.json', original['capability/lineage.json']],
    ['an intent mandate', 'mandates', 'mandates/intent-mandate-copy.json', original['mandates/intent-mandate.json']],
    ['a spend reconciliation', 'settlement', 'settlement/spend-reconciliation-copy.json', original['settlement/spend-reconciliation.json']],
    ['a settlement reconciliation', 'settlement', 'settlement/settlement-copy.json', original['settlement/settlement.json']],
    ['a dispute', 'settlement', 'settlement/dispute.json', dispute],
    ['a quote request', 'settlement', 'settlement/quote-request.json', fixture('commercial/quote', 'request.commerce-network')],
    ['a quote response', 'settlement', 'settlement/quote-response.json', quote],
    ['a receipt pair', 'receipts', 'receipts/receipt-pair.json', pair],
    ['an intent trace', 'receipts', 'receipts/intent-trace-copy.json', original['receipts/intent-trace.json']],
  ]) {
    step(`altered-${path.split('/')[1].replace('.json', '')}`, `A further file, ${type}, whose hash in the manifest the recorder sealed is not the file's: ${type.replace(/^an? /, '')} belongs to the ${hop.replace('_', ' ')} hop, which rejects with ERR_BUNDLE_ALTERED; every other hop accepts.`, sealed({ ...transaction(), [path]: doc }, null, (m) => (m.artifacts[path] = OTHER('0'))), { [hop]: 'ERR_BUNDLE_ALTERED' });
  }

  // Problems of the bundle that belong to no hop fail the replay, and no hop.
  const noHop = (name, description, f) => vector(`replay/seven-station/replay-boundaries/${name}`, '12.9', description, { files: f }, at(NOV, policy), { verdict: 'reject', hops: hops() });
  noHop('a-symbolic-link', 'The sealed transaction with one more entry, receipts/extra.json, a symbolic link: a link in a bundle is refused (SPEC.md 12.8) and belongs to no hop, so every hop accepts and the replay rejects.', { ...sealed(transaction(), null), 'receipts/extra.json': { symlink: '../outside.json' } });
  noHop('a-file-not-in-the-manifest', 'The sealed transaction with one more file, notes.json, which the manifest does not list: an unlisted file is unverified evidence (SPEC.md 12.8) and belongs to no hop, so every hop accepts and the replay rejects.', { ...sealed(transaction(), null), 'notes.json': { base64: b64(utf8('{"note":"unlisted"}\n')) } });
  noHop('an-altered-checkout', 'The sealed transaction with a checkout request whose hash in the manifest is not the file\'s: the file is altered (SPEC.md 12.8), and a checkout belongs to no hop, so every hop accepts and the replay rejects.', sealed({ ...transaction(), 'commercial/checkout.json': seedCheckout }, null, (m) => (m.artifacts['commercial/checkout.json'] = OTHER('0'))));

  // The bundle's own checks (SPEC.md 12.8) report to the hop of what they check: the receipts'
  // cost and a call's time to the receipts.
  one('receipt-cost-not-the-budget-consumed', 'The buyer\'s receipt, signed again by its kernel, records a cost of 499 USD cents while the spend reconciled for its grant is 500: the receipts\' cost is not the budget consumed, so the receipts hop rejects with ERR_BUNDLE_COST_MISMATCH, and the spend reconciliation, held to its receipt, with the same code at the settlement hop.', transaction({ 'receipts/buyer-receipt.json': (r) => (r.cost.units = 499) }), { settlement: 'ERR_BUNDLE_COST_MISMATCH', receipts: 'ERR_BUNDLE_COST_MISMATCH' });
  one('buyer-receipt-before-its-capability', 'The buyer\'s receipt, signed again by its kernel, records its allowed call one second before the agent\'s capability was issued: the chain was not yet valid when the call was made, and the receipts hop rejects.', transaction({ 'receipts/buyer-receipt.json': (r) => (r.timestamp = original['capability/shopping-agent.json'].issued_at - 1) }), { receipts: 'ERR_CHAIN_NOT_YET_VALID' });
  one('no-trace-and-no-provider-receipt', 'The transaction without its intent trace, and the provider\'s receipt, signed again by its kernel, records a call to market-brief, not to the intent\'s tool: the receipts hop needs a trace, and rejects with ERR_REPLAY_HOP_MISSING first.', transaction({ 'receipts/intent-trace.json': null, 'receipts/provider-receipt.json': (r) => (r.tool_name = 'market-brief') }), { receipts: 'ERR_REPLAY_HOP_MISSING' }, null);

  // receipts: a payment whose response has no details names no payer, and a cart without an x402
  // method binds no settlement proof.
  one('payment-details-null-and-cart-names-no-payee', 'The cart\'s x402 method, proved again by Dreamineering, names no payee, and the payment mandate, signed again by the user, answers with null details (the trace follows their hashes): the mandates agree, but whom the settlement paid cannot be bound, and the receipts hop rejects.', transaction({ 'mandates/cart-mandate.json': (c) => delete c.contents.payment_request.method_data[0].data.payTo, 'mandates/payment-mandate.json': (p) => (p.payment_mandate_contents.payment_response.details = null) }), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  one('cart-without-an-x402-method', 'The cart, proved again by Dreamineering, offers only a card method, and the payment mandate, signed again by the user, pays by it, naming no x402 payer or payee (the trace follows their hashes): the cart names no x402 method, so the trace\'s x402 settlement proof has no method to be bound through, and every hop accepts.', transaction({ 'mandates/cart-mandate.json': (c) => (c.contents.payment_request.method_data = [{ supported_methods: 'basic-card', data: { supportedNetworks: ['visa'] } }]), 'mandates/payment-mandate.json': (p) => ((p.payment_mandate_contents.payment_response.method_name = 'basic-card'), (p.payment_mandate_contents.payment_response.details = null)) }), {});
}
// (end of block: v-replay)


// Mutation boundaries of the verifiers: src/verify/context.ts, common.ts, capability.ts, identity.ts.
// (block: v-chain)
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
  const coordinatorWith = (change) => resign(mut(coordinator, change), P.liaison);
  const dpopParent = coordinatorWith((d) => (d.scope.grants[0].dpop_required = true));
  vector('capability/dpop-kept', '12.2', 'The coordinator\'s grant requires proof of possession and the executor\'s grant requires it too: the chain verifies.', chainInput(child((d) => (d.scope.grants[0].dpop_required = true)), [root, vendor, dpopParent]), at(NOW1), accept());
  vector('capability/dpop-dropped', '12.2', 'The coordinator\'s grant requires proof of possession; the executor\'s grant leaves dpop_required out, dropping it.', chainInput(executor, [root, vendor, dpopParent]), at(NOW1), reject('ERR_CAP_CONSTRAINT_DROPPED'));
  vector('capability/dpop-set-false', '12.2', 'The coordinator\'s grant requires proof of possession; the executor\'s grant states dpop_required false.', chainInput(child((d) => (d.scope.grants[0].dpop_required = false)), [root, vendor, dpopParent]), at(NOW1), reject('ERR_CAP_CONSTRAINT_DROPPED'));
  vector('capability/dpop-false-in-parent', '12.2', 'The coordinator\'s grant states dpop_required false and the executor\'s says nothing of it: there is no requirement to keep, so the chain verifies.', chainInput(executor, [root, vendor, coordinatorWith((d) => (d.scope.grants[0].dpop_required = false))]), at(NOW1), accept());

  // Grants a capability may lack (SPEC.md 12.2): each kind of grant is checked against the parent's
  // grants of the same kind, and a kind the parent has none of covers nothing.
  const rootWith = (change) => resign(mut(root, change), P.commander);
  vector('capability/no-tool-grants-under-tool-grants', '12.2', 'The vendor liaison\'s capability holds only a resource grant and a prompt grant, each within a delegable grant of the root, and no tool grant: nothing to cover, so the chain verifies.', underWide((d) => delete d.scope.grants), at(NOW1), accept());
  vector('capability/tool-grant-under-no-tool-grants', '12.2', 'A root with resource grants only and no tool grant; the vendor liaison\'s capability under it grants tools: no grant of the parent covers them.', chainInput(vendor, [rootWith((d) => { delete d.scope.grants; d.scope.resource_grants = [{ uri_pattern: 'incident://*', operations: ['read', 'delegate'] }]; })]), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
  const vendorWith = (change) => resign(mut(vendor, change), P.commander);
  vector('capability/resource-grant-under-no-resource-grants', '12.2', 'The vendor liaison\'s capability adds a resource grant under the Incident Network root, which has no resource grant: not within a grant of the parent.', chainInput(vendorWith((d) => (d.scope.resource_grants = [{ uri_pattern: 'incident://INC-2026-0428/logs', operations: ['read'] }])), [root]), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
  vector('capability/prompt-grant-under-no-prompt-grants', '12.2', 'The vendor liaison\'s capability adds a prompt grant under the Incident Network root, which has no prompt grant: not within a grant of the parent.', chainInput(vendorWith((d) => (d.scope.prompt_grants = [{ prompt_name: 'triage-edge', operations: ['get'] }])), [root]), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
  // Two parent grants cover one child grant: it is within the parent when one of them admits it.
  const twoCovering = rootWith((d) => d.scope.grants.unshift({ server_id: 'provider-ops', tool_name: '*', operations: ['invoke'] }));
  vector('capability/second-covering-grant-admits', '12.2', 'A root whose first grant (provider-ops, any tool, invoke only) and third grant (disable_edge_rule, delegable) both cover the vendor liaison\'s disable_edge_rule grant: the first cannot be delegated, the third admits it, so the chain verifies.', chainInput(vendor, [twoCovering]), at(NOW1), accept());
  vector('capability/no-covering-grant-admits', '12.2', 'The same root, and a vendor liaison\'s disable_edge_rule grant that also allows subscribe: neither covering grant admits it, and the first failure of the first covering grant is reported (not delegable).', chainInput(vendorWith((d) => d.scope.grants[1].operations.push('subscribe')), [twoCovering]), at(NOW1), reject('ERR_CAP_NOT_DELEGABLE'));
  // Patterns (SPEC.md 12.2): a child's own prefix pattern is covered by *.
  vector('capability/prefix-pattern-under-any', '12.2', 'A root granting any tool (*) of provider-ops; the vendor liaison\'s grant names the prefix pattern disable_*: covered by *.', chainInput(vendorWith((d) => (d.scope.grants[1].tool_name = 'disable_*')), [rootWith((d) => (d.scope.grants[1].tool_name = '*'))]), at(NOW1), accept());
  vector('capability/name-longer-than-exact-parent', '12.2', 'The root grants the tool disable_edge_rule (no pattern); the vendor liaison\'s grant names disable_edge_rules, which only starts with it: an exact name covers only itself.', chainInput(vendorWith((d) => (d.scope.grants[1].tool_name = 'disable_edge_rules')), [root]), at(NOW1), reject('ERR_CAP_NOT_COVERED'));
  // Caps the parent does not state (SPEC.md 12.2): nothing to keep.
  vector('capability/parent-grant-without-caps', '12.2', 'The root\'s disable_edge_rule grant states no invocation cap and no cost caps; the vendor liaison\'s grant under it states no invocation cap but keeps its cost caps: every cap of the parent (none) is kept, so the chain verifies.', chainInput(vendorWith((d) => delete d.scope.grants[1].max_invocations), [rootWith((d) => { const g = d.scope.grants[1]; delete g.max_invocations; delete g.max_total_cost; delete g.max_cost_per_invocation; })]), at(NOW1), accept());

  // A delegation link names a strict ancestor (SPEC.md 12.2 step 5), never the capability carrying it.
  {
    const selfLink = resign({ capability_id: coordinator.id, delegator: coordinator.subject, delegatee: executor.subject, timestamp: executor.issued_at, signature: '0'.repeat(128) }, P.coordinator);
    vector('chain/delegation-link-of-itself-mid-chain', '12.2', 'The coordinator\'s capability (depth 2, re-signed by the vendor liaison) carries a link delegating the coordinator\'s capability itself to the executor: the capability a link delegates must be a strict ancestor of the one carrying it, so the link is invalid even though a capability below it matches its delegatee.', chainInput(executor, [root, vendor, coordinatorWith((d) => (d.delegation_chain = [selfLink]))]), at(NOW1), reject('ERR_CHAIN_LINK_INVALID'));
  }
  // Values among the evidence that are not capabilities (no string id) name no capability.
  vector('chain/evidence-values-without-a-string-id', '12.2', 'The executor\'s chain with two different objects among the capabilities given whose id is the number 5: they are not capabilities (a capability id is a string), so no two capabilities share an id and the chain verifies.', chainInput(executor, [root, vendor, coordinator, { id: 5 }, { id: 5, note: 'another' }]), at(NOW1), accept());

  // Identity (SPEC.md 12.1): credentials and agent cards.
  credentialVector('proof-expired', 'The agent credential re-proved by Dreamineering with a proof that expires at 2026-11-01T09:00:00Z, checked at 10:08: the proof has expired, whatever the credential\'s own validity.', reprove(agentCredential, P.merchant, undefined, { expires: '2026-11-01T09:00:00Z' }), didContext(NOV), reject('ERR_PROOF_EXPIRED'));
  credentialVector('issuer-as-object', 'The agent credential re-issued by Dreamineering with its issuer as an object { id, name } whose id is did:web:dreamineering.com, the DID that proves it: the same issuer, so it verifies.', reprove({ ...agentCredential, issuer: { id: 'did:web:dreamineering.com', name: 'Dreamineering' } }, P.merchant), didContext(NOV), accept());
  credentialVector('no-subject', 'An agent credential without its credentialSubject: a required member missing, refused by the schema before its proof is looked at.', mut(agentCredential, (d) => delete d.credentialSubject), didContext(NOV), reject('ERR_SCHEMA_REQUIRED'));
  cardVector('no-name', 'An agent card without its name: a required member missing, refused by the schema before its proof is looked at.', mut(card, (d) => delete d.name), [merchantCredential], didContext(NOV), reject('ERR_SCHEMA_REQUIRED'));
  cardVector('credentials-not-an-array', 'The genuine agent card, with the credentials to check it against given as an object rather than an array: a malformed argument, refused as such.', card, { [merchantCredential.id]: merchantCredential }, didContext(NOV), reject('ERR_USAGE_INVALID_ARGUMENT'));
  cardVector('listed-credential-proof-broken', 'The genuine agent card, given the merchant credential it lists with its name changed after proving (not re-proved): the credential\'s own verification fails, and that failure is the answer.', card, [mut(merchantCredential, (d) => (d.name = 'changed'))], didContext(NOV), reject('ERR_PROOF_INVALID'));
  cardVector('listed-credential-expired', 'The genuine agent card with the merchant credential it lists, checked at 2027-11-01T00:00:00Z, the credential\'s validUntil: the listed credential has expired.', card, [merchantCredential], didContext(Date.parse('2027-11-01T00:00:00Z') / 1000), reject('ERR_IDENTITY_EXPIRED'));
  cardVector('no-credentials-listed', 'An agent card Dreamineering re-proved without a credentials member: it lists nothing to check, so it verifies.', reprove(mut(card, (d) => delete d.credentials), P.merchant), [], didContext(NOV), accept());

  // Chio money handed to a verifier directly (SPEC.md 12.5): { units: a non-negative integer of
  // minor units, currency: a code of 2 to 16 capital letters and digits (6.1) }, nothing else.
  reconcile('zero-units', 'Nothing charged and nothing spent: 0 is a non-negative integer of minor units, and actual equals charged.', usd(0), usd(0), accept());
  reconcile('in-usdc', 'A charge and a spend of 125000 in USDC, a token symbol of four letters, which a currency or asset code may be (SPEC.md 6.1): actual equals charged.', { units: 125000, currency: 'USDC' }, { units: 125000, currency: 'USDC' }, accept());
  reconcile('in-a-code-of-sixteen', 'A charge and a spend in a code of 16 capital letters and digits, the longest a currency or asset code may be.', { units: 1, currency: 'USDCOINSTABLE123' }, { units: 1, currency: 'USDCOINSTABLE123' }, accept());
  for (const [name, description, charged] of [
    ['negative-units', 'A charge of -1 minor units: money is a non-negative integer of minor units.', usd(-1)],
    ['fractional-units', 'A charge of 0.5 minor units: money is a whole number of minor units.', usd(0.5)],
    ['units-as-text', 'A charge whose units are the text "125000": money counts units as a number.', { units: '125000', currency: 'USD' }],
    ['extra-member', 'A charge with a member besides units and currency (note): chio money has those two members only.', { units: 125000, currency: 'USD', note: 'pre-charge' }],
    ['null', 'A charge given as null: not chio money.', null],
    ['currency-one-letter', 'A charge in U: a currency or asset code is 2 to 16 capital letters and digits (SPEC.md 6.1), not one.', { units: 125000, currency: 'U' }],
    ['currency-seventeen-letters', 'A charge in a code of 17 capital letters: one more than a currency or asset code may have.', { units: 125000, currency: 'USDCOINSTABLEXYZA' }],
    ['currency-lower-case', 'A charge in usd: a currency code is written in capitals.', { units: 125000, currency: 'usd' }],
    ['currency-as-a-list', 'A charge whose currency is the list ["USD"]: a currency is a string.', { units: 125000, currency: ['USD'] }],
    ['no-currency', 'A charge with units and no currency.', { units: 125000 }],
  ]) {
    reconcile(`charged-${name}`, description, charged, usd(125000), reject('ERR_SCHEMA_TYPE'));
  }
}
// (end of block: v-chain)


// Mutation boundaries of the verifiers: src/verify/settlement.ts, intent.ts, mandate.ts, receipt.ts, transaction-kinds.ts, bundle-ledger.ts.
// (block: v-links)
{
  // settlement (SPEC.md 12.7): each dispute status and the settlement status it gives, and each piece of evidence refused.
  const disputed = { ...reversal, status: 'disputed' };
  const resolved = (status) => ({ ...dispute, status, resolved_at: dispute.opened_at + 3600, resolution: `dispute ${status}` });
  settlement('links/opened-dispute-disputed', 'A settlement that names an opened dispute and is disputed: an opened dispute puts its settlement in disputed.', { settlement: disputed, dispute: { ...dispute, status: 'opened' } }, accept());
  settlement('links/opened-dispute-reversal-pending', 'A settlement still reversal_pending while its dispute is only opened: an opened dispute puts it in disputed.', { settlement: reversal, dispute: { ...dispute, status: 'opened' } }, reject('ERR_SETTLEMENT_STATE'));
  settlement('links/reversed-dispute-reversed', 'A settlement that names its dispute and is reversed, the dispute resolved as reversed.', { settlement: { ...reversal, status: 'reversed' }, dispute: fixture('settlement/dispute', 'reversed') }, accept());
  settlement('links/rejected-dispute-reconciled', 'A reconciled settlement that names no dispute, beside a dispute over it that was rejected: a rejected dispute leaves the settlement reconciled, and a reconciled settlement need not name it.', { settlement: settled, dispute: resolved('rejected') }, accept());
  settlement('links/withdrawn-dispute-reconciled', 'A reconciled settlement that names no dispute, beside a dispute over it that was withdrawn: a withdrawn dispute leaves the settlement reconciled.', { settlement: settled, dispute: resolved('withdrawn') }, accept());
  settlement('links/withdrawn-dispute-reversal-pending', 'A settlement reversal_pending under a dispute that was withdrawn: the withdrawn dispute leaves it reconciled.', { settlement: reversal, dispute: resolved('withdrawn') }, reject('ERR_SETTLEMENT_STATE'));
  settlement('links/names-another-dispute', 'A reversal_pending settlement that names dispute_other, beside the reversal_pending dispute over it (dispute_lattice_001): the state is right, but the settlement must name the dispute that moved it.', { settlement: { ...reversal, dispute_id: 'dispute_other' }, dispute }, reject('ERR_SETTLEMENT_STATE'));
  settlement('links/intent-priced-on-another-quote', 'The settlement, its quote (quote_vanguard_001) and an intent, re-hashed, priced on quote_vanguard_002: the intent is not the one the quote was bought under.', { settlement: settled, quote, intent: rehash(mut(intent, (d) => (d.billing_context.quote_id = 'quote_vanguard_002'))) }, reject('ERR_REPLAY_LINK_BROKEN'));
  settlement('links/intent-names-no-quote', 'The settlement and its quote, with the intent changed to a fixed price that names no quote, re-hashed: there is no quote for the intent to disagree with.', { settlement: settled, quote, intent: rehash(mut(intent, (d) => ((d.billing_context.scheme = 'fixed'), delete d.billing_context.quote_id))) }, accept());
  settlement('links/intent-in-another-currency', 'The settlement of 125000 USD against an intent, re-hashed, that bounds the price at 125000 EUR: the intent does not bound a price in USD.', { settlement: settled, intent: rehash(mut(intent, (d) => (d.billing_context.currency = 'EUR'))) }, reject('ERR_SETTLEMENT_OVER_INTENT'));
  settlement('links/record-without-status', 'A settlement record without its required status.', { settlement: mut(settled, (d) => delete d.status) }, reject('ERR_SCHEMA_REQUIRED'));
  settlement('links/quote-without-price', 'The settlement against a quote response without its required price_minor.', { settlement: settled, quote: mut(quote, (d) => delete d.price_minor) }, reject('ERR_SCHEMA_REQUIRED'));
  settlement('links/intent-without-billing', 'The settlement against a governed intent without its required billing_context.', { settlement: settled, intent: mut(intent, (d) => delete d.billing_context) }, reject('ERR_SCHEMA_REQUIRED'));
  settlement('links/dispute-without-status', 'The settlement against a dispute without its required status.', { settlement: settled, dispute: mut(dispute, (d) => delete d.status) }, reject('ERR_SCHEMA_REQUIRED'));
  // intent (SPEC.md 12.3): a call given in part, and calls that are not an object of strings.
  const callVector = (name, description, call, expect) => vector(`intent/call/${name}`, '12.3', description, { intent, call }, at(T0), expect);
  callVector('tool-name-only', 'A call that names only its tool, execute_review, the intent\'s: what is absent is not compared, so it is the intent\'s call.', { tool_name: 'execute_review' }, accept());
  callVector('tool-server-only-another', 'A call that names only its tool server, another than the intent\'s.', { tool_server: 'provider-elsewhere' }, reject('ERR_INTENT_TOOL_MISMATCH'));
  callVector('not-an-object', 'A call given as a string: a call is an object of strings.', 'execute_review', reject('ERR_USAGE_INVALID_ARGUMENT'));
  callVector('empty-array', 'A call given as an empty array: a call is an object of strings, and an array is none.', [], reject('ERR_USAGE_INVALID_ARGUMENT'));
  callVector('unknown-member', 'A call with a member other than capability_id, tool_server and tool_name.', { tool_name: 'execute_review', tool: 'x' }, reject('ERR_USAGE_INVALID_ARGUMENT'));
  callVector('capability-not-a-string', 'A call whose capability_id is a number.', { capability_id: 7, tool_server: 'provider-security-review', tool_name: 'execute_review' }, reject('ERR_USAGE_INVALID_ARGUMENT'));
  callVector('tool-server-not-a-string', 'A call whose tool_server is a number.', { capability_id: procurement.id, tool_server: 7, tool_name: 'execute_review' }, reject('ERR_USAGE_INVALID_ARGUMENT'));
  callVector('tool-name-not-a-string', 'A call whose tool_name is a number.', { capability_id: procurement.id, tool_server: 'provider-security-review', tool_name: 7 }, reject('ERR_USAGE_INVALID_ARGUMENT'));
  vector('intent/links/without-billing', '12.3', 'A governed intent without its required billing_context.', { intent: mut(intent, (d) => delete d.billing_context) }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
  // receipt (SPEC.md 12.4): an intent that is not intact, and each receipt of the two refused.
  const staleIntent = mut(intent, (d) => (d.billing_context.max_price_minor = 999999));
  vector('receipt/links/intent-not-intact', '12.4', 'The buyer\'s receipt against an intent whose price was raised after it was hashed: the intent fails its own hash.', { receipt: buyer, intent: staleIntent }, at(T0), reject('ERR_INTENT_HASH_MISMATCH'));
  vector('receipt/links/bilateral-intent-not-intact', '12.4', 'Both receipts against an intent whose price was raised after it was hashed.', { buyer_receipt: buyer, provider_receipt: provider, intent: staleIntent }, at(T0), reject('ERR_INTENT_HASH_MISMATCH'));
  vector('receipt/links/bilateral-buyer-another-capability', '12.4', 'The buyer\'s receipt, re-signed by its kernel, under another capability than the intent names.', { buyer_receipt: resign({ ...buyer, capability_id: 'cap-elsewhere' }, P.buyerKernel), provider_receipt: provider, intent }, at(T0), reject('ERR_RECEIPT_CAPABILITY_MISMATCH'));
  vector('receipt/links/bilateral-provider-another-server', '12.4', 'The provider\'s receipt, re-signed by its kernel, for the intent\'s tool on another tool server.', { buyer_receipt: buyer, provider_receipt: resign({ ...provider, tool_server: 'provider-elsewhere' }, P.providerKernel), intent }, at(T0), reject('ERR_INTENT_TOOL_MISMATCH'));
  vector('receipt/links/pair-without-intent-hash', '12.4', 'A receipt pair without its required intent_hash.', { pair: mut(pair, (d) => delete d.intent_hash), intent }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
  vector('receipt/links/receipt-without-id', '12.4', 'A receipt without its required id.', { receipt: mut(buyer, (d) => delete d.id), intent }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
  // mandate (SPEC.md 12.6): an intent mandate for any merchant, and payments the cart does not ask for.
  const anyMerchant = (merchants) => {
    const i = byUser(mut(intentMandate, (d) => (merchants === undefined ? delete d.merchants : (d.merchants = merchants))));
    const c = byMerchant(mut(cart, (d) => (d.intent_mandate_hash = documentHash(i))));
    return chainOf(i, c, payFor(c, i));
  };
  mandate('links/intent-mandate-without-cap', 'An intent mandate without its required spend_cap.', chainOf(mut(intentMandate, (d) => delete d.spend_cap), cart, payment), undefined, reject('ERR_SCHEMA_REQUIRED'));
  mandate('links/cart-mandate-without-contents', 'A cart mandate without its required contents.', chainOf(intentMandate, mut(cart, (d) => delete d.contents), payment), undefined, reject('ERR_SCHEMA_REQUIRED'));
  mandate('links/payment-mandate-without-contents', 'A payment mandate without its required payment_mandate_contents.', chainOf(intentMandate, cart, mut(payment, (d) => delete d.payment_mandate_contents)), undefined, reject('ERR_SCHEMA_REQUIRED'));
  mandate('links/merchants-absent', 'An intent mandate, re-proved, that names no merchants: any merchant is allowed, and the chain verifies.', anyMerchant(undefined), undefined, accept());
  mandate('links/merchants-null', 'An intent mandate, re-proved, whose merchants is null: any merchant is allowed, and the chain verifies.', anyMerchant(null), undefined, accept());
  mandate('links/pays-in-another-currency', 'The payment\'s total is the cart\'s value, 5.00, but in EUR where the cart is in USD.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.payment_details_total.amount.currency = 'EUR'))), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
  mandate('links/pays-another-merchant', 'The payment goes to another merchant agent than the cart\'s merchant.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.merchant_agent = 'Elsewhere Ltd'))), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
  mandate('links/payee-only-in-the-payment', 'A cart whose x402 method names no payee, and a payment that names one: the cart asks for no payee to hold the payment to, and the chain verifies.', chainOf(intentMandate, cartWithoutPayee, payFor(cartWithoutPayee)), undefined, accept());
  const numericPayee = byMerchant(mut(cart, (d) => (d.contents.payment_request.method_data[0].data.payTo = 12345)));
  mandate('links/payee-not-a-string', 'A cart whose x402 method gives payTo as a number, and a payment that names no payee: a payee is a string, so the cart names none, and the chain verifies.', chainOf(intentMandate, numericPayee, payFor(numericPayee, intentMandate, (d) => delete detailsOf(d).payTo)), undefined, accept());
  mandate('links/spent-null', 'What was spent given as null: it must be { currency, value }.', chainOf(intentMandate, cart, payment), null, reject('ERR_USAGE_INVALID_ARGUMENT'));
  mandate('links/spent-currency-not-a-string', 'What was spent given with a number for its currency.', chainOf(intentMandate, cart, payment), { currency: 5, value: '1.00' }, reject('ERR_USAGE_INVALID_ARGUMENT'));
  mandate('links/spent-value-not-a-string', 'What was spent given with a number for its value: a value is a decimal string.', chainOf(intentMandate, cart, payment), { currency: 'USD', value: 1 }, reject('ERR_USAGE_INVALID_ARGUMENT'));
  // A verification's now is a Unix second up to 253402300799, 9999-12-31T23:59:59Z (SPEC.md 6.2): one second later is the caller's mistake.
  const LAST = 253402300799;
  settlement('links/now-last-second', 'The reconciled settlement checked at now 253402300799 (9999-12-31T23:59:59Z), the last Unix second a verification may name.', { settlement: settled }, accept());
  vector('settlement/links/now-after-the-last-second', '6.2', 'The reconciled settlement checked at now 253402300800, one second past 9999-12-31T23:59:59Z: not a Unix second a verification may name.', { settlement: settled }, at(LAST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
  vector('intent/links/now-after-the-last-second', '6.2', 'The intent checked at now 253402300800, one second past the last Unix second a verification may name.', { intent }, at(LAST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
  vector('mandate/links/now-after-the-last-second', '6.2', 'The first payment\'s mandate chain checked at now 253402300800, one second past the last Unix second a verification may name.', chainOf(intentMandate, cart, payment), at(LAST + 1, { documents: [merchantDid] }), reject('ERR_USAGE_INVALID_ARGUMENT'));
  vector('receipt/links/now-after-the-last-second', '6.2', 'The buyer\'s receipt checked at now 253402300800, one second past the last Unix second a verification may name.', { receipt: buyer, intent }, at(LAST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
  vector('receipt/links/alone-now-after-the-last-second', '6.2', 'The buyer\'s receipt alone, without its intent, checked at now 253402300800, one second past the last Unix second a verification may name.', { receipt: buyer }, at(LAST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
  vector('receipt/links/bilateral-now-after-the-last-second', '6.2', 'Both receipts checked at now 253402300800, one second past the last Unix second a verification may name.', { buyer_receipt: buyer, provider_receipt: provider, intent }, at(LAST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
  vector('receipt/links/pair-now-after-the-last-second', '6.2', 'The receipt pair checked at now 253402300800, one second past the last Unix second a verification may name.', { pair, intent }, at(LAST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
  // Each artifact a declared transaction kind requires (SPEC.md 12.8), deleted from its bundle in turn.
  const docsIn = (name) => {
    const dir = join(EXAMPLES, 'transactions', name);
    return Object.fromEntries(listFiles(dir).filter((f) => f !== 'bundle-manifest.json').map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]));
  };
  const manifestOf = (name) => JSON.parse(readFileSync(join(EXAMPLES, 'transactions', name, 'bundle-manifest.json'), 'utf8'));
  for (const [name, now, context, cases] of [
    ['seven-station', NOV, pinned, [
      ['agent-credential', 'the agent\'s credential', ['identity/agent-credential.json'], []],
      ['merchant-credential', 'the merchant\'s credential', ['identity/merchant-credential.json'], []],
      ['agent-card', 'the agent card', ['manifest/agent-card.json'], []],
      ['capabilities', 'both capabilities (the agents\' root and the shopping agent\'s; the budget authorization, charged to the shopping agent\'s, is then held to no capability of the bundle)', ['capability/agents-root.json', 'capability/shopping-agent.json'], ['ERR_REPLAY_LINK_BROKEN']],
      ['governed-intent', 'the governed intent', ['intent/governed-intent.json'], []],
      ['intent-mandate', 'the intent mandate (the cart and the payment, which name its hash, are then chained to nothing)', ['mandates/intent-mandate.json'], ['ERR_MANDATE_CHAIN_BROKEN']],
      ['cart-mandate', 'the cart mandate (the payment, which names its hash, is then chained to nothing)', ['mandates/cart-mandate.json'], ['ERR_MANDATE_CHAIN_BROKEN']],
      ['payment-mandate', 'the payment mandate', ['mandates/payment-mandate.json'], []],
      ['budget-authorization', 'the budget authorization', ['settlement/budget-authorization.json'], []],
      ['spend-reconciliation', 'the spend reconciliation', ['settlement/spend-reconciliation.json'], []],
      ['intent-trace', 'the intent trace', ['receipts/intent-trace.json'], []],
    ]],
    ['commerce-network', AT, {}, [
      ['capability', 'the procurement capability (the budget authorization charged to it is then held to no capability of the bundle)', ['capability.json'], ['ERR_REPLAY_LINK_BROKEN']],
      ['governed-intent', 'the governed intent', ['contracts/governed-intent.json'], []],
      ['budget-authorization', 'the budget authorization', ['contracts/budget-authorization.json'], []],
      ['spend-reconciliation', 'the spend reconciliation', ['contracts/spend-reconciliation.json'], []],
      ['provider-receipt', 'the provider\'s receipt, leaving one of the two', ['receipts/provider.json'], []],
      ['fulfillment-package', 'the fulfillment package', ['contracts/fulfillment-package.json'], []],
    ]],
    ['incident-network', AT, {}, [
      ['governed-intent', 'the governed intent', ['intent/disable-edge-rule.json'], []],
      ['budget-authorization', 'the budget authorization (the executor\'s receipt then records a cost no budget consumed)', ['financial/budget.json'], ['ERR_BUNDLE_COST_MISMATCH']],
    ]],
  ]) {
    const docs = docsIn(name);
    const m = manifestOf(name);
    for (const [what, words, gone, also] of cases) {
      const rest = Object.fromEntries(Object.entries(docs).filter(([p]) => !gone.includes(p)));
      vector(`bundle/required/${name}/${what}-deleted`, '12.8', `Hide a missing hop: ${words} deleted from the ${m.transaction} bundle, its hash dropped from the manifest, which is left unsealed. The kind requires it.`, { files: bundle(rest, (d) => ((d.transaction = m.transaction), (d.bundle_id = m.bundle_id))) }, at(now, context), rejectAll('ERR_BUNDLE_REQUIRED_MISSING', ...also));
    }
  }
  // The bundle's ledgers and links (SPEC.md 12.8), each on one side of its condition.
  {
    const docs = docsIn('commerce-network');
    const b1 = docs['contracts/budget-authorization.json'];
    bundleVector('links/budget-naming-no-intent', 'The procurement bundle with its budget authorization naming no intent (intent_hash left out; the record is unsigned): only an authorization for an intent none of the bundle\'s intents hashes to is refused, and this one names none.', bundle({ ...docs, 'contracts/budget-authorization.json': mut(docs['contracts/budget-authorization.json'], (d) => delete d.intent_hash) }), AT, accept());
    const b2 = mut(b1, (d) => ((d.exposure.units = 25000), (d.invocation_count = 2), (d.total_exposure.units = 150000), (d.hold_id = 'hold-lattice-0002'), (d.decided_at += 60), delete d.approval));
    bundleVector('cost/authorization-no-reconciliation-settles', 'The procurement bundle with a second allowed budget authorization under the same grant (call 2, 25000 more, 150000 in all: a true record), which no spend reconciliation settles and no receipt records: its exposure is still held, so the budget the grant consumed (150000) is not what its receipts cost (125000).', bundle({ ...docs, 'contracts/budget-authorization-2.json': b2 }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
    const call2 = resign({ ...docs['receipts/buyer.json'], id: 'rcpt-019d921b-buyer-0002' }, P.buyerKernel);
    bundleVector('cost/second-authorization-with-its-call', 'The same second authorization beside a second buyer\'s receipt of the same tool under the grant (another id, signed again by its kernel, recording no cost): each authorization has its call, the receipts record no cost to compare, and the bundle verifies.', bundle({ ...docs, 'contracts/budget-authorization-2.json': b2, 'receipts/buyer-2.json': call2 }), AT, accept());
    const job2 = (d) => ((d.job_id = 'job_lattice_002'), d);
    const pkg2 = mut(docs['contracts/fulfillment-package.json'], job2);
    const set2 = mut(docs['contracts/settlement-reconciliation.json'], (d) => ((d.settlement_id = 'settlement_lattice_vanguard_002'), job2(d)));
    bundleVector('links/second-package-of-another-job', 'Beside this job\'s fulfillment package and settlement, a second package of another job (job_lattice_002) that no settlement of the bundle settles.', bundle({ ...docs, 'contracts/fulfillment-package-2.json': pkg2 }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN'));
    bundleVector('links/second-settlement-of-another-job', 'Beside this job\'s settlement, a second settlement of 125000 for another job (job_lattice_002), which no fulfillment package fulfils; the two settle 250000 where the spend reconciled is 125000.', bundle({ ...docs, 'contracts/settlement-reconciliation-2.json': set2 }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN', 'ERR_SETTLEMENT_AMOUNT_MISMATCH'));
    bundleVector('links/two-jobs-each-settled-and-fulfilled', 'Two jobs, each with its fulfillment package and its settlement of 125000: every package is settled and every settlement fulfilled, but the two settle 250000 where the spend reconciled is 125000.', bundle({ ...docs, 'contracts/fulfillment-package-2.json': pkg2, 'contracts/settlement-reconciliation-2.json': set2 }), AT, rejectAll('ERR_SETTLEMENT_AMOUNT_MISMATCH'));
  }
  bundleVector('links/receipt-alone', 'A bundle of the buyer\'s receipt alone: it holds no capability and no intent for the receipt to belong to, so there is nothing it fails to link to, and it verifies.', bundle({ 'receipts/buyer.json': buyer }), T0, accept());
  bundleVector('links/budget-without-intent', 'A bundle of the procurement capability and its allowed budget authorization, which names an intent hash: the bundle holds no intent, so the authorization\'s intent is not held to one; but no receipt records the call it allowed, so the budget it consumed has no call behind it.', bundle({ 'capability.json': procurement, 'budget.json': fixture('settlement/budget-authorization', 'allowed.commerce-network') }), T0, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
  {
    const i = byUser(mut(intentMandate, (d) => (d.spend_cap = { currency: 'EUR', value: d.spend_cap.value })));
    const c = byMerchant(mut(cart, (d) => (d.intent_mandate_hash = documentHash(i))));
    mandate('links/intent-cap-in-another-currency', 'An intent mandate, re-proved, capping the spend at 20.00 EUR, and a cart chained to it that honours 20.00 USD: the same figure in another currency is another cap.', chainOf(i, c, payFor(c, i)), undefined, reject('ERR_MANDATE_CAP_MISMATCH'));
  }
}
// (end of block: v-links)


// One document of any type, recognised or named, verified with the rest as its evidence (SPEC.md
// 13.2, profile document): what `writ verify <file>...` and verifyDocument answer.
// (block: document)
{
  const doc = (name, description, input, context, expect) => vector(`document/${name}`, '12', description, input, context, expect);
  const otherIntent = resign({ ...provider, intent_hash: `sha256:${'0'.repeat(64)}` }, P.providerKernel);
  doc('capability-with-its-chain', 'The Incident Network executor\'s capability, recognised from its members, with the rest of its chain as evidence: its chain verifies.', { document: executor, evidence: [root, vendor, coordinator] }, at(NOW1), accept());
  doc('capability-without-its-chain', 'The executor\'s capability with no evidence: its parent is not among the documents given.', { document: executor, evidence: [] }, at(NOW1), reject('ERR_CHAIN_PARENT_MISSING'));
  doc('capability-with-evidence-in-another-order', 'The executor\'s capability with its chain given leaf-side first: evidence is matched by id, in any order.', { document: executor, evidence: [coordinator, vendor, root] }, at(NOW1), accept());
  doc('evidence-that-is-no-document-is-left-out', 'The executor\'s capability with its chain and, among the evidence, an object of no type of the line and a number: they are left out, and the chain verifies.', { document: executor, evidence: [root, { hello: 'world' }, vendor, 42, coordinator] }, at(NOW1), accept());
  doc('revoked-by-the-evidence', 'The vendor liaison\'s capability with its root and the commander\'s revocation of it (revoked_at 1776272790) as evidence, at 1776272795: the document is among the evidence, so the revocation is judged against it and counts.', { document: vendor, evidence: [root, revocation] }, at(NOW1), reject('ERR_CHAIN_REVOKED'));
  doc('revoked-by-the-evidence-later', 'The same, at 1776272789, a second before the revocation: the capability is live.', { document: vendor, evidence: [root, revocation] }, at(revocation.revoked_at - 1), accept());
  doc('receipt-with-its-intent', 'The Agent Commerce Network buyer\'s receipt with its governed intent as evidence: it commits to the intent\'s recomputed hash.', { document: buyer, evidence: [intent] }, at(T0), accept());
  doc('receipt-of-another-intent', 'The provider\'s receipt, signed again by its kernel, committing to another intent hash than that of the intent given as evidence: an intent was given and it is not the one committed to, so the commitment is broken, not unanswered.', { document: otherIntent, evidence: [intent] }, at(T0), reject('ERR_RECEIPT_INTENT_MISMATCH'));
  doc('pair-with-its-intent', 'The Agent Commerce Network receipt pair with its governed intent as evidence: both receipts commit to the intent.', { document: pair, evidence: [intent] }, at(T0), accept());
  doc('pair-of-another-intent', 'The receipt pair, both receipts signed again by their kernels, committing to another intent hash than that of the intent given as evidence: an intent was given and it is not the pair\'s.', { document: { ...pair, intent_hash: otherIntent.intent_hash, buyer_receipt: resign({ ...pair.buyer_receipt, intent_hash: otherIntent.intent_hash }, P.buyerKernel), provider_receipt: resign({ ...pair.provider_receipt, intent_hash: otherIntent.intent_hash }, P.providerKernel) }, evidence: [intent] }, at(T0), reject('ERR_RECEIPT_INTENT_MISMATCH'));
  doc('type-named', 'The buyer\'s receipt with its type named (receipt/tool-call) and its intent: verified as that type.', { document: buyer, evidence: [intent], type: 'receipt/tool-call' }, at(T0), accept());
  doc('type-named-wrongly', 'The buyer\'s receipt named as a capability token: it is validated as one, and a capability token requires an issuer, which a receipt does not have.', { document: buyer, evidence: [intent], type: 'capability/token' }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
  doc('undetected', 'An object with no member any type of the line is recognised by: no type, so nothing to verify it as.', { document: { hello: 'world' } }, at(T0), reject('ERR_SCHEMA_UNDETECTED'));
  doc('evidence-not-a-list', 'The executor\'s capability with evidence that is an object, not a list of documents: a malformed input.', { document: executor, evidence: { root } }, at(NOW1), reject('ERR_USAGE_INVALID_ARGUMENT'));
  doc('context-before-the-document', 'An object of no type of the line, verified at 253402300800, one second past 9999-12-31T23:59:59Z: a malformed context is refused before the document is read.', { document: { hello: 'world' } }, at(253402300800), reject('ERR_USAGE_INVALID_ARGUMENT'));
  doc('negative-zero', 'The buyer\'s receipt as a JSON text whose timestamp is -0: the schema reads it as 0, but signed content holding -0 canonicalises as 0, so two texts would share one signature, and it is refused.', { document_text: JSON.stringify(buyer).replace(/"timestamp":\d+/, '"timestamp":-0'), evidence: [intent] }, at(T0), reject('ERR_JSON_NEGATIVE_ZERO'));
  doc('receipt-without-an-intent', 'The provider\'s receipt committing to another intent hash, with no intent given: the commitment is unchecked (a warning), and the signature verifies.', { document: otherIntent, evidence: [] }, at(T0), accept());
}
// (end of block: document)

// (block: v-document-2)
{
  // verifyDocument with evidence the subject depends on (SPEC.md 12, 12.2, 12.5): named types
  // that the document is not, a revocation under a forked ancestor, spend reconciliations beside
  // authorizations of another capability or grant.
  const doc2 = (name, description, input, context, expect) => vector(`document/${name}`, '12', description, input, context, expect);
  const seven2 = Object.fromEntries(Object.entries(sevenFiles).filter(([f]) => f !== 'bundle-manifest.json').map(([f, { base64 }]) => [f, JSON.parse(Buffer.from(base64, 'base64url').toString('utf8'))]));
  // A signed revocation counts only when its signer issued the capability or an ancestor, none of
  // them held twice under one id (SPEC.md 12.2): here the genuine vendor liaison capability is listed last.
  doc2('revocation-of-a-child-of-a-forked-id-genuine-last', 'The commander\'s signed revocation of the provider coordinator\'s capability, with the root, a self-signed fork of the vendor liaison capability\'s id, the genuine vendor liaison capability (listed after the fork) and the coordinator\'s capability as evidence: the coordinator\'s parent is held twice under one id, so nothing shows the commander issued an ancestor, and the revocation is not authorized.', { document: resign({ ...revocation, capability_id: coordinator.id }, P.commander), evidence: [root, forkedVendor, vendor, coordinator] }, at(NOW1), reject('ERR_KEY_NOT_AUTHORIZED'));
  // A type named is the type the document is validated as (SPEC.md 12): a document missing a member that type requires is refused by its schema.
  const task = fixture('task/task-created', 'incident-network');
  const { task_id: _tid, ...taskWithoutId } = task;
  doc2('task-created-named-without-its-task-id', 'The Incident Network task with its type named (task/task-created) and its task_id, a member the type requires, removed: its schema refuses it.', { document: taskWithoutId, type: 'task/task-created' }, at(AT), reject('ERR_SCHEMA_REQUIRED'));
  const denial = fixture('task/process-task-response', 'revoked-ancestor.incident-network');
  doc2('process-task-response-named-without-its-execution', 'An object holding none of the members of a provider\'s answer, named as one (task/process-task-response): execution, a member the type requires, is missing, so its schema refuses it.', { document: { ...mut(denial, (d) => delete d.execution) }, type: 'task/process-task-response' }, at(AT), reject('ERR_SCHEMA_REQUIRED'));
  const PM2 = seven2['mandates/payment-mandate.json'];
  const IM2 = seven2['mandates/intent-mandate.json'];
  const { payment_mandate_contents: _pmc, ...pmWithoutContents } = PM2;
  doc2('payment-mandate-named-without-its-contents', 'The seven-station payment mandate with its type named (mandate/payment-mandate) and its payment_mandate_contents, a member the type requires, removed: its schema refuses it.', { document: pmWithoutContents, type: 'mandate/payment-mandate' }, at(NOV, pinned), reject('ERR_SCHEMA_REQUIRED'));
  const { spend_cap: _cap, ...imWithoutCap } = IM2;
  doc2('intent-mandate-named-without-its-spend-cap', 'The seven-station intent mandate with its type named (mandate/intent-mandate) and its spend_cap, a member the type requires, removed: its schema refuses it.', { document: imWithoutCap, type: 'mandate/intent-mandate' }, at(NOV, pinned), reject('ERR_SCHEMA_REQUIRED'));
  // A spend reconciliation is checked against the allowed authorization of its own capability and
  // grant (SPEC.md 12.5), not against the first authorization given.
  const R2 = seven2['settlement/spend-reconciliation.json'];
  const A2 = seven2['settlement/budget-authorization.json'];
  const RECEIPT2 = seven2['receipts/buyer-receipt.json'];
  doc2('spend-reconciled-beside-an-authorization-of-another-capability', 'The seven-station spend reconciliation with, as evidence, an allowed authorization of the same exposure under another capability id listed first, then its own authorization and the buyer\'s receipt: it is checked against the authorization of its own capability and grant, which it reconciles.', { document: R2, evidence: [mut(A2, (d) => (d.capability_id = `${d.capability_id}-other`)), A2, RECEIPT2] }, at(NOV, pinned), accept());
  doc2('spend-reconciled-beside-an-authorization-of-another-grant', 'The seven-station spend reconciliation with, as evidence, an allowed authorization of the same exposure and capability under another grant index listed first, then its own authorization and the buyer\'s receipt: it is checked against the authorization of its own grant, which it reconciles.', { document: R2, evidence: [mut(A2, (d) => (d.grant_index += 1)), A2, RECEIPT2] }, at(NOV, pinned), accept());
}
// (end of block: v-document-2)

// (block: v-small)
// Mutation boundaries of src/verify/bundle-ledger.ts: the ledger of each grant and the settlement's currency (SPEC.md 12.8).
{
  const dir = join(EXAMPLES, 'transactions', 'commerce-network');
  const docs = Object.fromEntries(listFiles(dir).filter((f) => f !== 'bundle-manifest.json').map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]));
  const b1 = docs['contracts/budget-authorization.json'];
  const call2 = resign({ ...docs['receipts/buyer.json'], id: 'rcpt-019d921b-buyer-0002' }, P.buyerKernel);
  const second = (units, currency = 'USD') => mut(b1, (d) => ((d.exposure = { units, currency }), delete d.invocation_count, delete d.total_exposure, (d.hold_id = 'hold-lattice-0002'), (d.decided_at += 60), delete d.approval));
  bundleVector('ledger/second-call-past-the-total', 'The procurement bundle with a second allowed budget authorization under grant 1 (30000 USD, below the approval threshold, recording no counts, so true alone) and a second buyer\'s receipt for its call: the two authorizations allowed under the grant sum to 155000, past its max_total_cost of 150000.', bundle({ ...docs, 'contracts/budget-authorization-2.json': second(30000), 'receipts/buyer-2.json': call2 }), AT, rejectAll('ERR_BUDGET_TOTAL_EXCEEDED'));
  bundleVector('ledger/two-records-without-counts', 'The procurement bundle with its budget authorization recording no counts, a second one under grant 1 (25000 USD) recording none either, and a second buyer\'s receipt: 150000 in all is within max_total_cost, two calls within max_invocations, and records that claim no place in the count do not claim the same one.', bundle({ ...docs, 'contracts/budget-authorization.json': mut(b1, (d) => (delete d.invocation_count, delete d.total_exposure)), 'contracts/budget-authorization-2.json': second(25000), 'receipts/buyer-2.json': call2 }), AT, accept());
  bundleVector('ledger/record-under-an-uncapped-grant', 'The procurement bundle with a second allowed budget authorization, under grant 0 (procurement_quote_read, which has no caps): call 1 with 0 USD exposed, a true record. It is counted under its own grant, not grant 1 (where it would be a second call 1), and a grant with no caps is exceeded by nothing; it consumed nothing, so no receipt need record it.', bundle({ ...docs, 'contracts/budget-authorization-0.json': mut(b1, (d) => ((d.grant_index = 0), (d.exposure = { units: 0, currency: 'USD' }), (d.total_exposure = { units: 0, currency: 'USD' }), (d.hold_id = 'hold-lattice-0000'), delete d.approval)) }), AT, accept());
  bundleVector('ledger/second-call-in-another-currency', 'The procurement bundle with a second authorization under grant 1 recorded as allowed with 30000 EUR exposed, and a second buyer\'s receipt: the grant\'s caps are in USD, so the exposure is refused (ERR_BUDGET_CURRENCY_MISMATCH) and the record that says allowed is ERR_BUDGET_DECISION_MISMATCH; an exposure in another currency is not added to the USD total, so max_total_cost is not exceeded.', bundle({ ...docs, 'contracts/budget-authorization-2.json': second(30000, 'EUR'), 'receipts/buyer-2.json': call2 }), AT, rejectAll('ERR_BUDGET_DECISION_MISMATCH'));
  const set0 = mut(docs['contracts/settlement-reconciliation.json'], (d) => ((d.settlement_id = 'settlement_lattice_vanguard_000'), (d.currency = 'EUR'), (d.settled_amount_minor = 0)));
  bundleVector('links/settlements-in-two-currencies', 'The procurement bundle with a second settlement of the same job, listed first, in EUR settling 0: the settled amounts add up to the 125000 reconciled, but the settlements are not all in one currency (and the EUR settlement is not in the currency of the USD quote it is checked against, ERR_SETTLEMENT_QUOTE_MISMATCH).', bundle({ 'contracts/settlement-reconciliation-0.json': set0, ...docs }), AT, rejectAll('ERR_SETTLEMENT_AMOUNT_MISMATCH', 'ERR_SETTLEMENT_QUOTE_MISMATCH'));
  bundleVector('links/spend-reconciled-in-another-currency', 'The procurement bundle with its spend reconciliation recording 125000 EUR charged and 125000 EUR actual: the authorization it reconciles charged 125000 USD, not that amount (ERR_REPLAY_LINK_BROKEN); the allowed authorization is then settled by no reconciliation, so it and the reconciliation each consume budget for a call where the receipts record one (ERR_BUNDLE_COST_MISMATCH); and the settlement of 125000 USD and the reconciled spend are not in one currency, though their figures agree (ERR_SETTLEMENT_AMOUNT_MISMATCH).', bundle({ ...docs, 'contracts/spend-reconciliation.json': mut(docs['contracts/spend-reconciliation.json'], (d) => ((d.charged.currency = 'EUR'), (d.actual.currency = 'EUR'))) }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH', 'ERR_REPLAY_LINK_BROKEN', 'ERR_SETTLEMENT_AMOUNT_MISMATCH'));
  const spend0 = mut(docs['contracts/spend-reconciliation.json'], (d) => ((d.receipt_id = call2.id), (d.charged = { units: 0, currency: 'EUR' }), (d.actual = { units: 0, currency: 'EUR' })));
  bundleVector('links/second-spend-in-another-currency', 'The procurement bundle with a second spend reconciliation, listed first, of 0 EUR for a second buyer\'s receipt: the reconciled figures (125000 and 0) add up to the 125000 settled, but the settlement in USD and the reconciled spend are not all in one currency.', bundle({ 'contracts/spend-reconciliation-0.json': spend0, ...docs, 'receipts/buyer-2.json': call2 }), AT, rejectAll('ERR_SETTLEMENT_AMOUNT_MISMATCH'));
  const early = resign(mut(fixture('receipt/tool-call', 'denied-over-budget'), (d) => (d.timestamp = docs['capability.json'].issued_at - 60)), P.buyerKernel);
  bundleVector('links/denial-before-the-capability', 'The procurement bundle with a buyer\'s receipt, signed again by its kernel, that records a denied call (cost 0) 60 seconds before the procurement capability was issued: only a receipt that records an allowed call is checked against its chain at its timestamp (an allow when the chain was not usable would be a silent allow); a denial is none, and the bundle verifies.', bundle({ ...docs, 'receipts/buyer-denied.json': early }), AT, accept());
  const intent2 = rehash(mut(docs['contracts/governed-intent.json'], (d) => ((d.intent_id = 'intent_lattice_vanguard_002'), (d.billing_context.scheme = 'fixed'), delete d.billing_context.quote_id)));
  bundleVector('links/second-intent-names-no-quote', 'The procurement bundle with a second governed intent, re-hashed, at a fixed price that names no quote: only an intent priced on a quote must have it among the bundle\'s quotes, and this one names none.', bundle({ ...docs, 'contracts/governed-intent-2.json': intent2 }), AT, accept());
}
{
  // Mutation boundaries of src/verify/common.ts and intent.ts, through the document profile (SPEC.md 5.3, 3).
  const reversed = fixture('settlement/dispute', 'reversed');
  vector('document/dispute-resolved-before-opened', '5.3', 'A settlement dispute, verified as a document, resolved one second before it was opened: it is schema-valid, but the document rule resolved-after-opened (resolved_at >= opened_at) of settlement/dispute fails, and every document\'s rules apply.', { document: { ...reversed, resolved_at: reversed.opened_at - 1 } }, at(T0), reject('ERR_RULE_TIME_ORDER'));
  const free = rehash(mut(intent, (d) => (d.billing_context.max_price_minor = 0)));
  vector('document/intent-holding-negative-zero', '3', 'The governed intent with a worst-case price of 0, re-hashed, as a JSON text that writes the 0 as -0: the schema reads it as 0 and its hash is computed over 0, but hashed content holding -0 canonicalises as 0, so two texts would share one hash, and it is refused.', { document_text: JSON.stringify(free).replace('"max_price_minor":0', '"max_price_minor":-0') }, at(T0), reject('ERR_JSON_NEGATIVE_ZERO'));
  vector('receipt/pair-without-intent-hash-now-after-the-last-second', '12', 'A receipt pair without its required intent_hash, checked at now 253402300800, one second past the last Unix second a verification may name: a malformed context is ERR_USAGE_INVALID_ARGUMENT (SPEC.md 12), and the question is refused before the pair is read, as for every verifier (document/context-before-the-document).', { pair: mut(pair, (d) => delete d.intent_hash), intent }, at(253402300800), reject('ERR_USAGE_INVALID_ARGUMENT'));
}
// (end of block: v-small)

// (block: v-vset)
// The strict reader's strings (SPEC.md 3): a control character must be escaped, wherever it stands
// in a string (first, or after an escape), and a space, escaped or not, is an ordinary character.
{
  vector('document/text-control-character-first-in-a-string', '3', 'A document text whose member value is a string holding only a raw U+0001, unescaped: RFC 8259 requires a control character inside a string to be escaped, so the text is not JSON.', { document_text: '{"type":"\u0001"}' }, at(0), reject('ERR_JSON_SYNTAX'));
  vector('document/text-space-after-an-escape', '3', 'A document text whose first member value is a string with an escaped newline followed by a space, and which then names that member again: the string is JSON (a space needs no escape), and the member given twice is refused.', { document_text: '{"note":"a\\n b","note":1}' }, at(0), reject('ERR_JSON_DUPLICATE_KEY'));
}
{
  // A delegated fix requires two capability tokens at least, a root and a delegate (SPEC.md 12.8).
  const { 'capabilities/vendor-liaison-agent.json': _v, 'capabilities/provider-coordinator.json': _c, 'capabilities/provider-executor.json': _e, ...rootOnly } = smoke;
  bundleVector('incident-network/one-capability-declared', 'Hide a missing hop: a delegated-fix bundle holding every required artifact but only the root capability, its three delegates deleted. The kind requires two capabilities, a root and a delegate; and the executor\'s receipt is under none of the capabilities the bundle holds.', bundle(rootOnly, (m) => (m.transaction = 'delegated-fix')), AT, rejectAll('ERR_BUNDLE_REQUIRED_MISSING', 'ERR_REPLAY_LINK_BROKEN'));
}
// (end of block: v-vset)

// (block: v-trace-cap)
// Mutation boundaries of src/verify/capability.ts and src/verify/trace.ts.
{
  // A capability is valid at now when issued_at <= now < expires_at (SPEC.md 12.2, step 7): at
  // the very second it is issued it is valid.
  vector('chain/used-at-its-issued-at', '12.2', 'The executor\'s capability checked at now equal to its issued_at (every capability above it issued earlier, none expired): issued_at <= now, so the chain is valid at that second and verifies.', chainInput(executor), at(executor.issued_at), accept());
  vector('chain/root-used-at-its-issued-at', '12.2', 'The root capability used alone at now equal to its issued_at: issued_at <= now < expires_at holds, so it verifies.', chainInput(root, []), at(root.issued_at), accept());
  // Values among the evidence that are not capabilities (SPEC.md 12.2: the chain is walked among
  // the capabilities given): null has no id, names no capability, and is passed over.
  vector('chain/evidence-holding-null', '12.2', 'The executor\'s chain with null, a string and a number among the capabilities given, after its three ancestors: none of them is a capability (no string id), so no parent id can name one, and the chain verifies.', chainInput(executor, [root, vendor, coordinator, null, 'capability', 7]), at(NOW1), accept());
  vector('chain/evidence-null-first', '12.2', 'The executor\'s chain with null given before its three ancestors among the capabilities: null is not a capability and is passed over, so the chain verifies.', chainInput(executor, [null, root, vendor, coordinator]), at(NOW1), accept());

  // The trace's credential reference is the agent credential's id and hash (SPEC.md 12.9,
  // receipts): the right hash under another id is a broken reference, not a match.
  const { policy, sealed } = seven;
  replay('seven-station/replay-boundaries/trace-credential-id-not-the-credentials', 'The intent trace, proved again by the recorder, names the bundle\'s agent credential by its hash but under another id: the credential reference must be the agent credential\'s id and hash, both, and the bundle holds no agent credential of that id, so the receipts hop rejects.', sealed(seven.transaction({}, { trace: (t) => (t.references.identity_credential.id = 'urn:uuid:7f1c2d3e-0000-4000-8000-00000000c0de') })), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' }, policy);
}
// (end of block: v-trace-cap)
// (block: v-replay-2)
// Mutation boundaries of src/verify/replay.ts: where each check of a replay reports (SPEC.md 12.9),
// and the link rules that pick one document among several of a type. The seven-station
// transaction as in the block "replay links" (every changed document signed again by its party,
// every link by hash made to follow, the bundle sealed again by the recorder); a document added
// at the front of the manifest comes first in the bundle's order.
{
  const { original, policy, sealed } = seven;
  const { transaction } = seven;
  const one = (name, description, d, failures) => replay(`seven-station/replay-links-2/${name}`, description, sealed(d), NOV, failures, policy);

  // capability chain: a lineage record that disagrees with the capabilities (SPEC.md 12.8, 12.9).
  one('lineage-puts-the-agent-one-level-deeper', 'The lineage record (unsigned) lists the root, then a capability the bundle does not hold at depth 1, then the shopping agent\'s capability at depth 2 under it: the record keeps its own rule (each entry one level below its parent), but the capability states depth 1, so the lineage does not agree with the capabilities on its depth (ERR_CHAIN_DEPTH_MISMATCH), which the capability chain hop reports.', transaction({ 'capability/lineage.json': (l) => { l.chain.splice(1, 0, { id: 'cap-dreamineering-intermediary-0001', delegation_depth: 1, parent_capability_id: l.chain[0].id }); l.chain[2].delegation_depth = 2; l.chain[2].parent_capability_id = 'cap-dreamineering-intermediary-0001'; } }), { capability_chain: 'ERR_CHAIN_DEPTH_MISMATCH' });

  // settlement: the bundle's ledger reports to the settlement hop (SPEC.md 12.8).
  {
    const d = transaction();
    const again = mut(d['settlement/budget-authorization.json'], (b) => ((b.hold_id = 'hold-dreamineering-0002'), (b.decided_at += 1)));
    one('two-authorizations-claim-one-call', 'A second allowed budget authorization (unsigned) under the shopping agent\'s grant, another hold a second later, that also says it is call 1 with 500 USD exposed in all: true alone, but two records claiming one invocation_count is ERR_BUDGET_DECISION_MISMATCH, which the settlement hop reports; no spend reconciliation settles the second, so its exposure is a budget consumed with no call behind it, and the receipts hop rejects with ERR_BUNDLE_COST_MISMATCH.', { ...d, 'settlement/budget-authorization-2.json': again }, { settlement: 'ERR_BUDGET_DECISION_MISMATCH', receipts: 'ERR_BUNDLE_COST_MISMATCH' });
  }

  // capability chain: the intent's capability is a capability of the bundle, not any document of that id.
  one('intent-capability-is-the-credential-id', 'The governed intent, hashed again, names as its capability the id of the agent credential (urn:uuid:...), a document of the bundle that is no capability: the intent\'s capability is not in the bundle, so the capability chain hop rejects; and both receipts, signed again for the new intent, name the shopping agent\'s capability, not the intent\'s, so the receipts hop rejects with ERR_RECEIPT_CAPABILITY_MISMATCH.', transaction({ 'intent/governed-intent.json': (i) => (i.capability_id = original['identity/agent-credential.json'].id) }), { capability_chain: 'ERR_REPLAY_LINK_BROKEN', receipts: 'ERR_RECEIPT_CAPABILITY_MISMATCH' });

  // settlement: every reconciled actual cost is in the payment's currency, not only one of them.
  {
    const d = transaction({ 'receipts/provider-receipt.json': (r) => delete r.cost });
    const spend = mut(d['settlement/spend-reconciliation.json'], (r) => ((r.receipt_id = d['receipts/provider-receipt.json'].id), (r.charged = { units: 0, currency: 'EUR' }), (r.actual = { units: 0, currency: 'EUR' }), (r.reconciled_at += 1)));
    one('second-spend-reconciled-in-euros', 'A second spend reconciliation (unsigned) of 0 EUR charged and 0 EUR actual under the shopping agent\'s grant, for the provider\'s receipt, which, signed again by its kernel, records no cost: the reconciled actual costs add up to 500 but are not all in USD, the payment mandate\'s currency, so they are not its total of 5.00 USD and the settlement hop rejects; the two reconciliations consume budget for two calls where the receipts record one under the grant, so the receipts hop rejects with ERR_BUNDLE_COST_MISMATCH.', { ...d, 'settlement/spend-reconciliation-2.json': spend }, { settlement: 'ERR_REPLAY_LINK_BROKEN', receipts: 'ERR_BUNDLE_COST_MISMATCH' });
  }

  // settlement: a reconciliation needs an allowed authorization of its grant, not that every authorization is one.
  {
    const d = transaction();
    const denied = mut(d['settlement/budget-authorization.json'], (b) => ((b.exposure = { units: 600, currency: 'USD' }), (b.decision = 'denied'), (b.denial = 'max_cost_per_invocation'), delete b.invocation_count, delete b.total_exposure, (b.hold_id = 'hold-dreamineering-0000'), (b.decided_at -= 10)));
    one('denied-authorization-beside-the-allowed-one', 'A denied budget authorization (unsigned) under the shopping agent\'s grant, listed first: 600 USD exposed, over the grant\'s max_cost_per_invocation of 500, recorded as denied by that limit (a true record). The spend reconciliation has the allowed authorization of its grant beside it, a denial consumes no budget, and every hop accepts.', { 'settlement/budget-authorization-0.json': denied, ...d }, {});
  }

  // receipts: the pair is made of the intent's receipts; a receipt of another intent the bundle holds is none of them.
  const secondIntent = (d) => rehash(mut(d['intent/governed-intent.json'], (i) => (i.intent_id = 'intent_dreamineering_market_report_0002')));
  const forIntent = (r, intent, kernel, id) => resign(mut(r, (x) => ((x.intent_hash = intent.intent_hash), delete x.cost, id === undefined ? undefined : (x.id = id))), kernel);
  const naming = (b) => mut(b, (x) => delete x.intent_hash);
  {
    const d = transaction();
    const other = secondIntent(d);
    const buyer = resign(mut(d['receipts/buyer-receipt.json'], (r) => (r.intent_hash = other.intent_hash)), P.agentKernel);
    const trace = reprove(mut(d['receipts/intent-trace.json'], (t) => (t.references.receipt_hashes[0] = documentHash(buyer))), P.recorder);
    one('buyer-receipt-for-a-second-intent', 'A second governed intent (another intent_id, hashed again) beside the first, and the buyer\'s receipt, signed again by its kernel, commits to the second (the trace, proved again, lists its new hash; the budget authorization names no intent): the buyer\'s receipt verifies against the intent it commits to, which the bundle holds, but whichever intent is the transaction\'s, the bundle lacks one of its two receipts, a buyer\'s and a provider\'s of that intent, so the receipts hop rejects with ERR_REPLAY_LINK_BROKEN before any other pair is tried.', { ...d, 'intent/governed-intent-2.json': other, 'settlement/budget-authorization.json': naming(d['settlement/budget-authorization.json']), 'receipts/buyer-receipt.json': buyer, 'receipts/intent-trace.json': trace }, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  }
  {
    const d = transaction();
    const other = secondIntent(d);
    one('receipt-pair-for-a-second-intent', 'A second governed intent (another intent_id, hashed again) beside the first, with its own pair of receipts (new ids, no cost, signed by the buyer\'s and the provider\'s kernels; the budget authorization names no intent): each receipt verifies against the intent it commits to, which the bundle holds, and whichever intent is the transaction\'s it has its pair, but the two receipts of the other intent do not commit to it, so the receipts hop rejects with ERR_RECEIPT_INTENT_MISMATCH.', { ...d, 'intent/governed-intent-2.json': other, 'settlement/budget-authorization.json': naming(d['settlement/budget-authorization.json']), 'receipts/buyer-receipt-2.json': forIntent(d['receipts/buyer-receipt.json'], other, P.agentKernel, 'rcpt-dreamineering-agent-0002'), 'receipts/provider-receipt-2.json': forIntent(d['receipts/provider-receipt.json'], other, P.toolsKernel, 'rcpt-dreamineering-tools-0002') }, { receipts: 'ERR_RECEIPT_INTENT_MISMATCH' });
  }
  {
    const d = transaction();
    one('provider-receipt-first-in-the-manifest', 'The seven-station transaction with the provider\'s receipt listed first in the manifest, before every other file: the buyer of the pair is the intent\'s other receipt, never the provider\'s one again, and every hop accepts.', { 'receipts/provider-receipt.json': d['receipts/provider-receipt.json'], ...d }, {});
  }

  // receipts: a trace's settlement proof is bound to the payment its mandate_hash names, and to that payment's cart.
  {
    const d = transaction();
    const payment = reprove(mut(d['mandates/payment-mandate.json'], (p) => ((p.payment_mandate_contents.payment_mandate_id = 'pm-2026-11-01-0000'), (p.payment_mandate_contents.payment_response.details.payer = '0x51be77c0ffee0000000000000000000000000002'))), P.user);
    one('trace-names-the-second-payment', 'A second payment mandate of 5.00 USD under the same cart (another id, paid by 0x51be...0002, signed by the user), listed first in the manifest; the trace names the original payment by its mandate_hash, and its settlement proof is paid by that payment\'s payer: the proof is bound to the payment the trace names, not to the first of the bundle; the two payments are within the 20.00 cap, and every hop accepts.', { 'mandates/payment-mandate-0.json': payment, ...d }, {});
  }
  {
    const d = transaction();
    const cart = reprove(mut(d['mandates/cart-mandate.json'], (c) => ((c.contents.id = 'cart-dreamineering-0000'), (c.contents.payment_request.method_data[0].data.network = 'eip155:1'))), P.merchant);
    one('payment-names-the-second-cart', 'A second cart mandate from Dreamineering under the same intent mandate (another id, its x402 method on eip155:1, proved by Dreamineering), listed first in the manifest, which no payment pays; the payment names the original cart, on eip155:8453 as the settlement proof is: the proof is bound through the cart of the payment the trace names, not the first cart of the bundle, and every hop accepts.', { 'mandates/cart-mandate-0.json': cart, ...d }, {});
  }

  // receipts: USDC's units track USD; a payment in another currency cannot be bound to them.
  one('payment-in-euros-proved-in-usdc', 'The intent mandate (signed again by the user) caps the spend at 20.00 EUR, and the cart (proved again by Dreamineering) and the payment (signed again by the user) are for 5.00 EUR, while the cart\'s x402 method still names USDC and the settlement proof pays 5000000 USDC units: USDC tracks USD, so the proof\'s amount cannot be bound to 5.00 EUR, and the receipts hop rejects; the intent is still priced in USD, not within the cap in its currency (mandates hop), and the costs reconciled and settled in USD are not the payment\'s EUR total (settlement hop).', transaction({
    'mandates/intent-mandate.json': (m) => (m.spend_cap.currency = 'EUR'),
    'mandates/cart-mandate.json': (c) => { c.spend_cap.currency = 'EUR'; c.contents.payment_request.details.total.amount.currency = 'EUR'; c.contents.payment_request.details.display_items[0].amount.currency = 'EUR'; },
    'mandates/payment-mandate.json': (p) => (p.payment_mandate_contents.payment_details_total.amount.currency = 'EUR'),
  }), { mandates: 'ERR_REPLAY_LINK_BROKEN', settlement: 'ERR_REPLAY_LINK_BROKEN', receipts: 'ERR_REPLAY_LINK_BROKEN' });
}
// (end of block: v-replay-2)
// (block: v-bundle-3)
// Mutation boundaries of src/verify/bundle.ts, costIssues (SPEC.md 12.8): which allowed
// authorization a spend reconciliation settles, and a budget of nothing consumed by more records
// than the calls the receipts record.
{
  const dir = join(EXAMPLES, 'transactions', 'commerce-network');
  const docs = Object.fromEntries(listFiles(dir).filter((f) => f !== 'bundle-manifest.json').map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]));
  const b1 = docs['contracts/budget-authorization.json'];
  const buyerReceipt = docs['receipts/buyer.json'];
  // A reconciliation settles the allowed authorization of its grant whose exposure is what it
  // charged, not the first of the grant's in the same currency: the 25000 authorization, listed
  // first, is settled by none and still holds its exposure.
  const smaller = mut(b1, (d) => ((d.exposure = usd(25000)), delete d.invocation_count, delete d.total_exposure, (d.hold_id = 'hold-lattice-0002'), (d.decided_at += 60), delete d.approval));
  const costed = resign({ ...buyerReceipt, cost: usd(125000) }, P.buyerKernel);
  const call2 = resign({ ...buyerReceipt, id: 'rcpt-019d921b-buyer-0002', cost: usd(25000) }, P.buyerKernel);
  bundleVector('cost/commerce-network/reconciliation-settles-the-authorization-it-charged', 'The procurement bundle with a second allowed budget authorization under grant 1, listed first, exposing 25000 USD (below the approval threshold, recording no counts), the buyer\'s receipt recording its cost of 125000 and a second buyer\'s receipt recording 25000: the spend reconciliation (charged 125000, actual 125000) settles the authorization whose exposure it charged, 125000, not the 25000 one listed first, which no reconciliation settles and which still holds its exposure; the budget consumed is 125000 + 25000 for two calls, what the two receipts cost.', bundle({ 'contracts/budget-authorization-2.json': smaller, ...docs, 'receipts/buyer.json': costed, 'receipts/buyer-2.json': call2 }), AT, accept());
  // Two allowed authorizations of nothing under grant 0 and one free call: each consumes budget
  // for one call, and only one call is recorded; a budget of nothing is excused only when no
  // receipt is charged to the grant.
  const nothing = (hold, later) => mut(b1, (d) => ((d.grant_index = 0), (d.exposure = usd(0)), delete d.invocation_count, delete d.total_exposure, (d.hold_id = hold), (d.decided_at += later), delete d.approval));
  const quoteRead = resign({ ...buyerReceipt, id: `${buyerReceipt.id}-quote-read`, tool_name: 'procurement_quote_read', cost: usd(0) }, P.buyerKernel);
  bundleVector('cost/commerce-network/two-free-records-one-free-call', 'The procurement bundle with two allowed budget authorizations under grant 0 (procurement_quote_read, no caps), each exposing 0 USD, and one allowed call of procurement_quote_read costing 0: each authorization none settles consumes budget for one call, two of them against the one call the receipts record; a budget of nothing is no mismatch only when no receipt is charged to the grant, and one is.', bundle({ ...docs, 'contracts/budget-authorization-0a.json': nothing('hold-lattice-000a', 10), 'contracts/budget-authorization-0b.json': nothing('hold-lattice-000b', 20), 'receipts/quote-read.json': quoteRead }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
  bundleVector('cost/commerce-network/one-free-record-one-free-call', 'The procurement bundle with one allowed budget authorization under grant 0 (procurement_quote_read, no caps) exposing 0 USD and one allowed call of procurement_quote_read costing 0: one call consumed, one recorded, at the cost consumed.', bundle({ ...docs, 'contracts/budget-authorization-0a.json': nothing('hold-lattice-000a', 10), 'receipts/quote-read.json': quoteRead }), AT, accept());
}
// (end of block: v-bundle-3)


// (block: v-cart-honours)
{
  // A cart mandate checked beside the intent mandate it names (SPEC.md 12.6, steps 3 and 4): it
  // restates the cap and comes from a merchant the intent mandate allows, as in a chain.
  const cartDoc = (name, description, document, evidence, expect) => vector(`document/${name}`, '12.6', description, { document, evidence }, didContext(NOV), expect);
  cartDoc('cart-beside-its-intent-mandate', 'The Agent Commerce Rails cart mandate with the intent mandate it names as evidence: it restates the 20.00 USD cap and is from an allowed merchant.', cart, [intentMandate], accept());
  cartDoc('cart-restating-another-cap', 'The cart mandate with its spend_cap changed to 5.00 USD (its total, so its own rules hold) and proved again by the merchant, beside the intent mandate whose cap is 20.00 USD: it does not restate the cap it answers.', byMerchant({ ...cart, spend_cap: { ...cart.spend_cap, value: '5.00' } }), [intentMandate], reject('ERR_MANDATE_CAP_MISMATCH'));
  cartDoc('cart-restating-the-cap-in-another-spelling', 'The cart mandate with its spend_cap written 20.000 (the same amount) and proved again, beside the intent mandate of 20.00 USD: amounts compare as decimals, so the cap is restated.', byMerchant({ ...cart, spend_cap: { ...cart.spend_cap, value: '20.000' } }), [intentMandate], accept());
  const onlyOthers = byUser({ ...intentMandate, merchants: ['Another Shop'] });
  const alsoThis = byUser({ ...intentMandate, merchants: ['Another Shop', cart.contents.merchant_name] });
  const relinked = (i) => byMerchant({ ...cart, intent_mandate_hash: documentHash(i) });
  cartDoc('cart-from-a-merchant-not-allowed', 'An intent mandate that allows only Another Shop, proved by the user, and the cart linked to it and proved again: its merchant is not among those the intent mandate allows.', relinked(onlyOthers), [onlyOthers], reject('ERR_MANDATE_MERCHANT_NOT_ALLOWED'));
  cartDoc('cart-from-a-merchant-allowed-among-others', 'An intent mandate that allows Another Shop and the cart\'s merchant, proved by the user, and the cart linked to it: its merchant is allowed.', relinked(alsoThis), [alsoThis], accept());
}
// (end of block: v-cart-honours)


// (block: v-produce)
{
  // Producer conformance (SPEC.md 13.2): the implementation makes an artifact from the case's
  // inputs and the runner's judge verifies it with the reference verifier; a case that expects a
  // refusal names the code the verifier gives what the request would make.
  const jwkOf = (party) => ({ kty: 'OKP', crv: 'Ed25519', x: b64(party.pk), d: b64(party.seed) });
  const holderOf = (hex) => Object.values(P).find((p) => p.hex === hex);
  const produce = (profile, name, spec, description, input, context, expect) => vector(`${profile}/${name}`, spec, description, input, context, expect);

  // produce-intent: an intent's hash, computed.
  const { intent_hash: _ih, ...intentBody } = intent;
  produce('produce-intent', 'commerce-network', '12.3', 'Agent Commerce Network\'s governed intent without its intent_hash: produce it with its hash.', { intent: intentBody }, at(T0), accept());
  produce('produce-intent', 'stale-hash-replaced', '12.3', 'The intent with a stale intent_hash: the hash produced is the recomputed one.', { intent: { ...intentBody, intent_hash: `sha256:${'0'.repeat(64)}` } }, at(T0), accept());
  produce('produce-intent', 'incident-network', '12.3', 'Incident Network\'s governed intent without its intent_hash.', { intent: mut(fixture('intent/governed-intent', 'disable-edge-rule.incident-network'), (d) => delete d.intent_hash) }, at(T0), accept());
  produce('produce-intent', 'without-its-buyer', '12.3', 'An intent without buyer_org, a member its schema requires: no hash is produced for it.', { intent: mut(intentBody, (d) => delete d.buyer_org) }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
  produce('produce-intent', 'with-a-member-of-its-own', '12.3', 'An intent with a member its schema does not have: refused, not hashed.', { intent: { ...intentBody, discount: 'none' } }, at(T0), reject('ERR_SCHEMA_ADDITIONAL_PROPERTY'));

  // produce-receipt: a kernel signs the receipt of one call, bound to its intent.
  const kernel = holderOf(buyer.kernel_key);
  const { kernel_key: _k, signature: _s, intent_hash: _h, capability_id: _c, ...asked } = buyer;
  const receiptCase = (name, description, receipt, ofIntent, expect, key = kernel) => produce('produce-receipt', name, '12.4', description, { key: jwkOf(key), receipt, intent: ofIntent }, at(T0), expect);
  receiptCase('buyer-kernel', 'Agent Commerce Network\'s buyer kernel signs its receipt of the call, given the governed intent: the receipt names the intent\'s capability, commits to its hash and is signed under the kernel\'s key.', asked, intent, accept());
  receiptCase('with-its-parameters', 'The buyer kernel\'s receipt recording the call\'s parameters: their parameter_hash is computed and signed.', { ...asked, action: { parameters: { job: 'security-review', window: '2026-04', lines: [1, 2.5, 'three'] } } }, intent, accept());
  receiptCase('a-denial', 'A denied call\'s receipt, with its reason.', { ...asked, decision: { verdict: 'deny', reason: 'over budget' }, settlement_status: 'not_applicable' }, intent, accept());
  receiptCase('naming-its-capability', 'A receipt that names the intent\'s capability itself.', { ...asked, capability_id: intent.capability_id }, intent, accept());
  receiptCase('for-an-intent-whose-hash-is-stale', 'The intent given has a stale intent_hash (its purpose changed after hashing): no receipt is signed for it.', asked, { ...intent, purpose: 'another purpose' }, reject('ERR_INTENT_HASH_MISMATCH'));
  receiptCase('under-another-capability', 'A receipt asked under another capability than its intent\'s: refused.', { ...asked, capability_id: 'cap-of-another-deal' }, intent, reject('ERR_RECEIPT_CAPABILITY_MISMATCH'));
  receiptCase('a-denial-without-its-reason', 'A denial without the reason a receipt must give for it: refused by its schema.', { ...asked, decision: { verdict: 'deny' } }, intent, reject('ERR_SCHEMA_REQUIRED'));

  // produce-delegation: the holder of a capability delegates a narrower child (SPEC.md 12.2).
  const delegator = holderOf(coordinator.subject);
  const { signature: _es, issuer: _ei, delegation_depth: _ed, parent_capability_id: _ep, delegation_chain: _el, ...child } = executor;
  const grant = executor.scope.grants[0];
  const narrowed = (change) => ({ ...child, scope: { grants: [mut(grant, change)] } });
  const delegation = (name, description, asked, expect, extra = {}, key = delegator, now = child.issued_at) =>
    produce('produce-delegation', name, '12.2', description, { key: jwkOf(key), parent: coordinator, ancestors: [root, vendor], child: asked, ...extra }, at(now), expect);
  delegation('incident-network-executor', 'Incident Network: the provider coordinator delegates the executor\'s capability (one call of disable_edge_rule, 5.00 USD) to the executor, as the source writes it, without a delegation link.', child, accept(), { link: false });
  delegation('with-its-link', 'The executor\'s capability with the delegation link of this hop, signed by the coordinator after its parent\'s links.', child, accept());
  delegation('the-parent-scope', 'A child asked without a scope: it holds its parent\'s (which lets it delegate).', mut(child, (d) => delete d.scope), accept());
  delegation('every-cap-at-the-parent', 'A child whose caps equal its parent\'s (two calls, 5.00 USD in all and per call) and whose end is its parent\'s: equal is within.', { ...narrowed((g) => ((g.max_invocations = 2), (g.operations = ['invoke', 'delegate']))), expires_at: coordinator.expires_at, ttl_secs: coordinator.expires_at - child.issued_at }, accept());
  delegation('one-more-call', 'A child asking three calls of a parent that allows two: refused, not signed.', narrowed((g) => (g.max_invocations = 3)), reject('ERR_CAP_LIMIT_EXCEEDED'));
  delegation('one-cent-more', 'A child asking 5.01 USD in all of a parent that allows 5.00.', narrowed((g) => (g.max_total_cost = { units: 501, currency: 'USD' })), reject('ERR_CAP_LIMIT_EXCEEDED'));
  delegation('another-operation', 'A child asking read as well as invoke, which its parent does not grant.', narrowed((g) => (g.operations = ['invoke', 'read'])), reject('ERR_CAP_OPERATION_WIDENED'));
  delegation('without-the-total-cap', 'A child that drops its parent\'s max_total_cost.', narrowed((g) => delete g.max_total_cost), reject('ERR_CAP_LIMIT_DROPPED'));
  delegation('without-a-constraint', 'A child that drops its parent\'s target_rule constraint.', narrowed((g) => (g.constraints = g.constraints.slice(1))), reject('ERR_CAP_CONSTRAINT_DROPPED'));
  delegation('another-tool', 'A child asking another tool than its parent covers.', narrowed((g) => (g.tool_name = 'enable_edge_rule')), reject('ERR_CAP_NOT_COVERED'));
  delegation('outliving-its-parent', 'A child asked to expire one second after its parent.', { ...child, expires_at: coordinator.expires_at + 1, ttl_secs: coordinator.expires_at + 1 - child.issued_at }, reject('ERR_CAP_EXPIRY_EXTENDED'));
  delegation('older-than-its-parent', 'A child dated one second before its parent was issued, produced after both were.', { ...child, issued_at: coordinator.issued_at - 1, ttl_secs: child.expires_at - coordinator.issued_at + 1 }, reject('ERR_CAP_ISSUED_BEFORE_PARENT'));
  delegation('by-another-key', 'The child signed by the vendor liaison, who does not hold the coordinator\'s capability: refused.', child, reject('ERR_CHAIN_ISSUER_MISMATCH'), {}, P.liaison);

  // produce-seal: the sealer lists every file with its hash and proves the manifest (SPEC.md 12.8).
  const CN = join(ROOT, 'examples', LINE, 'transactions', 'commerce-network');
  const cnManifest = JSON.parse(readFileSync(join(CN, 'bundle-manifest.json'), 'utf8'));
  const cnFiles = Object.fromEntries(Object.keys(cnManifest.artifacts).map((f) => [f, { base64: b64(readFileSync(join(CN, f))) }]));
  const sealer = Object.values(P).find((p) => p.vm === cnManifest.proof.verificationMethod);
  const sealAt = Date.parse(cnManifest.created_at) / 1000;
  const sealCase = (name, description, files, bundle, expect) => produce('produce-seal', name, '12.8', description, { key: jwkOf(sealer), files, bundle }, at(sealAt), expect);
  sealCase('commerce-network', 'Agent Commerce Network\'s procurement bundle, its nine artifacts: seal it as its trust control, declaring the procurement it records.', cnFiles, { bundle_id: cnManifest.bundle_id, created_at: cnManifest.created_at, transaction: 'procurement' }, accept());
  sealCase('without-a-kind', 'The same files sealed without declaring a kind of transaction.', cnFiles, {}, accept());
  const forgedReceipt = mut(JSON.parse(readFileSync(join(CN, 'receipts/buyer.json'), 'utf8')), (d) => (d.tool_name = 'procurement_job_delete'));
  sealCase('a-receipt-changed', 'The bundle with the buyer\'s receipt changed after its kernel signed it: the sealer refuses to vouch for it.', { ...cnFiles, 'receipts/buyer.json': { base64: b64(new TextEncoder().encode(text(forgedReceipt))) } }, { transaction: 'procurement' }, reject('ERR_SIG_INVALID'));
  const { 'contracts/fulfillment-package.json': _fp, ...withoutPackage } = cnFiles;
  sealCase('a-procurement-without-its-package', 'The procurement bundle without its fulfillment package, sealed as a procurement: the kind requires one.', withoutPackage, { transaction: 'procurement' }, reject('ERR_BUNDLE_REQUIRED_MISSING'));
}
// (end of block: v-produce)

emit('generate:conformance', out, process.argv.slice(2), { owned: [`conformance/${LINE}`] });
