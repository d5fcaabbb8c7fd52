// Worker entry when running the sources: Node 20 does not pass the parent's --import loader hooks to
// worker threads, so register tsx here, then load the TypeScript worker body (dist/ uses run-in-worker-body.js).
import { register } from 'tsx/esm/api';

register();
await import('./run-in-worker-body.ts');
