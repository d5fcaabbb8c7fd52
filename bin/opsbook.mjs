#!/usr/bin/env node
// Entry of the `opsbook` bin: runs the compiled CLI (dist/cli.js) in this
// same Node process. In a development checkout without dist/ (before
// `npm run build:lib`), it falls back to the TypeScript sources through tsx's
// loader, still in one process; an installed package always has dist/.
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
let entry = compiled;
if (!fs.existsSync(compiled)) {
  const source = fileURLToPath(new URL('../scripts/cli.ts', import.meta.url));
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(`opsbook: ${compiled} is missing and tsx is not installed; run \`npm run build:lib\` (or reinstall the package)\n`);
    process.exit(2);
  }
  register();
  entry = source;
}
const { main } = await import(pathToFileURL(entry).href);
await main(process.argv);
