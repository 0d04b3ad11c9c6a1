// @ts-check
import netlify from '@astrojs/netlify';
import { defineConfig } from 'astro/config';
import { DEFAULTS, settings } from './src/composition/settings.ts';

export default defineConfig({
  site: settings().siteUrl,
  output: 'static',
  // Edge function emulation downloads Deno, which this project neither needs nor can fetch offline.
  adapter: netlify({ devFeatures: { environmentVariables: false, images: false, edgeFunctions: false } }),
  server: { port: DEFAULTS.devServerPort, host: '127.0.0.1' },
  // Cases, the intake queue and the outbox are data, not source: writing them must not reload the site.
  vite: { server: { watch: { ignored: [`${settings().dataDir}/**`] } } },
});
