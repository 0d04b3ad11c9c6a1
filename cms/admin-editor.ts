import CMS from 'decap-cms-app';
import { createElement, type ReactNode } from 'react';
import { ASSETS } from '../src/components/assets.ts';
import { londonDate } from '../src/core/calendar.ts';
import type { AdminConfig } from './admin-config.ts';
import { PolicyPreview, ProcedurePreview } from './admin-previews.tsx';
import { reviewPublishedEntry } from './admin-save.ts';
import { fixListItemControls, fixMarkdownEditors, namePreviewFrames } from './editor-chrome.ts';
import { type Entry, withoutEmptyValues } from './entry-checks.ts';
import { PROVIDER_FILE_FORMAT, providerFileText, readProviderFile } from './provider-file-format.ts';

/** The publishers' editor in the browser: starts Decap with the config the page embeds. */
const embedded = document.getElementById('cms-config')?.textContent;
if (embedded === undefined || embedded === null) throw new Error('the page embeds no editor config');
const { config } = JSON.parse(embedded) as { config: AdminConfig };

// A procedure is written the way the content check holds the committed files to, in the order of
// its fields here, so a save changes only what the publisher changed.
const providerFiles = config.collections.find(({ name }) => name === 'providers')?.files ?? [];
const providerFields = providerFiles[0]?.fields;
if (providerFields === undefined) throw new Error('the editor config has no procedures');
CMS.registerCustomFormat(PROVIDER_FILE_FORMAT, 'yaml', {
  fromFile: readProviderFile,
  toFile: (data) => providerFileText(data, providerFields),
});

// A procedure or policy the build would refuse is refused here, before it can stop the next deploy.
CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }: { entry: Entry }) => {
    const data = withoutEmptyValues(entry.get('data'));
    const problems = reviewPublishedEntry(entry.get('collection'), data.toJS());
    if (problems.length > 0) throw new Error(`This was not saved:\n${problems.join('\n')}`);
    return data;
  },
});

// The preview is the public page as it will read, drawn by the site's own components and styles.
CMS.registerPreviewStyle(ASSETS.siteCss.path);
namePreviewFrames('Preview of the page');
fixListItemControls();
fixMarkdownEditors();
// A file collection's preview is chosen by file: each provider's procedure has its own name.
for (const { name } of providerFiles) {
  CMS.registerPreviewTemplate(name, ({ entry }: { entry: Entry }) =>
    createElement(ProcedurePreview, { entry }),
  );
}
const providerNames = new Map(providerFiles.map(({ name, label }) => [name, label]));
CMS.registerPreviewTemplate(
  'policies',
  ({ entry, widgetFor }: { entry: Entry; widgetFor: (name: string) => ReactNode }) =>
    createElement(PolicyPreview, { entry, widgetFor, providerNames, today: londonDate(new Date()) }),
);

// Decap's config types do not describe every option it accepts; Decap validates the config itself.
CMS.init({ config: config as never });
