#!/usr/bin/env node
// @ts-check
// npm run generate:conformance [-- --check]: see scripts/generators/conformance/index.ts for what it writes.
import { runGenerator } from './lib/run.js';

await runGenerator('generate:conformance', () => import('./generators/conformance/index.ts'));
