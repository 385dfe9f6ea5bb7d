/**
 * How issues read on a terminal: the code and where first (what a person scans for), then the
 * message, indented, on its own line.
 */
import type { Issue } from '../issues.js';

/**
 * Format issues for people, one block per issue.
 *
 * @param issues - the issues.
 * @param indent - leading spaces of each block.
 * @returns the text, each line ending in a newline.
 */
export function formatIssues(issues: readonly Issue[], indent = '  '): string {
  return issues.map((i) => `${indent}${i.code} at ${i.path === '' ? '(root)' : i.path}\n${indent}  ${i.message}\n`).join('');
}
