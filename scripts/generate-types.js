#!/usr/bin/env node
// @ts-check
// npm run generate:types [-- --check]: see scripts/generators/types.js for what it writes.
import { runGenerator } from './lib/run.js';

await runGenerator('generate:types', () => import('./generators/types.js'));
