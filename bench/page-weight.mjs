// What each public page costs to load: for every page in the site map, the gzip-compressed bytes of
// its HTML, the stylesheets and scripts it loads, and how much of that is JavaScript.
// Goal for a policy page: at most 20 KB in all and no JavaScript.
//   node bench/page-weight.mjs            builds the site first
//   node bench/page-weight.mjs --no-build measures the existing dist/
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = new URL('../dist/', import.meta.url);
const BUDGET_BYTES = 20 * 1024;

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['astro', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(new URL('sitemap.xml', dist))) {
  console.error('dist/sitemap.xml is missing: build the site first (npx astro build)');
  process.exit(1);
}

const gzipBytes = (content) => gzipSync(content, { level: 9 }).length;

/** The built file behind a site path, e.g. `/cqm/` → dist/cqm/index.html. */
function builtFile(pathname) {
  const relative = pathname.replace(/^\//, '');
  return new URL(relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative, dist);
}

/** Each asset the page loads, counted once per page (a browser fetches it once). */
function assetsOf(html) {
  const attribute = (tag, name) => tag.match(new RegExp(`\\s${name}="([^"]+)"`))?.[1];
  const css = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /\srel="stylesheet"/.test(tag))
    .map((tag) => attribute(tag, 'href'));
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  const externalJs = scripts.map(([, attrs]) => attribute(attrs, 'src')).filter(Boolean);
  // JSON data blocks are not scripts a browser runs.
  const inlineJs = scripts
    .filter(([, attrs]) => !/\ssrc=/.test(attrs) && !/type="application\/(ld\+)?json"/.test(attrs))
    .map(([, , body]) => body);
  return { css: [...new Set(css)], externalJs: [...new Set(externalJs)], inlineJs };
}

const readAsset = (href) => readFileSync(new URL(href.replace(/^\//, ''), dist));

const sitemap = readFileSync(new URL('sitemap.xml', dist), 'utf8');
const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc).pathname);

const rows = paths.map((path) => {
  const file = builtFile(path);
  if (!existsSync(file))
    return { page: path, html: '-', css: '-', js: '-', total: '-', '≤ 20 KB': 'not static', 'no JS': '-' };
  const html = readFileSync(file);
  const { css, externalJs, inlineJs } = assetsOf(html.toString('utf8'));
  const htmlBytes = gzipBytes(html);
  const cssBytes = css.reduce((sum, href) => sum + gzipBytes(readAsset(href)), 0);
  const jsBytes =
    externalJs.reduce((sum, src) => sum + gzipBytes(readAsset(src)), 0) +
    inlineJs.reduce((sum, body) => sum + gzipBytes(body), 0);
  const total = htmlBytes + cssBytes + jsBytes;
  return {
    page: path,
    html: htmlBytes,
    css: cssBytes,
    js: jsBytes,
    total,
    '≤ 20 KB': total <= BUDGET_BYTES ? 'yes' : 'NO',
    'no JS': jsBytes === 0 ? 'yes' : 'NO',
  };
});

console.log(
  `Page weight in gzip-compressed bytes. Goal for a policy page: at most ${BUDGET_BYTES} bytes, no JavaScript.`,
);
console.table(rows);
