import { type HolidayCalendar, londonDate } from './calendar.ts';
import { type Case, CaseSchema, type Derived } from './case.ts';
import { deriveClocks } from './clocks.ts';
import { decide, INITIAL_STATE, positionOf, replayEvents } from './lifecycle.ts';
import type { IsoDate } from './period.ts';
import type { Channel, Provider } from './provider.ts';
import { FORMAT_LABELS, type SubmissionAnswers } from './submission-rules.ts';

/** What the edge knows about a complaint's arrival that the person did not type. */
export interface Arrival {
  reference: string;
  /** The instant it arrived (ISO 8601). */
  receivedAt: string;
  channel: Channel;
}

/**
 * A new case from an accepted submission. The person who filled in the form is the complainant,
 * or, when they complain for someone else, the representative; replies go to whoever filled it in.
 */
export function caseFromSubmission(
  provider: Provider,
  submission: SubmissionAnswers,
  arrival: Arrival,
  calendar: HolidayCalendar,
): Case {
  const { contact, complainant, representative, complaint, adjustments } = submission;
  const details = {
    name: contact.name,
    ...(contact.email === undefined ? {} : { email: contact.email }),
    ...(contact.phone === undefined ? {} : { phone: contact.phone }),
    ...(contact.address === undefined ? {} : { address: contact.address }),
  };
  // The decider says where a new complaint starts (the first formal stage), as for one staff log.
  const events = decide({ type: 'receive', on: londonDate(arrival.receivedAt) }, INITIAL_STATE, {
    provider,
    calendar,
  });
  const needs = [
    adjustments?.format === undefined ? undefined : `Preferred format: ${FORMAT_LABELS[adjustments.format]}`,
    adjustments?.needs,
  ].filter((line): line is string => line !== undefined);
  return CaseSchema.parse({
    reference: arrival.reference,
    provider: provider.slug,
    receivedAt: arrival.receivedAt,
    channel: arrival.channel,
    complainant:
      representative === undefined
        ? { ...details, ...complainant, preferredContact: contact.preferredContact }
        : { ...complainant, preferredContact: contact.preferredContact },
    ...(representative === undefined
      ? {}
      : {
          representative: {
            ...details,
            reason: representative.reason,
            consent: { confirmed: representative.consentConfirmed },
          },
        }),
    ...(needs.length === 0 ? {} : { adjustments: needs.join('\n') }),
    complaint,
    events,
    ...positionOf(replayEvents(events)),
  });
}

/**
 * The clocks of a complaint made through the form on `receivedOn`, worked out exactly as its case
 * file's are. The confirmation page needs only the reference's date for them, never the case.
 */
export function formComplaintClocks(
  provider: Provider,
  reference: string,
  receivedOn: IsoDate,
  calendar: HolidayCalendar,
): { stage: string; derived: Derived } {
  const events = decide({ type: 'receive', on: receivedOn }, INITIAL_STATE, { provider, calendar });
  const { stage } = positionOf(replayEvents(events));
  return {
    stage,
    derived: deriveClocks({ reference, channel: 'website', events }, provider, receivedOn, calendar),
  };
}
