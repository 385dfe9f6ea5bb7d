/**
 * writ's x402 documents against x402's own validators (SPEC.md 7.11): @x402/core's zod schemas
 * for PaymentRequired, PaymentRequirements and PaymentPayload (v2), and its HTTPFacilitatorClient
 * for the verify and settle responses (it validates a facilitator's answer before returning it;
 * here its fetch is answered in memory, so nothing leaves the process).
 *
 * The objects compared are x402's published examples (test/vectors/x402/, provenance in
 * test/vectors/PROVENANCE.md), writ's own x402 fixtures, and variants generated from the
 * published ones: each member removed, each member null, each member of a wrong type, boundary
 * values, the network ids x402 emits, failed settlements with and without `transaction`, and an
 * unknown member. Every object must get the same verdict from both, except where SPEC.md 7.11's
 * table of deliberate differences explains it: there writ refuses what x402 accepts, and every
 * issue writ reports names a member and keyword of a row of that table. The table is read from
 * SPEC.md itself, so the list lives in one place; each row must be needed by some object.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { PaymentPayloadV2Schema, PaymentRequiredV2Schema, PaymentRequirementsV2Schema } from '@x402/core/schemas';
import { HTTPFacilitatorClient } from '@x402/core/http';
import { SchemaRegistry } from '../../src/schema/registry.js';
import type { Issue } from '../../src/issues.js';
import { listFiles, ROOT, VECTORS } from '../helpers.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
type Kind = 'payment-required' | 'payment-requirements' | 'payment-payload' | 'verify-response' | 'settle-response';

const registry = SchemaRegistry.open();
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const read = (rel: string): Obj => JSON.parse(readFileSync(join(VECTORS, 'x402', rel), 'utf8')) as Obj;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// --- x402's verdicts -------------------------------------------------------------------------

/** Answer @x402/core's facilitator client with `body`: true when it accepts the answer as valid. */
async function facilitatorAccepts(operation: 'verify' | 'settle', body: Json): Promise<boolean> {
  const saved = globalThis.fetch;
  globalThis.fetch = async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  try {
    const client = new HTTPFacilitatorClient({ url: 'https://facilitator.invalid' });
    const payload = { x402Version: 2, accepted: {}, payload: {} } as never;
    await (operation === 'verify' ? client.verify(payload, {} as never) : client.settle(payload, {} as never));
    return true;
  } catch (e) {
    if (e instanceof Error && e.name === 'FacilitatorResponseError') return false;
    throw e;
  } finally {
    globalThis.fetch = saved;
  }
}

async function x402Accepts(kind: Kind, doc: Json): Promise<boolean> {
  switch (kind) {
    case 'payment-required':
      return PaymentRequiredV2Schema.safeParse(doc).success;
    case 'payment-requirements':
      return PaymentRequirementsV2Schema.safeParse(doc).success;
    case 'payment-payload':
      return PaymentPayloadV2Schema.safeParse(doc).success;
    case 'verify-response':
      return facilitatorAccepts('verify', doc);
    case 'settle-response':
      return facilitatorAccepts('settle', doc);
  }
}

// --- the deliberate differences, from SPEC.md 7.11 ----------------------------------------

interface Difference {
  readonly id: string;
  readonly members: readonly string[] | 'any';
  readonly keywords: readonly string[];
}

const spec = readFileSync(join(ROOT, 'SPEC.md'), 'utf8');
const section7_11 = spec.slice(spec.indexOf('### 7.11 x402'), spec.indexOf('## 8. Source documents'));
/** The table of differences: from its header row to the first blank line. */
const section = section7_11.slice(section7_11.indexOf('| difference | members | keywords |')).split('\n\n')[0] as string;
const ticked = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
const DIFFERENCES: readonly Difference[] = section
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => {
    const [id, members, keywords] = line.split('|').slice(1, 4).map((c) => c.trim()) as [string, string, string];
    return { id: ticked(id)[0] as string, members: members === 'any' ? 'any' : ticked(members), keywords: ticked(keywords) };
  });

