/**
 * The public API documents itself (STYLE.md, "Naming, comments, docs"): every function and
 * method exported from 'writ/api' and 'writ/conformance' has TSDoc with `@returns` and an `@example`. typedoc, run by
 * `npm test` with warnings as errors, checks that every export is documented at all.
 */
import { join } from 'node:path';
import t from 'tap';
import ts from 'typescript';
import { ROOT } from './helpers.js';

const entries = { 'writ/api': join(ROOT, 'src/index.ts'), 'writ/conformance': join(ROOT, 'src/conformance/index.ts') };
const program = ts.createProgram(Object.values(entries), { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 });
const checker = program.getTypeChecker();

/** The tags a declaration lacks. */
const lacking = (d: ts.Node): string[] => {
  const tags = ts.getJSDocTags(d).map((tag) => tag.tagName.text);
  return ['returns', 'example'].filter((want) => !tags.includes(want));
};

for (const [name, entry] of Object.entries(entries)) t.test(`every exported function and public method of '${name}' has @returns and @example`, async (t) => {
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry) as ts.SourceFile) as ts.Symbol);
  const missing: string[] = [];
  let functions = 0;
  for (const exported of exports) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    for (const d of symbol.declarations ?? []) {
      if (ts.isFunctionDeclaration(d)) {
        functions++;
        const gaps = lacking(d);
        if (gaps.length > 0) missing.push(`${exported.name}: ${gaps.join(', ')}`);
      }
      if (ts.isClassDeclaration(d)) {
        for (const m of d.members) {
          if (!ts.isMethodDeclaration(m) || (ts.getCombinedModifierFlags(m) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0) continue;
          functions++;
          const gaps = lacking(m);
          if (gaps.length > 0) missing.push(`${exported.name}.${m.name.getText()}: ${gaps.join(', ')}`);
        }
      }
    }
  }
  t.ok(functions > 10, `${functions} functions and methods`);
  t.same(missing, []);
});
