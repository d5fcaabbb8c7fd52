// Worker entry under tsx: Node 20 does not pass the parent's --import loader
// hooks to worker threads, so register tsx here, then load the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./pandoc-worker.ts');
