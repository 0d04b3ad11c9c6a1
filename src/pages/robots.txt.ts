import type { APIRoute } from 'astro';

export const prerender = true;

/**
 * Search engines may read the public site, and are told where its site map is; the editors and
 * the functions are not for them (the editors also send `X-Robots-Tag: noindex`).
 */
export const GET: APIRoute = ({ site }) =>
  new Response(
    [
      'User-agent: *',
      'Disallow: /admin/',
      'Disallow: /cases/',
      'Disallow: /api/',
      '',
      `Sitemap: ${new URL('/sitemap.xml', site).href}`,
      '',
    ].join('\n'),
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  );
