import CMS from 'decap-cms-app';
import { createElement } from 'react';
import { ASSETS } from '../src/components/assets.ts';
import { type HolidayList, listedCalendar, londonDate } from '../src/core/calendar.ts';
import type { Provider } from '../src/core/provider.ts';
import { REFERENCE_RANDOM_BYTES } from '../src/core/reference.ts';
import {
  type CaseConfig,
  DERIVED_WIDGET,
  firstFormalStage,
  POSITION_WIDGET,
  REFERENCE_WIDGET,
} from './case-config.ts';
import { derivedOnSave, instantText, pathsToRemove, referenceFor, reviewCase } from './case-save.ts';
import {
  CasePositionControl,
  CasePreview,
  type CasePreviewProps,
  CaseReferenceControl,
  DerivedClocksControl,
} from './case-views.ts';
import { fixListItemControls, namePreviewFrames } from './editor-chrome.ts';
import type { Entry } from './entry-checks.ts';

/**
 * The staff case editor in the browser: the page embeds the provider and the config built from
 * the schemas at build time; this script adds what only the browser knows (today, random bytes)
 * and starts Decap.
 */

const embedded = document.getElementById('cms-config')?.textContent;
if (embedded === undefined || embedded === null) throw new Error('the page embeds no editor config');
const { config, provider, holidays } = JSON.parse(embedded) as {
  config: CaseConfig;
  provider: Provider;
  holidays: HolidayList;
};
const calendar = listedCalendar(holidays);

// A new case starts with the complaint being received today at the first formal stage; on save
// its date follows "Received at", so a call logged the next morning keeps the day it came in.
const today = londonDate(new Date());
for (const collection of config.collections) {
  const events = collection.fields.find((field) => field.name === 'events');
  if (events !== undefined)
    events.default = [{ type: 'received', on: today, stage: firstFormalStage(provider) }];
}

CMS.registerWidget(DERIVED_WIDGET, (props: { value?: unknown }) =>
  createElement(DerivedClocksControl, { ...props, provider }),
);
CMS.registerWidget(REFERENCE_WIDGET, CaseReferenceControl);
CMS.registerWidget(POSITION_WIDGET, CasePositionControl);
// The preview frame is a document of its own: it gets the preview's styles from the site's stylesheet.
CMS.registerPreviewStyle(ASSETS.editorCss.path);
namePreviewFrames('Preview of the case');
fixListItemControls();
CMS.registerPreviewTemplate('cases', ({ entry }: Pick<CasePreviewProps, 'entry'>) =>
  createElement(CasePreview, { entry, provider }),
);

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }: { entry: Entry }) => {
    let data = entry.get('data');
    for (const path of pathsToRemove(data.toJS())) data = data.deleteIn(path);
    const receivedAt = instantText(data.get('receivedAt'));
    data = data.setIn(['receivedAt'], receivedAt);
    if (typeof receivedAt === 'string' && entry.get('newRecord') === true) {
      if (!data.get('reference')) {
        const random = crypto.getRandomValues(new Uint8Array(REFERENCE_RANDOM_BYTES));
        data = data.setIn(['reference'], referenceFor(provider, receivedAt, random));
      }
      if (data.getIn(['events', 0, 'type']) === 'received') {
        data = data.setIn(['events', 0, 'on'], londonDate(receivedAt));
      }
    }
    // `raw` is the file as Decap read it before this edit: its events are the facts the save adds to.
    const raw = entry.get('raw');
    const review = reviewCase(data.toJS(), typeof raw === 'string' ? raw : '', provider, calendar);
    if (!review.ok) throw new Error(`The case was not saved:\n${review.problems.join('\n')}`);
    data = data
      .setIn(['events'], review.saved.events)
      .setIn(['stage'], review.saved.stage)
      .setIn(['status'], review.saved.status);
    // The clocks, and the words the list shows, follow the save; the sweep keeps them up to date after.
    return data.setIn(['derived'], derivedOnSave(data.toJS(), provider, londonDate(new Date()), calendar));
  },
});

// Decap's config types do not describe every option it accepts (view_groups, typeKey lists); the
// config is checked by Decap's own validation when it starts.
CMS.init({ config: config as never });
