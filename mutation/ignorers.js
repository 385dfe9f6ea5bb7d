// @ts-check
/**
 * The one class of mutants StrykerJS is told to leave out (mutation/README.md): the words and
 * pointers of a verdict. The conformance suite compares verdicts and codes, never messages, and
 * the adapter protocol carries no path (SPEC.md 13.3), so no vector can tell a message or a path
 * changed: such a mutant is not a missing vector but outside what the suite can observe. The
 * reference's own tests check messages and paths where they matter; the vectors cannot.
 *
 * Left out:
 * - the path and the message of `fail(code, path, message, details?)`, of snapshot's
 *   `refuse(code, path, message)`, of the JSON reader's `this.syntax(message, path)`, of
 *   budget's `deny(code, path, message)` and of replay's `broken(path, pointer, message)`; the
 *   message of the time reader's `refuse(message)` and of the options reader's `usage(message)`;
 * - the message of `pass(message, details?)`;
 * - the value of a `message`, `path` or `keyword` member of an object literal (an issue written
 *   out: its keyword, like its path, says where a schema was broken, and is not carried either);
 * - a document rule's description (the second argument of `rule(id, description, check)`), which
 *   only ever becomes part of a message;
 * - the bodies of the helpers that only shape message text (`MESSAGE_HELPERS` below:
 *   `lowerFirst`, `notPlainMessage`, and the JSON reader's `describeHere` and `where`); each is
 *   called only where its result goes into a message.
 *
 * Everything else, codes and details included, is mutated.
 */
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const REASON = 'a message or a path: the adapter protocol carries verdicts and codes, never messages or paths (SPEC.md 13.3), so no vector can observe it';

/** Functions whose result is only ever part of a message. */
const MESSAGE_HELPERS = new Set(['lowerFirst', 'notPlainMessage', 'describeHere', 'where']);

/**
 * Calls whose arguments at these places are a path or a message, by the callee's name and the
 * number of arguments: `fail(code, path, message)`, snapshot's `refuse(code, path, message)` and
 * the time reader's `refuse(message)`, `this.syntax(message, path)`, budget's
 * `deny(code, path, message)`, replay's `broken(path, pointer, message)` (an issue whose code is
 * fixed) and the options reader's `usage(message)`.
 */
const MESSAGE_ARGUMENTS = {
  fail: { 3: [1, 2], 4: [1, 2] },
  refuse: { 1: [0], 3: [1, 2] },
  syntax: { 1: [0], 2: [0, 1] },
  deny: { 3: [1, 2] },
  broken: { 3: [0, 1, 2] },
  usage: { 1: [0] },
};

/** @param {any} path - a Babel NodePath. */
function insideMessageHelper(path) {
  for (let p = path.parentPath; p; p = p.parentPath) {
    const n = p.node;
    if (n.type === 'FunctionDeclaration' && n.id && MESSAGE_HELPERS.has(n.id.name)) return true;
    if ((n.type === 'ClassMethod' || n.type === 'ClassPrivateMethod') && n.key.type === 'Identifier' && MESSAGE_HELPERS.has(n.key.name)) return true;
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && MESSAGE_HELPERS.has(n.id.name)) return true;
  }
  return false;
}

/** @param {any} path - a Babel NodePath. */
function shouldIgnore(path) {
  if (insideMessageHelper(path)) return REASON;
  const parent = path.parentPath;
  if (parent === null || parent === undefined) return undefined;
  const node = path.node;
  const p = parent.node;
  if (p.type === 'CallExpression') {
    const i = p.arguments.indexOf(node);
    const callee = p.callee.type === 'Identifier' ? p.callee.name : p.callee.type === 'MemberExpression' && p.callee.object.type === 'ThisExpression' && p.callee.property.type === 'Identifier' ? p.callee.property.name : undefined;
    if (callee !== undefined && Object.hasOwn(MESSAGE_ARGUMENTS, callee) && MESSAGE_ARGUMENTS[callee][p.arguments.length]?.includes(i)) return REASON;
    if (callee === 'pass' && i === 0) return REASON;
    if (callee === 'rule' && i === 1) return REASON;
  }
  if ((p.type === 'ObjectProperty' || p.type === 'Property') && p.value === node && !p.computed) {
    const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : undefined;
    if (key === 'message' || key === 'path' || key === 'keyword') return REASON;
  }
  return undefined;
}

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'messages-and-paths', { shouldIgnore })];
