/**
 * Every internal URL of a built site, and what a plain static server answers
 * when each is opened directly (a bookmark, a shared link, a refresh): the
 * site must answer every one with its page — no 404, no directory listing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DIRECTORY_LISTING_MARKER } from './static-server.js';
import { attribute, htmlFiles, linkTargets } from './built-html.js';

/** Every `*.html` file under the built site, relative, forward slashes. */
export const builtPages = htmlFiles;

/** The URL path of a built page (`aims/om-manual/index.html` → `/aims/om-manual/`), under `baseUrl`. */
export function pageUrl(rel: string, baseUrl = '/'): string {
  return `${baseUrl}${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Internal URLs of the built pages — link targets (`<a href>`), stylesheets, scripts
 * and images on this site's own paths, without query or fragment — plus every page itself.
 * @param baseUrl the site's base URL (`/` or `/opsbook/`)
 */
export function internalUrls(siteDir: string, baseUrl = '/'): string[] {
  const urls = new Set<string>();
  for (const rel of builtPages(siteDir)) {
    if (rel === '404.html') continue;
    urls.add(pageUrl(rel, baseUrl));
    const html = fs.readFileSync(path.join(siteDir, rel), 'utf8');
    const assets = [...html.matchAll(/<(?:link|script|img)\b[^>]*>/gi)].map((m) => attribute(m[0], 'href') ?? attribute(m[0], 'src')).filter((x): x is string => !!x && !x.startsWith('data:'));
    for (const target of [...linkTargets(html), ...assets]) {
      const href = target.replace(/[?#].*$/, '');
      if (!href.startsWith(baseUrl) || href.startsWith('//')) continue;
      urls.add(href);
    }
  }
  return [...urls].sort();
}

/** What opening one URL directly gave. */
export interface UrlResult {
  url: string;
  status: number;
  /** The server showed a folder's listing instead of a page. */
  listing: boolean;
  /** Where a redirect pointed (301 for a folder without its slash). */
  location?: string;
}

/**
 * Opens every URL on `origin` without following redirects.
 * @param concurrency parallel requests
 */
export async function sweep(origin: string, urls: readonly string[], concurrency = 8): Promise<UrlResult[]> {
  const results: UrlResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const res = await fetch(`${origin}${url}`, { redirect: 'manual' });
      const body = res.status === 200 ? await res.text() : (await res.arrayBuffer(), '');
      results.push({ url, status: res.status, listing: body.includes(DIRECTORY_LISTING_MARKER) || /<title>Directory listing for/i.test(body), ...(res.headers.get('location') ? { location: res.headers.get('location')! } : {}) });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results.sort((a, b) => a.url.localeCompare(b.url));
}

/** The results that fail a reader who opens the URL directly. */
export const failures = (results: readonly UrlResult[]) => results.filter((r) => r.status !== 200 || r.listing);
