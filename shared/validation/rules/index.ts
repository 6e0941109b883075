import type { Rule } from '../rule.js';

/** Every rule, in the order the problems panel groups them. Add a rule: one file, one line here. */
export const RULES: readonly Rule[] = [
  // --- topology, network, security, reliability (model-level rules) ---
  // --- components, processors, scaling (rules over the generated collector configs) ---
];
