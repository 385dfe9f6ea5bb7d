// @ts-check
/**
 * Explain survivors by class (mutation/README.md): each rule names a file, the lines it covers
 * in the current source, optionally a pattern the mutant must match, and the reason (a key of
 * "reasons" in mutation/equivalent.json) that makes every such mutant equivalent. Run after
 * `node scripts/mutation.js --report`: it adds an entry to mutation/equivalent.json for every
 * unexplained survivor a rule covers (scripts/mutation.js notes entries that name no survivor). Lines move when a
 * file is edited: check the rules of an edited file before running this again.
 *
 * Usage: node mutation/explain.mjs && node scripts/mutation.js --report
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const survivors = JSON.parse(readFileSync(join(ROOT, "mutation/survivors.json"), "utf8")).mutants;
const eq = JSON.parse(readFileSync(join(ROOT, "mutation/equivalent.json"), "utf8"));

/** @type {[file: string, lines: number[], reason: string, pattern?: RegExp][]} */
const RULES = [
  ['src/encoding/snapshot.ts', [72, 73, 96, 97, 121, 122, 127, 130, 131, 141, 144, 160, 161, 166, 170, 171, 172, 179, 190, 197, 199], 'not-json'],
  ['src/encoding/snapshot.ts', [123, 138, 142, 149, 151, 176, 180, 182, 183, 185, 195, 200, 203, 204, 206], 'within-reader-limits'],
  ['src/encoding/snapshot.ts', [92, 94, 135, 136], 'memo'],
  ['src/encoding/snapshot.ts', [174], 'frozen-anyway'],
  ['src/encoding/snapshot.ts', [202], 'frozen-anyway', /BooleanLiteral: true -> false/],
  ['src/encoding/snapshot.ts', [113, 114], 'not-called'],
  ['src/model/read.ts', [98, 100, 101, 103, 106, 108, 111, 113, 115, 119, 121, 128, 129, 131], 'api-guard'],
  ['src/model/read.ts', [32], 'snapshot-of-json'],
  ['src/model/read.ts', [60], 'snapshot-of-json'],
  ['src/model/read.ts', [76], 'verdict-value'],
  ['src/crypto/ed25519.ts', [96, 97, 98, 99, 100, 102, 103], 'refusal-part', /StringLiteral: '(key|signature)' -> ""/],
  ['src/crypto/ed25519.ts', [114, 120, 137], 'memo'],
  ['src/crypto/ed25519.ts', [117, 160, 161, 162], 'cannot-throw'],
  ['src/crypto/ed25519.ts', [155, 174], 'checked-before'],
  ['src/crypto/ed25519.ts', [156], 'work-counter'],
  ['src/crypto/ed25519.ts', [158], 'ed25519-backends'],
  ['src/crypto/envelopes.ts', [84, 86, 107, 108, 110, 252], 'api-guard'],
  ['src/crypto/envelopes.ts', [93, 96, 99, 298, 301, 305], 'memo'],
  ['src/crypto/envelopes.ts', [277], 'absent-context'],
  ['src/crypto/ed25519.ts', [51, 53], 'torsion-table'],
  ['src/crypto/hash.ts', [43], 'thrown-message'],
  ['src/crypto/hash.ts', [45, 46, 48], 'memo'],
  ['src/crypto/jcs.ts', [74], 'thrown-message'],
  ['src/crypto/jcs.ts', [119], 'path-only'],
  ['src/crypto/envelopes.ts', [127, 298], 'path-only', /StringLiteral: /],
  ['src/crypto/envelopes.ts', [151, 155, 157, 159], 'refusal-part'],
  ['src/schema/rules.ts', [218], 'array-of-a-string', /ArrayDeclaration: \[\] -> \["Stryker was here"\]/],
  ['src/model/evidence.ts', [34], 'known-types'],
  ['src/model/evidence.ts', [35], 'validity-not-issues'],
  ['src/model/evidence.ts', [92], 'no-string-key'],
  ['src/model/evidence.ts', [103], 'memo'],
  ['src/model/read.ts', [158], 'api-guard'],
  ['src/model/read.ts', [160], 'snapshot-of-json'],
  ['src/model/read.ts', [183], 'path-only', /StringLiteral: '' -> "Stryker was here!"/],
  ['src/model/read.ts', [187], 'validation-has-an-issue'],
  ['src/model/read.ts', [188], 'issue-details'],
  ['src/schema/rules.ts', [58, 62], 'rule-cannot-apply'],
  ['src/crypto/resolve.ts', [34, 35, 51, 53, 55], 'resolve-shapes'],
  ['src/schema/rules.ts', [83, 174, 184], 'array-of-a-string', /ArrayDeclaration: \[\] -> \["Stryker was here"\]/],
  ['src/schema/rules.ts', [98, 124, 125, 127, 128, 132, 133, 135, 136, 152, 154, 165, 166, 168, 173, 175, 177, 183, 193, 211, 213, 215, 216, 217, 218, 220, 227, 228, 232, 233, 234, 246, 252, 257, 262, 267, 274, 285, 304, 309, 316], 'rule-words', /StringLiteral: /],
  ['src/schema/rules.ts', [56, 90, 105, 116], 'issue-details', /ObjectLiteral: \{ (instancePath|expected)/],
];

for (const [, , reason] of RULES) if (eq.reasons?.[reason] === undefined) throw new Error(`no reason ${reason} in mutation/equivalent.json`);
let added = 0;
for (const m of survivors) {
  const [file] = m.key.split(" ");
  const rule = RULES.find(([f, lines, , re]) => f === file && lines.includes(m.line) && (re === undefined || re.test(m.key)));
  if (rule !== undefined && eq.mutants[m.key] === undefined) {
    eq.mutants[m.key] = rule[2];
    added++;
  }
}
writeFileSync(join(ROOT, "mutation/equivalent.json"), `${JSON.stringify(eq, null, 2)}\n`);
process.stdout.write(`explain: ${added} survivor(s) explained by class\n`);
