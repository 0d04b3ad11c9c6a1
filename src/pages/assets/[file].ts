import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { build } from 'esbuild';
import { ASSETS } from '../../components/assets.ts';

export const prerender = true;

const byFile = new Map(
  Object.values(ASSETS).map((asset) => [asset.path.replace('/assets/', ''), asset] as const),
);

export const getStaticPaths = (() =>
  [...byFile.keys()].map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

const CONTENT_TYPES = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' } as const;

/**
 * The site's stylesheets and the form's script, bundled and minified by esbuild at the stable
 * addresses of src/components/assets.ts, so the static pages and the functions link to the same
 * files. Astro builds from the project root, which is where the sources are found.
 */
export const GET: APIRoute = async ({ params, site }) => {
  const asset = byFile.get(params.file ?? '');
  if (asset === undefined) return new Response('Not found', { status: 404 });
  const kind = asset.path.endsWith('.css') ? 'css' : 'js';
  const result = await build({
    entryPoints: [join(process.cwd(), asset.source)],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    target: ['es2022', 'chrome109', 'firefox115', 'safari15'],
    logLevel: 'silent',
    // Printed pages show where each link goes, and a site-relative link needs the site's address
    // in front: the stylesheet carries it, so no page needs an inline style for it.
    ...(asset === ASSETS.siteCss &&
      site !== undefined && {
        banner: { css: `:root{--site:${JSON.stringify(site.origin)}}` },
      }),
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild made nothing of ${asset.source}`);
  return new Response(output.text, { headers: { 'content-type': CONTENT_TYPES[kind] } });
};