/** The member an issue is about: the last token of its path (for a missing or extra member, that member). */
const memberOf = (issue: Issue): string => issue.path.split('/').pop() ?? '';
const explains = (d: Difference, issue: Issue): boolean => (d.members === 'any' || d.members.includes(memberOf(issue))) && issue.keyword !== undefined && d.keywords.includes(issue.keyword);

// --- the objects compared ----------------------------------------------------------------

interface Case {
  readonly kind: Kind;
  readonly name: string;
  readonly doc: Json;
}

const published: Case[] = [];
const publish = (kind: Kind, name: string, doc: Json): void => void published.push({ kind, name, doc });
for (const [rel, kind] of [
  ['spec-v2/5.1.1-payment-required.json', 'payment-required'],
  ['core-test/gofetch402-payment-required.json', 'payment-required'],
  ['cloudflare/payment-required.json', 'payment-required'],
  ['spec-v2/5.2.1-payment-payload.json', 'payment-payload'],
  ['cloudflare/payment-payload.json', 'payment-payload'],
  ['spec-v2/5.3.1-settle-response.json', 'settle-response'],
  ['spec-v2/7.2-settle-response-success.json', 'settle-response'],
  ['spec-v2/7.2-settle-response-error.json', 'settle-response'],
  ['cloudflare/settle-response.json', 'settle-response'],
  ['spec-v2/7.1-verify-response-valid.json', 'verify-response'],
  ['spec-v2/7.1-verify-response-invalid.json', 'verify-response'],
] as const) {
  const doc = read(rel);
  publish(kind, rel, doc);
  // The requirements a published object carries are published requirements too.
  if (Array.isArray(doc['accepts'])) doc['accepts'].forEach((r, i) => publish('payment-requirements', `${rel}#/accepts/${i}`, r));
  if (isObj(doc['accepted'])) publish('payment-requirements', `${rel}#/accepted`, doc['accepted']);
}
const verifyRequest = read('spec-v2/7.1-verify-request.json');
publish('payment-payload', 'spec-v2/7.1-verify-request.json#/paymentPayload', verifyRequest['paymentPayload'] as Json);
publish('payment-requirements', 'spec-v2/7.1-verify-request.json#/paymentPayload/accepted', (verifyRequest['paymentPayload'] as Obj)['accepted'] as Json);
publish('payment-requirements', 'spec-v2/7.1-verify-request.json#/paymentRequirements', verifyRequest['paymentRequirements'] as Json);

const fixtures: Case[] = listFiles(join(ROOT, 'examples', registry.index.line, 'x402'))
  .filter((f) => f.endsWith('.json') && !f.endsWith('.expect.json'))
  .map((f) => ({ kind: f.split('/')[0] as Kind, name: `examples/x402/${f}`, doc: JSON.parse(readFileSync(join(ROOT, 'examples', registry.index.line, 'x402', f), 'utf8')) as Json }));

