import { expect, test } from '../support/browser-test.ts';

/**
 * Every page and every answer of a function, served as Netlify serves them (dist/_headers and the
 * functions, through @netlify/dev), carries the security headers of src/http/security-headers.ts.
 * Pages working under them is proven by every other browser test (tests/support/browser-test.ts).
 */

test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'headers do not depend on JavaScript: checked once');

function expectSecurityHeaders(headers: Record<string, string>, where: string): void {
  const policy = headers['content-security-policy'] ?? '';
  expect(policy, where).toContain("frame-ancestors 'none'");
  expect(policy, where).toContain("form-action 'self'");
  expect(policy, where).toContain("object-src 'none'");
  expect(policy.match(/script-src [^;]*/)?.[0], where).not.toContain("'unsafe-inline'");
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
  expect(headers['permissions-policy'], where).toContain('camera=()');
}

test('every page in the site map and both editors are served with the security headers', async ({
  request,
}) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (match) => new URL(match[1] ?? '').pathname,
  );
  expect(pages.length).toBeGreaterThan(10);
  const slugs = [...new Set(pages.map((path) => path.split('/')[1]).filter((slug) => slug !== ''))];
  const providerSlugs = slugs.filter((slug) => !['accessibility', 'privacy'].includes(slug ?? ''));
  const editors = ['/admin/', ...providerSlugs.map((slug) => `/cases/${slug}/`)];
  for (const path of [...pages, ...editors]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(response.headers(), path);
  }
  for (const path of editors) {
    const response = await request.get(path);
    expect(response.headers()['x-robots-tag'], path).toContain('noindex');
    expect(await response.text(), path).toContain('<meta name="robots" content="noindex"');
  }
});

test('what the intake functions answer carries the same headers, and no referrer leaves it', async ({
  request,
}) => {
  const slug = 'cqm';
  const answers = {
    'a form sent back with errors': await request.post(`/api/complaints/${slug}`, {
      form: { 'full-name': '' },
    }),
    'errors as JSON': await request.post(`/api/complaints/${slug}`, {
      data: { 'full-name': '' },
      headers: { accept: 'application/json' },
    }),
    'an unknown reference': await request.get(`/api/complaints/${slug}/received?reference=nothing`),
  };
  for (const [what, response] of Object.entries(answers)) {
    expect(response.status(), what).toBeGreaterThanOrEqual(400);
    expectSecurityHeaders(response.headers(), what);
    expect(response.headers()['referrer-policy'], what).toBe('no-referrer');
  }
});

test('the site has a favicon, and robots are kept out of the editors and the functions', async ({
  request,
}) => {
  const icon = await request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  const robots = await (await request.get('/robots.txt')).text();
  for (const path of ['/admin/', '/cases/', '/api/']) expect(robots).toContain(`Disallow: ${path}`);
  expect(robots).toMatch(/^Sitemap: http.*\/sitemap\.xml$/m);
});
