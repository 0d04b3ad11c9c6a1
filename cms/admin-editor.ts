import CMS from 'decap-cms-app';
import type { AdminConfig } from './admin-config.ts';
import { reviewPublishedEntry } from './admin-save.ts';
import { namePreviewFrames } from './editor-chrome.ts';
import { type Entry, emptyValuePaths } from './entry-checks.ts';
import { PROVIDER_FILE_FORMAT, providerFileText, readProviderFile } from './provider-file-format.ts';

/** The publishers' editor in the browser: starts Decap with the config the page embeds. */
const embedded = document.getElementById('cms-config')?.textContent;
if (embedded === undefined || embedded === null) throw new Error('the page embeds no editor config');
const { config } = JSON.parse(embedded) as { config: AdminConfig };

// A procedure is written the way the content check holds the committed files to, in the order of
// its fields here, so a save changes only what the publisher changed.
const providerFields = config.collections.find(({ name }) => name === 'providers')?.files?.[0]?.fields;
if (providerFields === undefined) throw new Error('the editor config has no procedures');
CMS.registerCustomFormat(PROVIDER_FILE_FORMAT, 'yaml', {
  fromFile: readProviderFile,
  toFile: (data) => providerFileText(data, providerFields),
});

// A procedure or policy the build would refuse is refused here, before it can stop the next deploy.
CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }: { entry: Entry }) => {
    let data = entry.get('data');
    for (const path of emptyValuePaths(data.toJS())) data = data.deleteIn(path);
    const problems = reviewPublishedEntry(entry.get('collection'), data.toJS());
    if (problems.length > 0) throw new Error(`This was not saved:\n${problems.join('\n')}`);
    return data;
  },
});

namePreviewFrames('Preview of the page');

// Decap's config types do not describe every option it accepts; Decap validates the config itself.
CMS.init({ config: config as never });