/** Values of the wrong type, or at a type's edges, tried in every member. */
const WRONG: readonly Json[] = [null, 0, -1, 1.5, '', 'x', true, [], {}, [1]];
const NETWORKS = ['eip155:8453', 'algorand:wGHE2Pwdvd7S12BL5FaOP20EGYesN73ktiC1qzkkit8=', 'algorand:SGO1GKSzyE7IEPItTxCByw9x8FmnrCDexi9/cOUJOiI=', 'algorand:SGO1GKSzyE7IEPItTxCByw9x8FmnrCDe', 'cloudflare:402', 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', 'eip155:*', 'base', 'base-sepolia', 'a:', 'ab:', ':::', ':', '', ` ${'x'.repeat(254)}:`, `${'x'.repeat(256)}:`, '\u{1F600}:', 'x:\u{1F600}'];
const BOUNDARIES: Readonly<Record<string, readonly Json[]>> = {
  amount: ['0', '1', '01', '-1', '+1', '1.5', '1e6', '0x10', ' 1', '1 ', '9'.repeat(78), '9'.repeat(79), '\u0661'],
  maxTimeoutSeconds: [0, -0, -1, 0.5, 1, 60, 2 ** 53, 1e308, '60'],
  network: NETWORKS,
  x402Version: [1, 2, 3, 2.5, '2'],
  scheme: ['exact', 'upto', ' ', 'x402'],
  url: ['https://api.example.com/premium-data', 'not a url', 'mcp://tool/x', ''],
  serviceName: ['', 'a', 'x'.repeat(32), 'x'.repeat(33), 'caf\u00e9', ' ', '~', '\u007f', 'a\tb'],
  tags: [[], ['a'], ['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c', 'd', 'e', 'f'], [''], ['x'.repeat(32)], ['x'.repeat(33)], ['caf\u00e9'], [1]],
  iconUrl: ['', 'x'.repeat(2048), 'x'.repeat(2049), '\u{1F600}'.repeat(1024), '\u{1F600}'.repeat(1025)],
  transaction: ['', '0x1234', ' '],
  accepts: [[]],
};

/** Each variant of `doc`: every member (to depth 2) removed, set to each wrong value and to its boundaries; one unknown member. */
function variants(base: Case): Case[] {
  const out: Case[] = [];
  const add = (label: string, change: (d: Obj) => void): void => {
    const d = copy(base.doc) as Obj;
    change(d);
    out.push({ kind: base.kind, name: `${base.name} ${label}`, doc: d });
  };
  const visit = (path: string[], node: Obj): void => {
    const at = (d: Obj): Obj => path.reduce<Obj>((o, k) => (Array.isArray(o) ? (o as Json[])[Number(k)] : o[k]) as Obj, d);
    for (const key of Object.keys(node)) {
      const where = [...path, key].join('/');
      add(`without /${where}`, (d) => delete at(d)[key]);
      for (const v of [...WRONG, ...(BOUNDARIES[key] ?? [])]) add(`/${where} = ${JSON.stringify(v).slice(0, 40)}`, (d) => (at(d)[key] = copy(v)));
      const child = node[key];
      if (path.length < 2 && key !== 'payload' && key !== 'extra' && key !== 'extensions') {
        if (isObj(child)) visit([...path, key], child);
        if (Array.isArray(child) && isObj(child[0])) visit([...path, key, '0'], child[0]);
      }
    }
    add(`/${[...path, 'unknownMember'].join('/')} added`, (d) => (at(d)['unknownMember'] = 1));
  };
  if (isObj(base.doc)) visit([], base.doc);
  // Members named like Object.prototype's, as JSON text makes them (own members, not prototypes).
  for (const name of ['__proto__', 'constructor', 'toString']) {
    out.push({ kind: base.kind, name: `${base.name} /${name} added`, doc: JSON.parse(JSON.stringify(base.doc).replace(/^\{/, `{${JSON.stringify(name)}:{},`)) as Json });
  }
  return out;
}

/** Failed and successful settlements, with and without a transaction. */
const settlements: Case[] = [
  { success: false, network: 'eip155:8453' },
  { success: false, transaction: '', network: 'eip155:8453', errorReason: null },
  { success: false, transaction: '', network: 'eip155:8453', errorReason: 'insufficient_funds', errorMessage: null },
  { success: true, network: 'eip155:8453' },
  { success: true, transaction: '', network: 'eip155:8453' },
  { success: true, transaction: '0x9f', network: 'base', amount: null, extra: null, extensions: null },
].map((doc, i) => ({ kind: 'settle-response', name: `settlement ${i}: ${JSON.stringify(doc)}`, doc }));

const generated = [...published, ...fixtures].flatMap(variants);
const cases: Case[] = [...published, ...fixtures, ...settlements, ...generated];

// --- the comparison -----------------------------------------------------------------------

t.test('the deliberate differences are read from SPEC.md 7.11', async (t) => {
  t.ok(DIFFERENCES.length >= 1 && DIFFERENCES.length <= 6, `a short list: ${DIFFERENCES.map((d) => d.id).join(', ')}`);
  for (const d of DIFFERENCES) t.ok(d.keywords.length > 0 && (d.members === 'any' || d.members.length > 0), `${d.id} names members and keywords`);
});

t.test('x402 and writ agree on every object, but for the listed differences', async (t) => {
  const used = new Map<string, number>(DIFFERENCES.map((d) => [d.id, 0]));
  let agreed = 0;
  let publishedDisagreements = 0;
  const unexplained: string[] = [];
  for (const c of cases) {
    const x402 = await x402Accepts(c.kind, c.doc);
    const r = registry.validate(`x402/${c.kind}`, c.doc);
    if (r.ok === x402) {
      agreed++;
      continue;
    }
    if (published.includes(c)) publishedDisagreements++;
    if (r.ok) {
      unexplained.push(`${c.kind} ${c.name}: writ accepts what x402 refuses`);
      continue;
    }
    const why = r.issues.map((issue) => DIFFERENCES.find((d) => explains(d, issue)));
    why.forEach((d) => d !== undefined && used.set(d.id, (used.get(d.id) ?? 0) + 1));
    r.issues.forEach((issue, i) => {
      if (why[i] === undefined) unexplained.push(`${c.kind} ${c.name}: writ refuses (${issue.code} ${issue.keyword} at ${issue.path}) what x402 accepts`);
    });
  }
  t.same(unexplained, [], 'no disagreement SPEC.md 7.11 does not list');
  for (const [id, n] of used) t.ok(n > 0, `the difference ${id} is needed by some object (${n})`);
  t.ok(cases.length > 1000, `${cases.length} objects compared (${published.length} published, ${fixtures.length} fixtures, ${settlements.length + generated.length} generated); ${agreed} agreed, ${publishedDisagreements} published objects differ as listed`);
});

t.test('the known disagreements of issue 13 are resolved', async (t) => {
  const settled = read('spec-v2/7.2-settle-response-success.json');
  const failed = read('spec-v2/7.2-settle-response-error.json');
  const required = read('spec-v2/5.1.1-payment-required.json');
  const requirements = (required['accepts'] as Obj[])[0] as Obj;
  const same = async (kind: Kind, doc: Json, expected: boolean, what: string) => {
    t.equal(await x402Accepts(kind, doc), expected, `x402: ${what}`);
    t.equal(registry.validate(`x402/${kind}`, doc).ok, expected, `writ: ${what}`);
  };
  await same('settle-response', { ...failed, errorReason: null }, true, 'errorReason null');
  await same('settle-response', { ...settled, extra: null, extensions: null }, true, 'extra and extensions null');
  await same('payment-required', { ...required, extensions: null }, true, 'PaymentRequired extensions null');
  await same('payment-requirements', { ...requirements, extra: null }, true, 'PaymentRequirements extra null');
  await same('payment-requirements', { ...requirements, network: 'algorand:wGHE2Pwdvd7S12BL5FaOP20EGYesN73ktiC1qzkkit8=' }, true, "Algorand's genesis-hash network id");
  await same('payment-requirements', { ...requirements, network: 'cloudflare:402' }, true, 'cloudflare:402');
  await same('settle-response', { ...settled, network: 'base' }, true, 'a settle response on base');
  await same('payment-requirements', { ...requirements, network: 'base' }, false, 'requirements on base (v2 requirements need a CAIP-2 id)');
  const { transaction: _t, ...withoutTransaction } = failed;
  await same('settle-response', withoutTransaction, false, 'a failed settle response without transaction');
});

// --- Protocol-Commercial's payment layers, through SPEC.md 7.11's mapping ---------------------

/** Assets whose decimals the mapping needs, by network and symbol (USDC on Base). */
const ASSETS: Readonly<Record<string, Readonly<Record<string, { readonly address: string; readonly decimals: number }>>>> = {
  'eip155:8453': { USDC: { address: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', decimals: 6 } },
};
const atomic = (amount: string, decimals: number): string => {
  const [whole, fraction = ''] = amount.split('.') as [string, string?];
  return BigInt(`${whole}${fraction.padEnd(decimals, '0')}`).toString();
};
const decimal = (units: string, decimals: number, fractionDigits: number): string => {
  const padded = units.padStart(decimals + 1, '0');
  const whole = padded.slice(0, padded.length - decimals);
  const fraction = padded.slice(padded.length - decimals).slice(0, fractionDigits);
  return fractionDigits === 0 ? whole : `${whole}.${fraction}`;
};

interface Requirement {
  readonly scheme: string;
  readonly resource: string;
  readonly network?: string;
  readonly max_amount: { readonly amount: string; readonly currency: string; readonly decimals?: number };
  readonly payment_request_id?: string;
}

t.test("Protocol-Commercial's payment layers map to x402's objects and back (SPEC.md 7.11)", async (t) => {
  const commercial = listFiles(join(ROOT, 'examples', registry.index.line, 'commercial')).filter((f) => f.includes('/valid/'));
  const docs = commercial.map((f) => JSON.parse(readFileSync(join(ROOT, 'examples', registry.index.line, 'commercial', f), 'utf8')) as Obj);
  let requirements = 0;
  let proofs = 0;
  for (const doc of docs) {
    const layers = [doc['payment_requirement'], (doc['payment_input'] as Obj | undefined)?.['payment_requirement']].filter(isObj) as unknown as Requirement[];
    for (const r of layers) {
      if (r.network === undefined) continue;
      const asset = ASSETS[r.network]?.[r.max_amount.currency];
      if (asset === undefined) continue;
      t.equal(r.scheme, 'x402', 'the commercial scheme names the protocol');
      const required: Obj = {
        x402Version: 2,
        resource: { url: r.resource },
        accepts: [{ scheme: 'exact', network: r.network, amount: atomic(r.max_amount.amount, asset.decimals), asset: asset.address, payTo: '0x209693Bc6afc0C5328bA36FaF03C514EF312287C', maxTimeoutSeconds: 60 }],
      };
      t.ok(await x402Accepts('payment-required', required), `x402 accepts the PaymentRequired of ${r.payment_request_id ?? r.resource}`);
      t.ok(registry.validate('x402/payment-required', required).ok, `writ accepts it`);
      const accepted = (required['accepts'] as Obj[])[0] as Obj;
      const fractionDigits = r.max_amount.amount.split('.')[1]?.length ?? 0;
      const back = { resource: (required['resource'] as Obj)['url'], network: accepted['network'], amount: decimal(accepted['amount'] as string, asset.decimals, fractionDigits) };
      t.same(back, { resource: r.resource, network: r.network, amount: r.max_amount.amount }, 'and maps back to the requirement');
      requirements++;
    }
    const proof = [doc['payment_proof'], (doc['payment_input'] as Obj | undefined)?.['payment_proof']].find(isObj);
    if (proof !== undefined && proof['proof_type'] === 'payment-proof') {
      const settled: Obj = { success: true, transaction: proof['proof_ref'] as string, network: 'eip155:8453' };
      t.ok(await x402Accepts('settle-response', settled), `x402 accepts the settle response of ${String(proof['proof_ref'])}`);
      t.ok(registry.validate('x402/settle-response', settled).ok, 'writ accepts it');
      t.equal(settled['transaction'], proof['proof_ref'], 'and its transaction is the proof_ref');
      proofs++;
    }
  }
  t.ok(requirements >= 3 && proofs >= 3, `${requirements} requirements and ${proofs} proofs mapped`);
});
