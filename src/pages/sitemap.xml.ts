import { getCollection } from 'astro:content';
import type { APIRoute } from 'astro';

export const prerender = true;

/** Pages that are not per provider. */
const SITE_PAGES = ['/', '/accessibility/', '/privacy/'];

// Every page under src/pages/[provider]/ is a public page of each provider, so a new one (such as the
// complaint form) joins the site map, and the accessibility suite that walks it, without a list to update.
const providerPageFiles = Object.keys(import.meta.glob('./\\[provider\\]/**/*.astro'));

/** `./[provider]/procedure.astro` → `procedure/`; `./[provider]/index.astro` → ``. */
function toProviderPath(file: string): string {
  const route = file.replace(/^\.\/\[provider\]\//, '').replace(/\.astro$/, '');
  return route === 'index' || route.endsWith('/index') ? route.replace(/index$/, '') : `${route}/`;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The site map of every public page, for search engines and for the tests that visit them all. */
export const GET: APIRoute = async ({ site }) => {
  const providers = await getCollection('providers');
  const providerPaths = providerPageFiles.map(toProviderPath).sort();
  const paths = [
    ...SITE_PAGES,
    ...providers.flatMap((entry) => providerPaths.map((path) => `/${entry.data.slug}/${path}`)),
  ];
  const urls = paths.map((path) => `  <url><loc>${escapeXml(new URL(path, site).href)}</loc></url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
