import CMS from 'decap-cms-app';
import type { AdminConfig } from './admin-config.ts';

/** The publishers' editor in the browser: starts Decap with the config the page embeds. */
const embedded = document.getElementById('cms-config')?.textContent;
if (embedded === undefined || embedded === null) throw new Error('the page embeds no editor config');
const { config } = JSON.parse(embedded) as { config: AdminConfig };

// Decap's config types do not describe every option it accepts; Decap validates the config itself.
CMS.init({ config: config as never });
