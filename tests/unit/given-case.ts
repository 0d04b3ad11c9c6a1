import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { type Case, CaseSchema } from '../../src/core/case.ts';
import {
  applyCommand,
  decide,
  INITIAL_STATE,
  type LifecycleCommand,
  type LifecycleContext,
  positionOf,
  replayEvents,
} from '../../src/core/lifecycle.ts';
import type { IsoDate } from '../../src/core/period.ts';
import type { Channel } from '../../src/core/provider.ts';
import { createReference } from '../../src/core/reference.ts';
import { fixtureProvider } from '../support/fixtures.ts';

/** A fixture provider (tests/fixtures/providers), with its nation's real bank holidays. */
export async function givenProvider(slug: string): Promise<LifecycleContext> {
  const provider = await fixtureProvider(slug);
  return { provider, calendar: holidayCalendar(provider.nation) };
}

/** A complaint from an invented complainant, received on `receivedOn` and logged the way intake logs it. */
export function givenCase(
  context: LifecycleContext,
  receivedOn: IsoDate,
  options: { channel?: Channel; stage?: string } = {},
): Case {
  const events = decide({ type: 'receive', on: receivedOn, stage: options.stage }, INITIAL_STATE, context);
  return CaseSchema.parse({
    reference: createReference(context.provider.slug, receivedOn, Uint8Array.of(1, 2, 3, 4, 5, 6)),
    provider: context.provider.slug,
    receivedAt: `${receivedOn}T09:30:00Z`,
    channel: options.channel ?? 'email',
    complainant: {
      name: 'Sam Example',
      email: 'sam@example.org',
      preferredContact: 'email',
      role: 'learner-or-apprentice',
      under18: false,
    },
    complaint: {
      about: 'product-or-service',
      whatHappened: 'The course materials promised at enrolment never arrived.',
      raisedInformally: { raised: true, withWhom: 'my tutor' },
      outcomeWanted: 'The materials, and an apology.',
    },
    events,
    ...positionOf(replayEvents(events)),
  });
}

/** The case after each command in turn; the stored case is checked against its schema at the end. */
export function applyCommands(
  context: LifecycleContext,
  stored: Case,
  ...commands: LifecycleCommand[]
): Case {
  return CaseSchema.parse(
    commands.reduce((current, command) => applyCommand(current, command, context), stored),
  );
}
