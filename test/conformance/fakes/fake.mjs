#!/usr/bin/env node
// A misbehaving implementation for the runner's tests: `node fake.mjs <mode> [state-file]`.
// It answers as writ's reference does, except as its mode says:
//   crash      exits in the middle of every third case it is given
//   hang       never answers its second case
//   garbage    answers its second case with a line that is not JSON
//   wrong-seq  answers its second case with another sequence number
//   protocol   claims to speak writ-adapter/3, which no runner offers
//   shapeshift answers its first case by crashing, and after the restart calls itself by another version
//   fragile    answers its first case by crashing, and after the restart exits before answering start
//   mute       exits before answering start
//   silent     never answers start
//   array      answers its second case with JSON that is not an object
//   errored    answers its second case with errored
//   skip       skips every case
//   bad-codes  answers its second case with codes that are not a list (42)
//   twice      answers its second case twice
//   reorder    answers its first case by crashing, and after the restart gives the same hello with its members in another order
// and, speaking writ-adapter/2 with a window of 4 (it writes the most cases it held at once to
// `<state-file>.window`):
//   window     holds the cases it is given and answers them in reverse order, four at a time
//   window-crash:<id>  exits when it is given the case <id>
//   window-hang:<id>   never answers the case <id>
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
// It is an implementation outside writ, so it uses writ's public kit, as a user's adapter would:
// the package by its name (Node resolves a package's own name through its exports).
import { referenceAnswer } from 'writ/conformance';

const [spec, state] = process.argv.slice(2);
const [mode, target] = spec.split(':');
const windowed = mode.startsWith('window');
const restarted = state !== undefined && existsSync(state);
if (state !== undefined) writeFileSync(state, 'started');
// Every start, one line each.
if (state !== undefined) appendFileSync(`${state}.starts`, 'started\n');
// A process that exits by itself says so; one that is killed cannot.
if (state !== undefined) process.on('exit', () => writeFileSync(`${state}.exit`, 'exited by itself'));
const helloOf = () => ({
  protocol: mode === 'protocol' ? 'writ-adapter/3' : windowed ? 'writ-adapter/2' : 'writ-adapter/1',
  ...(windowed ? { window: 4 } : {}),
  implementation: { name: 'fake', version: mode === 'shapeshift' && restarted ? '2.0.0' : '1.0.0', language: 'JavaScript' },
  profiles: ['jcs', 'hash'],
});
const hello = mode === 'reorder' && restarted ? Object.fromEntries(Object.entries(helloOf()).reverse()) : helloOf();
const say = (m) => process.stdout.write(`${typeof m === 'string' ? m : JSON.stringify(m)}\n`);
if (mode === 'mute' || (mode === 'fragile' && restarted)) process.exit(5);
let runs = 0;
// Window modes: the cases held, answered newest first when four are held or none came for 20 ms.
const held = [];
let most = 0;
let timer;
const flush = () => {
  clearTimeout(timer);
  for (const c of held.reverse()) say({ seq: c.seq, ...referenceAnswer(c.case) });
  held.length = 0;
};
for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line);
  if (command.cmd === 'stop') {
    clearTimeout(timer);
    break;
  }
  if (command.cmd === 'start') {
    if (mode !== 'silent') say(hello);
    continue;
  }
  runs++;
  if (windowed) {
    if (mode === 'window-crash' && command.case.id === target) process.exit(6);
    if (mode === 'window-hang' && command.case.id === target) continue;
    held.push(command);
    most = Math.max(most, held.length);
    if (state !== undefined) writeFileSync(`${state}.window`, String(most));
    if (held.length === 4) flush();
    else {
      clearTimeout(timer);
      timer = setTimeout(flush, 20);
    }
    continue;
  }
  if (mode === 'crash' && runs % 3 === 0) process.exit(3);
  if ((mode === 'shapeshift' || mode === 'fragile' || mode === 'reorder') && !restarted) process.exit(4);
  if (mode === 'bad-codes' && runs === 2) {
    say({ seq: command.seq, verdict: 'reject', codes: 42 });
    continue;
  }
  if (mode === 'twice' && runs === 2) {
    say({ seq: command.seq, ...referenceAnswer(command.case) });
    say({ seq: command.seq, ...referenceAnswer(command.case) });
    continue;
  }
  if (mode === 'hang' && runs === 2) continue;
  if (mode === 'garbage' && runs === 2) {
    say('this is not JSON');
    continue;
  }
  if (mode === 'array' && runs === 2) {
    say([command.seq]);
    continue;
  }
  if (mode === 'errored' && runs === 2) {
    say({ seq: command.seq, errored: true, context: { message: 'out of memory' } });
    continue;
  }
  if (mode === 'skip') {
    say({ seq: command.seq, skipped: true, reason: 'not implemented' });
    continue;
  }
  say({ seq: mode === 'wrong-seq' && runs === 2 ? command.seq + 100 : command.seq, ...referenceAnswer(command.case) });
}
