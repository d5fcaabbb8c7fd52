/**
 * Static file servers for the built site (tests and screenshots only), on
 * 127.0.0.1 and a free port, that behave like a web server left at its
 * defaults (IIS, nginx, Apache, `python3 -m http.server`):
 *
 * - a file is served only by its exact path (no `x` → `x.html` guessing);
 * - a folder without a trailing slash is redirected (301) to `folder/`;
 * - a folder with `index.html` serves it; one without shows a directory listing;
 * - anything else is a 404 (with the site's `404.html` as the body).
 *
 * `serveStatic` is this behaviour in Node (always available);
 * `servePython` runs the real `python3 -m http.server` when Python is installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
};

/** A running server: its origin (`http://127.0.0.1:PORT`) and how to stop it. */
export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Marker text of the listing page, so a check can tell a listing from a page. */
export const DIRECTORY_LISTING_MARKER = 'Directory listing for';

type Resolved = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'listing'; dir: string } | { kind: 'missing' };

function resolve(root: string, urlPath: string): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'missing' };
  }
  const rel = path.posix.normalize(decoded).replace(/^\/+/, '');
  if (rel.startsWith('..')) return { kind: 'missing' };
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return { kind: 'missing' };
  const stat = fs.statSync(abs);
  if (stat.isFile()) return { kind: 'file', file: abs };
  if (!urlPath.endsWith('/')) return { kind: 'redirect', location: `${urlPath}/` };
  const index = path.join(abs, 'index.html');
  if (fs.existsSync(index)) return { kind: 'file', file: index };
  return { kind: 'listing', dir: abs };
}

/** Starts serving `dir` as a default-configured web server would (see the module comment). */
export async function serveStatic(dir: string, _opts: { mode?: 'plain' } = {}): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const r = resolve(dir, u.pathname);
    switch (r.kind) {
      case 'file':
        res.writeHead(200, { 'content-type': TYPES[path.extname(r.file)] ?? 'application/octet-stream' });
        fs.createReadStream(r.file).pipe(res);
        return;
      case 'redirect':
        res.writeHead(301, { location: `${r.location}${u.search}` });
        res.end();
        return;
      case 'listing': {
        const names = fs.readdirSync(r.dir).sort();
        res.writeHead(200, { 'content-type': TYPES['.html']! });
        res.end(`<!DOCTYPE html><title>${DIRECTORY_LISTING_MARKER} ${u.pathname}</title><h1>${DIRECTORY_LISTING_MARKER} ${u.pathname}</h1><ul>${names.map((n) => `<li><a href="${encodeURIComponent(n)}">${n}</a></li>`).join('')}</ul>`);
        return;
      }
      default:
        res.writeHead(404, { 'content-type': TYPES['.html']! });
        fs.createReadStream(path.join(dir, '404.html')).on('error', () => res.end('not found')).pipe(res);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** The Python interpreter's real path (not a pyenv shim), or null when there is none. */
export function pythonExecutable(): string | null {
  const r = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  const exe = r.status === 0 ? r.stdout.trim() : '';
  return exe && fs.existsSync(exe) ? exe : null;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((ok) => srv.close(() => ok()));
  return port;
}

/**
 * Runs `python3 -m http.server` on `dir` (the plain static server the issue
 * names); resolves once it answers. The process is started by its own binary
 * and stopped by its PID.
 */
export async function servePython(dir: string, python: string): Promise<StaticServer> {
  const port = await freePort();
  const child = spawn(python, ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/`);
      await res.arrayBuffer();
      break;
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill();
        throw new Error(`python3 -m http.server did not start on port ${port}`);
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  return {
    url,
    close: () => new Promise((ok) => {
      if (child.exitCode !== null) return ok();
      child.once('exit', () => ok());
      child.kill();
    }),
  };
}
