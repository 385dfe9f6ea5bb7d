#!/usr/bin/env node
// @ts-check
// npm run generate:checksums [-- --check]: see scripts/generators/checksums.js for what it writes.
import { runGenerator } from './lib/run.js';

await runGenerator('generate:checksums', () => import('./generators/checksums.js'));
