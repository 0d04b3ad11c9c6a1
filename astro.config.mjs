// @ts-check
import { writeFile } from 'node:fs/promises';
import netlify from '@astrojs/netlify';
import { defineConfig } from 'astro/config';
import { DEFAULTS, settings } from './src/composition/settings.ts';
import { headersFile } from './src/http/security-headers.ts';

const { siteUrl, dataDir, gitHub, editors } = settings();

/**
 * Writes `dist/_headers`: every built page with the security headers of src/http/security-headers.ts,
 * which the functions also answer with, so the whole site has them from one place.
 * @type {import('astro').AstroIntegration}
 */
const securityHeaders = {
  name: 'redress-security-headers',
  hooks: {
    'astro:build:done': async ({ dir, pages }) => {
      const paths = pages.map(({ pathname }) => `/${pathname}`);
      const origins = {
        gitHubApi: gitHub.apiUrl,
        authBaseUrl: editors.authBaseUrl,
        localBackendPorts: [editors.caseBackendPort, editors.adminBackendPort],
      };
      await writeFile(new URL('_headers', dir), headersFile(paths, origins));
    },
  },
};

export default defineConfig({
  site: siteUrl,
  output: 'static',
  // Edge function emulation downloads Deno, which this project neither needs nor can fetch offline.
  adapter: netlify({ devFeatures: { environmentVariables: false, images: false, edgeFunctions: false } }),
  integrations: [securityHeaders],
  // No page carries inline style: the Content-Security-Policy allows only the site's own files.
  build: { inlineStylesheets: 'never' },
  server: { port: DEFAULTS.devServerPort, host: '127.0.0.1' },
  vite: {
    server: {
      // Cases, the intake queue and the outbox are data, not source: writing them must not reload
      // the site.
      watch: { ignored: [`${dataDir}/**`] },
      // Nor may the dev server hand them out: Vite answers `?import`, `?raw` and `/@fs/` requests
      // with any file it is allowed to load, and the data folder is inside the project by default.
      // `deny` replaces Vite's own list, so that list comes first, as Vite 8 has it.
      fs: {
        deny: [
          '.env',
          '.env.*',
          '*.{crt,pem,key,p12,pfx,cer,der}',
          '.npmrc',
          '.yarnrc.yml',
          '**/.git/**',
          `${dataDir}/**`,
        ],
      },
    },
  },
});
