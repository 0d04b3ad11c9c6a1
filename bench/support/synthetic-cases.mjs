// Synthetic open cases for the benchmarks, written straight into a case store's working tree and
// committed once, as the local git case store and decap-server read them. Setting up is never
// what a benchmark measures.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { addCalendarDays } from '../../src/core/calendar.ts';
import { casePath, serialiseCaseFile } from '../../src/core/case-file.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import { createReference } from '../../src/core/reference.ts';

const git = promisify(execFile);

/**
 * Writes `count` open cases into the git repository `casesDir` (created if need be), taking the
 * providers in turn, received over the eight weeks before `today`, with their clocks as the
 * previous day's sweep left them.
 */
export async function writeSyntheticCases(casesDir, providers, { count, today }) {
  await mkdir(casesDir, { recursive: true });
  await git('git', ['-C', casesDir, 'init', '--quiet', '--initial-branch=main']);
  for (let i = 0; i < count; i += 1) {
    const provider = providers[i % providers.length];
    const receivedOn = addCalendarDays(today, -(i % 56));
    const random = Uint8Array.from({ length: 6 }, (_, k) => (i >> (k * 5)) & 31);
    const stage = provider.stages.find((candidate) => !candidate.informal);
    const stored = {
      reference: createReference(provider.slug, receivedOn, random),
      provider: provider.slug,
      receivedAt: `${receivedOn}T10:00:00Z`,
      channel: provider.channels.accepted.includes('email') ? 'email' : provider.channels.accepted[0],
      complainant: {
        name: `Bench Person ${i}`,
        email: `person${i}@example.org`,
        preferredContact: 'email',
        role: 'learner-or-apprentice',
        under18: false,
      },
      complaint: {
        about: 'organisation',
        whatHappened: 'Synthetic complaint for a benchmark.',
        raisedInformally: { raised: false },
        outcomeWanted: 'An answer.',
      },
      stage: stage.id,
      status: 'open',
      handlers: [{ stage: stage.id, name: 'Bench Handler', email: 'handler@example.org' }],
      events: [{ type: 'received', on: receivedOn, stage: stage.id }],
      notes: [],
      actions: [],
    };
    const derived = deriveClocks(
      stored,
      provider,
      addCalendarDays(today, -1),
      holidayCalendar(provider.nation),
    );
    const path = join(casesDir, casePath(provider, stored));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, serialiseCaseFile(stored, derived));
  }
  await git('git', ['-C', casesDir, 'add', '-A']);
  await git('git', [
    '-C',
    casesDir,
    '-c',
    'user.name=Bench',
    '-c',
    'user.email=bench@example.org',
    'commit',
    '-qm',
    'Bench cases',
  ]);
}
