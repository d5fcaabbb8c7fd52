// Types of the plain-JS markdownlint rule (loaded by markdownlint-cli2 without a build step).
import type { Rule } from 'markdownlint';
declare const rule: Rule;
export default rule;
