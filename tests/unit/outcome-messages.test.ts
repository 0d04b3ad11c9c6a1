import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/case.ts';
import type { LifecycleCommand } from '../../src/core/lifecycle.ts';
import { outcomeLettersDue, outcomeMessage } from '../../src/core/outcome-messages.ts';
import { applyCommands, givenCase, givenProvider } from './given-case.ts';

const dmm = await givenProvider('digital-marketing-mentor');
const cqm = await givenProvider('cqm');
const ace = await givenProvider('ace-training');
const interlearn = await givenProvider('interlearn');
const ASK = 'https://complaints.example.org/digital-marketing-mentor/escalate/';

const respond = (on: string, sentBy?: 'email' | 'post' | 'in-person'): LifecycleCommand => ({
  type: 'respond',
  on,
  outcome: 'partially-upheld',
  summary: 'The materials were late; they are on their way with an apology.',
  ...(sentBy === undefined ? {} : { sentBy }),
});

const letterOf = (context: typeof dmm, stored: Case) => {
  const [letter] = outcomeLettersDue(stored).slice(-1);
  if (letter === undefined) throw new Error('no letter due');
  return outcomeMessage(context.provider, stored, letter, context.calendar, ASK);
};

describe('the outcome letter', () => {
  it('says what was decided, who handles the next stage, the last day to ask as a date, and where to ask', () => {
    // Posted Thursday 26 March 2026: deemed received Monday 30 March; 10 working days, with Good
    // Friday and Easter Monday off, end on Wednesday 15 April.
    const stored = applyCommands(dmm, givenCase(dmm, '2026-03-16'), respond('2026-03-26', 'post'));
    const { subject, text } = letterOf(dmm, stored);
    expect(subject).toBe(`The outcome of your complaint: ${stored.reference}`);
    expect(text).toContain('Your complaint is partly upheld: we agree with some of it.');
    expect(text).toContain('The materials were late; they are on their way with an apology.');
    expect(text).toContain('you can ask for Stage 2, handled by the Managing Director.');
    expect(text).toContain('The last day to ask is Wednesday 15 April 2026.');
    expect(text).toContain(`Ask online: ${ASK}`);
    expect(text).toContain('- Email: julie@digitalmarketingmentor.co.uk');
  });

  it('after the last stage, gives the external route with the contact details the policy gives', () => {
    const atFinal = applyCommands(
      cqm,
      givenCase(cqm, '2026-06-01', { stage: 'final' }),
      respond('2026-06-12', 'email'),
    );
    const { text } = letterOf(cqm, atFinal);
    expect(text).toContain(
      "This was the last stage of CQM Training & Consultancy's complaints procedure, which has now ended. If you are still not satisfied at the end of this procedure, you can contact the ESFA Apprenticeship Service:",
    );
    expect(text).toContain(
      '- Email: helpdesk@manage-apprenticeships.service.gov.uk\n- Telephone: 08000 150 600',
    );
    expect(text).not.toContain('Ask online');
  });

  it('after the last stage of a procedure with no route outside it, says the procedure has ended', () => {
    const atAppeal = applyCommands(
      interlearn,
      givenCase(interlearn, '2026-06-01', { stage: 'appeal' }),
      respond('2026-06-12', 'email'),
    );
    const { text } = letterOf(interlearn, atAppeal);
    expect(text).toContain(
      "This was the last stage of Interlearn's complaints procedure, which has now ended.",
    );
    expect(text).not.toContain('you can contact');
    expect(text).not.toContain('Ask online');
  });

  it('words the route outside the provider as its policy does: ACE, with no condition', () => {
    const atLast = applyCommands(
      ace,
      givenCase(ace, '2026-06-01', { stage: 'stage-2' }),
      respond('2026-06-12', 'email'),
    );
    const { text } = letterOf(ace, atLast);
    expect(text).toContain('You can also contact the Education & Skills Funding Agency at any time.');
    expect(text).not.toContain('at the end of this procedure');
  });

  it('gives no one to write to for a next stage whose policy names no contact (Interlearn appeals)', () => {
    const answered = applyCommands(
      interlearn,
      givenCase(interlearn, '2026-06-01'),
      respond('2026-06-12', 'email'),
    );
    const { text } = letterOf(interlearn, answered);
    expect(text).toContain("you can ask for Appeals Procedure, handled by Interlearn's Appeals Procedure.");
    expect(text).not.toContain('Or write to');
    expect(text).not.toContain('customerservices@interlearn.co.uk');
  });

  it('escapes what staff wrote in the HTML version', () => {
    const stored = applyCommands(dmm, givenCase(dmm, '2026-03-16'), {
      ...respond('2026-03-26', 'email'),
      summary: 'Refund <b>agreed</b>',
    } as LifecycleCommand);
    expect(letterOf(dmm, stored).html).toContain('Refund &lt;b&gt;agreed&lt;/b&gt;');
  });

  it('is due only for outcomes recorded with how they were sent, to someone with an email address', () => {
    const received = givenCase(dmm, '2026-03-16');
    expect(outcomeLettersDue(applyCommands(dmm, received, respond('2026-03-26')))).toEqual([]);
    const byPost = applyCommands(dmm, received, respond('2026-03-26', 'post'));
    expect(outcomeLettersDue(byPost)).toEqual([
      { reference: received.reference, stage: 'stage-1', sentOn: '2026-03-26' },
    ]);
    const noEmail = {
      ...byPost,
      complainant: {
        ...byPost.complainant,
        email: undefined,
        preferredContact: 'post',
        address: '1 High St',
      },
    } as Case;
    expect(outcomeLettersDue(noEmail)).toEqual([]);
  });
});
