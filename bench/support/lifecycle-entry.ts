// What bench/lifecycle.mjs uses, bundled together: the two functions' handlers, the composition
// root, and a way to set up answered cases. Setting up is never what the benchmark measures.
import pLimit from 'p-limit';
import type { Services } from '../../src/composition/services.ts';
import { type Case, CaseSchema } from '../../src/core/case.ts';
import { casePath, serialiseCaseFile } from '../../src/core/case-file.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import { applyCommand, decide, INITIAL_STATE, positionOf, replayEvents } from '../../src/core/lifecycle.ts';
import type { IsoDate } from '../../src/core/period.ts';
import type { Provider } from '../../src/core/provider.ts';
import { createReference } from '../../src/core/reference.ts';
import { newStatusToken } from '../../src/use-cases/status-token.ts';

export { handleEscalation } from '../../functions/escalate.mts';
export { handleStatus } from '../../functions/show-status.mts';
export { servicesFrom } from '../../src/composition/services.ts';
export { settingsFrom } from '../../src/composition/settings.ts';
export { londonDate } from '../../src/core/calendar.ts';

/** `count` cases whose first stage's outcome was emailed `today`, stored and indexed by status key. */
export async function writeAnsweredCases(
  services: Services,
  provider: Provider,
  count: number,
  today: IsoDate,
) {
  const context = { provider, calendar: services.calendar(provider.nation) };
  const store = services.caseStore(provider);
  const cases: Case[] = [];
  const tokens: string[] = [];
  await pLimit(32).map(
    Array.from({ length: count }, (_, i) => i),
    async (i) => {
      const events = decide({ type: 'receive', on: today }, INITIAL_STATE, context);
      const received = CaseSchema.parse({
        reference: createReference(
          provider.slug,
          today,
          Uint8Array.from({ length: 6 }, (_, k) => (i >> (k * 5)) & 31),
        ),
        provider: provider.slug,
        receivedAt: `${today}T10:00:00Z`,
        channel: 'email',
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
        events,
        statusToken: newStatusToken(),
        ...positionOf(replayEvents(events)),
      });
      const stored = applyCommand(
        received,
        { type: 'respond', on: today, outcome: 'not-upheld', summary: 'Synthetic outcome.', sentBy: 'email' },
        context,
      );
      const path = casePath(provider, stored);
      await store.create(
        path,
        serialiseCaseFile(stored, deriveClocks(stored, provider, today, context.calendar)),
        `Receive ${stored.reference}`,
      );
      await services.statusIndex.set(stored.statusToken ?? '', path);
      cases.push(stored);
      tokens.push(stored.statusToken ?? '');
    },
  );
  return { cases, tokens };
}

/** The outcome letter's link for a case of `writeAnsweredCases`. */
export function linkFor(services: Services, provider: Provider, stored: Case, today: IsoDate): string {
  return services.escalationLink(provider, stored, {
    reference: stored.reference,
    stage: 'stage-1',
    sentOn: today,
  });
}
