/** Public surface of the synth domain. */
export { generateSynthKb, writeSynthKb, type SynthFile, type SynthOptions } from './generate-kb.js';
export { createRandom, type Random } from './random.js';
