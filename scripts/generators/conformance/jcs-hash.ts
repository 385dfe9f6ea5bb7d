/**
 * jcs and hash (SPEC.md 3, 6.3): RFC 8785 through the reader of section 3. The RFC's test data
 * (cyberphone/json-canonicalization) and a sample of its ES6 numbers, RFC 8259's rules each broken
 * once and the other side of each, and the boundaries of the strict reader (src/encoding/json.ts,
 * bytes.ts): each output stated here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorCode } from '../../../src/issues.js';
import { accept, at, b64, reject, sha256, utf8, vector, VECTORS } from './shared.js';

/** What the jcs and hash profiles read: a JSON text, or bytes (base64url) that may not be UTF-8. */
type Input = { readonly text: string } | { readonly bytes: string };

export function jcsHashVectors(): void {
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
    const [bits, expected] = (numbers[i] as string).split(',') as [string, string];
    const value = new DataView(new Uint8Array((bits.padStart(16, '0').match(/../g) as string[]).map((h) => parseInt(h, 16))).buffer).getFloat64(0);
    if (!Number.isFinite(value)) continue;
    vector(`jcs/es6-number/${bits}`, '6.3', `The IEEE 754 double ${bits}, written with 17 significant digits, canonicalises to ECMAScript's shortest form ${expected}.`, { text: `[${value.toPrecision(17)}]` }, at(0), accept({ output: `[${expected}]` }));
  }
  vector('hash/empty-object', '6.6', 'The hash of {} (SPEC.md 6.6).', { text: '{ }' }, at(0), accept({ output: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' }));
  vector('hash/members-in-any-order', '6.3', 'Two texts of one value hash alike: member order and whitespace do not count.', { text: '{"b": [1, 2.50, "x"], "a": null}' }, at(0), accept({ output: sha256(utf8('{"a":null,"b":[1,2.5,"x"]}')) }));
  const intake: readonly (readonly [string, string, ErrorCode, string])[] = [
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
  ] as const) {
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
  {
    // hash (SPEC.md 6.3) of values that are not objects: the SHA-256 of their canonical form.
    for (const [name, t, canonical] of [
      ['string', '"writ"', '"writ"'],
      ['number', '1E2', '100'],
      ['null', ' null ', 'null'],
      ['boolean', 'true', 'true'],
      ['list-of-scalars', '[ "a", 1.50, false ]', '["a",1.5,false]'],
    ] as const) {
      vector(`hash/not-an-object/${name}`, '6.3', `The hash of ${t.trim()}, a JSON value that is not an object: SHA-256 of ${canonical}.`, { text: t }, at(0), accept({ output: sha256(utf8(canonical)) }));
    }
  }
  {
    const bytesOf = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
    const intakeRefused = (name: string, description: string, input: Input, code: ErrorCode): void => vector(`jcs/encoding/${name}`, '3', description, input, at(0), reject(code));
    const intakeRead = (name: string, description: string, input: Input, output: string): void => vector(`jcs/encoding/${name}`, '3', description, input, at(0), accept({ output }));
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
    for (const [name, item] of [['empty-objects', '{}'], ['empty-arrays', '[]'], ['objects', '{"a":1}'], ['arrays', '[1]'], ['empty-objects-with-space', '{ }'], ['empty-arrays-with-space', '[ ]']] as const) {
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
  }
  // Mutation boundaries, the strict reader and byte encodings (SPEC.md 3, 6.4, 6.5): src/encoding/json.ts, src/encoding/bytes.ts.
  {
    const refused = (name: string, description: string, input: Input, code: ErrorCode): void => vector(`jcs/encoding/${name}`, '3', description, input, at(0), reject(code));
    const read = (name: string, description: string, input: Input, output: string): void => vector(`jcs/encoding/${name}`, '3', description, input, at(0), accept({ output }));
    // A string made only of control characters is refused as one with other characters around them
    // (RFC 8259 7: every character below U+0020 must be escaped); U+0020 itself is an ordinary character.
    refused('string-of-a-raw-tab-only', 'A string whose only character is a raw tab (U+0009): a control character must be escaped, so a syntax error.', { text: '["\t"]' }, 'ERR_JSON_SYNTAX');
    refused('string-of-a-raw-u-001f-only', 'A string whose only character is a raw U+001F, the last control character: a syntax error.', { text: '["\u001f"]' }, 'ERR_JSON_SYNTAX');
    read('string-of-a-space-only', 'A string whose only character is a space (U+0020), the first character that is not a control: read, and written as itself.', { text: '[" "]' }, '[" "]');
    // The same boundary in a string that also holds an escape.
    read('space-in-a-string-with-an-escape', 'A string holding a raw space and an escaped line feed ("a b\\n"): a space is no control character, so it is read; RFC 8785 writes the line feed as \\n.', { text: '["a b\\n"]' }, '["a b\\n"]');
    refused('raw-u-001f-in-a-string-with-an-escape', 'A string holding an escaped line feed and then a raw U+001F: the control character is refused, escape or not.', { text: '["\\n\u001f"]' }, 'ERR_JSON_SYNTAX');
  }
}
