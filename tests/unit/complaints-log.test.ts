import { describe, expect, it } from 'vitest';
import {
  complaintsLog,
  logAsCsv,
  readCaseForReport,
  spreadsheetSafe,
} from '../../src/core/complaints-log.ts';
import { fixtureProvider } from '../support/fixtures.ts';
import { reportCases } from '../support/report-cases.ts';

const { files } = await reportCases();
// Case 20: through staff, acknowledged late, not upheld, closed; its log filled in by staff.
const file = files[20];
if (file === undefined) throw new Error('the fixture has case 20');

describe('the complaints log fills each provider’s own columns from the case', () => {
  it.each([
    [
      'interlearn',
      {
        'Is the complainant an apprentice or a Client?': 'A learner or apprentice',
        'What is the complainants name?': 'Zebedee Quillfeather020',
        'Referral department': 'Quality',
        'Referral manager': 'Manager Bellweather20',
        'Was a satisfactory resolution identified and agreed with the complainant': 'No',
        'Date closed': '2026-03-03',
      },
    ],
    [
      'digital-marketing-mentor',
      {
        Address: '20 Xylophone Lane, Qwertonbury QW020 1ZZ',
        Course: 'Advanced Plovercraft 020',
        'Date logged and acknowledgement letter sent to complainant': '2026-02-10',
        'Date referred to designated manager': '2026-02-02',
        'Date response sent to complaint': '2026-03-02',
      },
    ],
    [
      'ace-training',
      {
        'Date complaint received': '2026-02-02',
        'Received from': 'Zebedee Quillfeather020',
        // Case 20 wrote a formula here: the log keeps it as written; only the CSV guards it.
        'Reported to': '-2+3',
        'Resolution & Date': 'Not upheld 2026-03-02; closed 2026-03-03',
        'a very brief description of the response': 'Response on 2026-03-02',
      },
    ],
  ])('%s', async (slug, expected) => {
    const provider = await fixtureProvider(slug);
    const { columns, rows } = complaintsLog(provider, [file]);
    expect(columns).toEqual(provider.log.fields.map((field) => field.label));
    const row = Object.fromEntries(columns.map((column, i) => [column, rows[0]?.[i]]));
    expect(row).toMatchObject(expected);
  });
});

describe('spreadsheetSafe: no cell can start a formula (OWASP, CSV injection)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 7700 900000', "'+44 7700 900000"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rReturn', "'\rReturn"],
    ['Upheld = yes', 'Upheld = yes'],
    ['', ''],
  ])('%j becomes %j', (cell, safe) => {
    expect(spreadsheetSafe(cell)).toBe(safe);
  });

  it('writes RFC 4180: CRLF rows, a field with a comma, quote or line break quoted, quotes doubled', () => {
    const csv = logAsCsv({ columns: ['A', 'B'], rows: [['x, y', 'say "hi"\nthen go']] });
    expect(csv).toBe('\uFEFFA,B\r\n"x, y","say ""hi""\nthen go"\r\n');
  });
});

describe('readCaseForReport: a case a newer Redress wrote is still counted', () => {
  it('leaves out an event of a kind, or with a field, it does not know, and reads the rest', () => {
    const events = [
      ...file.events.slice(0, 2),
      { type: 'mediation-offered', on: '2026-02-11', stage: 'stage-1' },
      { ...file.events[2], sentByCarrierPigeon: true },
      ...file.events.slice(3),
    ];
    const result = readCaseForReport({ ...file, events });
    expect(result.success).toBe(true);
    expect(result.data?.events.map((event) => event.type)).toEqual(['received', 'acknowledged', 'closed']);
  });

  it('still refuses a case that is wrong in any other way', () => {
    expect(readCaseForReport({ ...file, channel: 'pigeon' }).success).toBe(false);
  });
});
