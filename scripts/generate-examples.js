#!/usr/bin/env node
// @ts-check
// npm run generate:examples [-- --check]: see scripts/generators/examples/index.ts for what it writes.
import { runGenerator } from './lib/run.js';

await runGenerator('generate:examples', () => import('./generators/examples/index.ts'));
