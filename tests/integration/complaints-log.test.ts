import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runComplaints } from '../../src/cli/complaints.ts';
import { casePath, serialiseCaseFile } from '../../src/core/case-file.ts';
import { fixtureWiring } from '../support/fixtures.ts';
import { FORMULA_TEXTS, personalDataOf, REPORT_AS_OF, reportCases } from '../support/report-cases.ts';

/**
 * `complaints log` and `complaints report` over the 64 fixture cases, committed to a local case
 * store as intake and the staff editor commit them.
 */

let dir: string;
let wiring: ReturnType<typeof fixtureWiring>;
const { files } = await reportCases();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redress-log-'));
  const environment = { REDRESS_DATA_DIR: dir };
  wiring = fixtureWiring(environment);
  const services = await wiring.services();
  const provider = (await services.providers()).find((candidate) => candidate.slug === 'cqm');
  if (provider === undefined) throw new Error('the fixtures have cqm');
  const store = services.caseStore(provider);
  await Promise.all(
    files.map(({ derived, ...stored }) =>
      store.create(
        casePath(provider, stored),
        serialiseCaseFile(stored, derived),
        `Receive ${stored.reference}`,
      ),
    ),
  );
  // A file a person broke by hand: left out and named, never a half-written log.
  await store.create('cqm/2026/cqm-260202-broken.yaml', 'reference: [unclosed', 'Break a case');
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
  const code = await runComplaints(argv, io, wiring);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A formula-starting cell, as OWASP lists them. */
const FORMULA_START = /^[=+\-@\t\r]/;

describe('complaints log', () => {
  it('writes CSV with the provider’s own column names, one row per complaint, none a formula', async () => {
    const { code, out, err } = await run('log', '--provider', 'cqm', '--format', 'csv');
    expect(code).toBe(0);
    expect(err).toBe(
      'complaints: left out cqm/2026/cqm-260202-broken.yaml of cqm: it cannot be read as a case',
    );
    // A byte order mark, so Excel reads the file as UTF-8; then the policy's columns.
    expect(out.startsWith('\uFEFFComplaint made,Resolution\r\n')).toBe(true);
    const rows: string[][] = parse(out.slice(1));
    expect(rows.length).toBe(1 + 64);
    for (const cell of rows.flat()) expect(cell).not.toMatch(FORMULA_START);
    // Case 0 (2025's first row is case 40) wrote a formula, kept as text behind a quote.
    expect(rows.map((row) => row[0])).toContain(`'${FORMULA_TEXTS[0]}`);
    expect(rows.map((row) => row[0])).toContain(personalDataOf(1).whatHappened);
  });

  it('keeps to --from and --to, and gives the figures of the period: 40 rows in 2026, in order received', async () => {
    const { out } = await run(
      'log',
      '--provider',
      'cqm',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--format',
      'json',
    );
    const rows: Record<string, string>[] = JSON.parse(out);
    expect(rows.length).toBe(40);
    expect(Object.keys(rows[0] ?? {})).toEqual(['Complaint made', 'Resolution']);
    const resolutions = rows.map((row) => row.Resolution);
    expect(resolutions.filter((text) => text === 'Upheld 2026-02-23; closed 2026-02-24').length).toBe(20);
    expect(resolutions.filter((text) => text === 'Not upheld 2026-03-02; closed 2026-03-03').length).toBe(10);
    expect(resolutions.filter((text) => text === 'Not upheld 2026-03-04; closed 2026-03-05').length).toBe(5);
    expect(resolutions.filter((text) => text === '').length).toBe(2);
    expect(resolutions.filter((text) => text === 'withdrawn 2026-02-05').length).toBe(3);
  });

  it.each([
    [['log'], '--provider is required'],
    [['log', '--provider', 'nobody'], 'no provider is called "nobody"'],
    [['log', '--provider', 'cqm', '--format', 'xlsx'], '--format must be csv or json (found "xlsx")'],
    [['log', '--provider', 'cqm', '--from', '2026-13-01'], '--from must be a real date'],
    [
      ['log', '--provider', 'cqm', '--from', '2026-02-01', '--to', '2026-01-01'],
      '--from (2026-02-01) must not be after --to (2026-01-01)',
    ],
    [['report', '--provider', 'cqm'], '--period is required, as YYYY or YYYY-Qn'],
    [['report', '--provider', 'cqm', '--period', '2026-Q5'], '--period must be a year (2026) or a quarter'],
  ])('%j says what is wrong and exits 2', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

describe('complaints report', () => {
  it('writes the anonymised report of a year to a file, with the year before beside it', async () => {
    const out = join(dir, 'cqm-2026.html');
    const { code, err } = await run(
      'report',
      '--provider',
      'cqm',
      '--period',
      '2026',
      '--out',
      out,
      '--now',
      REPORT_AS_OF,
    );
    expect(code).toBe(0);
    expect(err.split('\n')).toEqual([
      'complaints: left out cqm/2026/cqm-260202-broken.yaml of cqm: it cannot be read as a case',
      `wrote the 2026 report of CQM Training & Consultancy to ${out}`,
    ]);
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<th scope="row">Complaints received</th><td>40</td><td>24</td>');
    expect(html).not.toContain(personalDataOf(0).name);
  });
});
