import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/core/calendar.ts';
import { casePath, serialiseCaseFile } from '../../src/core/case-file.ts';
import type { Provider } from '../../src/core/provider.ts';
import { sendBoardReports } from '../../src/use-cases/board-report.ts';
import { fixtureProviders, fixtureServices } from '../support/fixtures.ts';
import { reportCases } from '../support/report-cases.ts';

/**
 * The daily report run (functions/send-reports.mts) over a simulated year, with the real local case
 * store, ledger and outbox: each provider that promises a report gets one per period, once.
 */

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redress-reports-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The fixture providers, their report contacts given an address: none of the published policies
 * prints one, so a real provider file gets it from the provider (and `complaints doctor` names
 * those still missing).
 */
async function providersWithReportAddresses(): Promise<Provider[]> {
  return (await fixtureProviders()).map((provider) => ({
    ...provider,
    contacts: provider.contacts.map((contact) =>
      provider.report?.mailTo.includes(contact.id)
        ? { ...contact, email: `${contact.id}@${provider.slug}.example.org` }
        : contact,
    ),
  }));
}

function runDaily(services: ReturnType<typeof fixtureServices>, providers: Provider[], today: string) {
  return sendBoardReports({
    providers,
    today,
    store: services.caseStore,
    calendar: services.calendar,
    mailer: services.mailer,
    ledger: services.noticeLedger,
    log: services.log,
  });
}

describe('sending the reports', () => {
  it('over a year of daily runs, sends each provider’s report once per period, and keeps each in its case store', async () => {
    const services = fixtureServices({ REDRESS_DATA_DIR: dir });
    const providers = await providersWithReportAddresses();
    const cqm = providers.find((provider) => provider.slug === 'cqm') as Provider;
    const { files } = await reportCases();
    await Promise.all(
      files.map(({ derived, ...stored }) =>
        services
          .caseStore(cqm)
          .create(casePath(cqm, stored), serialiseCaseFile(stored, derived), `Receive ${stored.reference}`),
      ),
    );
    for (let day = '2027-01-01'; day <= '2027-12-31'; day = addCalendarDays(day, 1)) {
      await runDaily(services, providers, day);
    }
    const mail = (await services.mailArchive?.sent()) ?? [];
    expect(mail.map(({ message }) => [message.to.join(), message.subject]).toSorted()).toEqual([
      ['board@dynamic-training.example.org', 'Dynamic Training: complaints report, April to June 2027'],
      ['board@dynamic-training.example.org', 'Dynamic Training: complaints report, January to March 2027'],
      ['board@dynamic-training.example.org', 'Dynamic Training: complaints report, July to September 2027'],
      ['board@dynamic-training.example.org', 'Dynamic Training: complaints report, October to December 2026'],
      ['directors-of-the-board@cqm.example.org', 'CQM Training & Consultancy: complaints report, 2026'],
      ['directors@digital-marketing-mentor.example.org', 'Digital Marketing Mentor: complaints report, 2026'],
    ]);
    const store = services.caseStore(cqm);
    const kept = await store.read('reports/cqm/2026.html');
    expect(kept?.text).toContain('<td>40</td><td>24</td>');
    expect(mail.find(({ message }) => message.subject.startsWith('CQM'))?.message.html).toBe(kept?.text);
    expect(await store.list('reports/')).toEqual([
      'reports/cqm/2026.html',
      'reports/digital-marketing-mentor/2026.html',
      'reports/dynamic-training/2026-Q4.html',
      'reports/dynamic-training/2027-Q1.html',
      'reports/dynamic-training/2027-Q2.html',
      'reports/dynamic-training/2027-Q3.html',
    ]);
    // The staff editor and the sweep read the provider's own folder, which holds only cases.
    expect((await store.list('cqm/')).every((path) => path.endsWith('.yaml'))).toBe(true);
  }, 300_000);

  it('keeps the report but mails nobody while the report contacts have no address, then mails the kept one', async () => {
    const services = fixtureServices({ REDRESS_DATA_DIR: dir });
    const providers = (await fixtureProviders()).filter((provider) => provider.slug === 'cqm');
    const first = await runDaily(services, providers, '2027-01-01');
    expect(first).toEqual([
      { provider: 'cqm', period: '2026', path: 'reports/cqm/2026.html', mailed: false },
    ]);
    expect(await runDaily(services, providers, '2027-01-02')).toEqual(first);
    expect((await services.mailArchive?.sent())?.length).toBe(0);
    // Once the board has an address, the report kept on the 1st is the one mailed.
    const addressed = (await providersWithReportAddresses()).filter((provider) => provider.slug === 'cqm');
    expect(await runDaily(services, addressed, '2027-01-05')).toEqual([{ ...first[0], mailed: true }]);
    const [mail] = (await services.mailArchive?.sent()) ?? [];
    expect(mail?.message.html).toContain('Made by Redress on 2027-01-01.');
    expect(await runDaily(services, addressed, '2027-01-06')).toEqual([]);
  }, 120_000);
});
