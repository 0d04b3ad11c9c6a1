import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { LocalOutboxMailer } from '../../src/adapters/local-outbox-mailer.ts';
import { LocalFileLedger } from '../../src/adapters/notice-ledger.ts';
import { casePath, serialiseCaseFile } from '../../src/core/case-file.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import { sweepDeadlines } from '../../src/use-cases/sweep-deadlines.ts';
import { applyCommands, givenCase } from '../unit/given-case.ts';
import { createIntakeWorld, type IntakeWorld } from './support/intake.ts';
import { sweepOptions } from './support/sweep.ts';

describe('outcome letters', () => {
  let world: IntakeWorld;
  let mailer: LocalOutboxMailer;
  let ledger: LocalFileLedger;
  beforeEach(async () => {
    world = await createIntakeWorld();
    mailer = new LocalOutboxMailer(join(world.dir, 'outbox'));
    ledger = new LocalFileLedger(join(world.dir, 'ledger'));
  });
  afterEach(async () => {
    await world.cleanUp();
  });

  it('the sweep sends each outcome letter once, on any day, to the complainant', async () => {
    const provider = world.provider('digital-marketing-mentor');
    const context = { provider, calendar: holidayCalendar(provider.nation) };
    const stored = applyCommands(context, givenCase(context, '2026-03-16'), {
      type: 'respond',
      on: '2026-03-28',
      outcome: 'not-upheld',
      summary: 'The course ran as advertised.',
      sentBy: 'email',
    });
    await world.store.create(
      casePath(provider, stored),
      serialiseCaseFile(stored, deriveClocks(stored, provider, '2026-03-28', context.calendar)),
      'Respond',
    );

    // Saturday 28 March: no staff notices go out, but the letter does.
    const first = await sweepDeadlines(sweepOptions(world, mailer, ledger, '2026-03-28'));
    const again = await sweepDeadlines(sweepOptions(world, mailer, ledger, '2026-03-30'));

    expect([first.outcomeLetters, again.outcomeLetters]).toEqual([1, 0]);
    const sent = await mailer.sent();
    expect(sent.map((entry) => [entry.message.tag, entry.message.to])).toEqual([
      ['outcome-letter', ['sam@example.org']],
    ]);
    expect(sent[0]?.message.text).toContain(
      'Ask online: https://complaints.example.org/digital-marketing-mentor/escalate/',
    );
  });
});
