/**
 * A one-byte change anywhere in a signed (or hashed) valid artifact is rejected with a code
 * (issue 4's non-negotiable): every byte of every signed fixture, and of every governed intent,
 * is changed in turn (XOR 0x01, which changes every character into another) and the result must
 * fail to parse, fail its schema, or fail its signature, proof or hash. (A receipt pair is not
 * itself signed: its pair_id is the holder's label. Its receipts are, and are walked as receipts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { verifyCompact, verifyDataIntegrity } from '../../src/crypto/envelopes.js';
import { parseJson } from '../../src/encoding/json.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { fixtureSchema } from '../../src/schema/fixtures.js';
import { intactIntent } from '../../src/verify/intent.js';
import { listFiles } from '../helpers.js';
import { EXAMPLES, fixture } from './world.js';

const registry = SchemaRegistry.open();
const didDoc = fixture('identity/did-document', 'dreamineering.commerce-rails');
const documents = new Map([[didDoc.id as string, didDoc]]);
const SIGNER: Readonly<Record<string, string>> = { 'capability/token': 'issuer', 'capability/revocation': 'revoked_by', 'receipt/tool-call': 'kernel_key' };

/** The code a document is rejected with, or undefined when it is accepted. */
function rejection(schema: string, bytes: Uint8Array): string | undefined {
  const parsed = parseJson(bytes);
  if (!parsed.ok) return parsed.code;
  const valid = registry.validate(schema, parsed.value, { allErrors: false });
  if (!valid.ok) return valid.issues[0]?.code;
  const doc = parsed.value as Record<string, unknown>;
  const verdict =
    schema === 'intent/governed-intent'
      ? intactIntent(doc, { now: 0 })
      : SIGNER[schema] !== undefined
        ? verifyCompact(doc, SIGNER[schema] as string)
        : verifyDataIntegrity(doc, { documents });
  return verdict.ok ? undefined : verdict.code;
}

const signed = listFiles(EXAMPLES)
  .filter((f) => f.includes('/valid/') && !f.startsWith('transactions/'))
  .map((f) => ({ file: f, schema: fixtureSchema(registry, f) as string, bytes: new Uint8Array(readFileSync(join(EXAMPLES, f))) }))
  .filter(({ schema, bytes }) => {
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    return schema === 'intent/governed-intent' || (typeof doc['signature'] === 'string' && SIGNER[schema] !== undefined) || doc['proof'] !== undefined;
  });

t.test('every signed and hashed valid fixture verifies as it is', async (t) => {
  t.ok(signed.length >= 25, `${signed.length} fixtures`);
  for (const { file, schema, bytes } of signed) t.equal(rejection(schema, bytes), undefined, file);
});

t.test('a one-byte change anywhere is rejected with a code', async (t) => {
  let changes = 0;
  for (const { file, schema, bytes } of signed) {
    const accepted: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const copy = bytes.slice();
      copy[i] = (copy[i] as number) ^ 0x01;
      if (rejection(schema, copy) === undefined) accepted.push(i);
      changes++;
    }
    t.same(accepted, [], `${file}: ${bytes.length} positions`);
  }
  t.comment(`${changes} one-byte changes, each rejected`);
});
