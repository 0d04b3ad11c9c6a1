import { describe, expect, it } from 'vitest';
import { renderStatusPage } from '../../src/components/status/StatusPage.tsx';
import type { CaseStatus } from '../../src/core/case-status.ts';
import type { Provider } from '../../src/core/provider.ts';
import { fixtureProvider } from '../support/fixtures.ts';

const SITE = 'https://complaints.example.org';

/** A case at `stageName`, with nothing due; `lastStageAnswered` once its last stage has an outcome. */
const status = (stageName: string, lastStageAnswered: boolean): CaseStatus => ({
  reference: 'ABC-261201-7K3M9Q',
  stageName,
  status: lastStageAnswered ? 'closed' : 'open',
  next: [],
  undated: [],
  lastStageAnswered,
});

/** The page's text, without its markup. */
const textOf = (provider: Provider, shown: CaseStatus) =>
  renderStatusPage(provider, shown, SITE)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the status page after the last stage', () => {
  it('says the procedure has ended where the policy gives no route outside the provider (Interlearn)', async () => {
    const interlearn = await fixtureProvider('interlearn');
    const text = textOf(interlearn, status('Appeals Procedure', true));
    expect(text).toContain(
      "This was the last stage of Interlearn's complaints procedure, which has now ended.",
    );
    expect(text).not.toContain('you can contact');
  });

  it('gives the route outside the provider where the policy gives one, worded from when it allows it', async () => {
    const cqm = await fixtureProvider('cqm');
    expect(textOf(cqm, status('Final stage', true))).toContain(
      'If you are still not satisfied at the end of this procedure, you can contact the ESFA Apprenticeship Service.',
    );
    expect(textOf(cqm, status('Stage 1: Frontline Resolution', false))).not.toContain('ESFA');
  });

  it("gives ACE's route to the ESFA at any stage, as its policy sets no condition", async () => {
    const ace = await fixtureProvider('ace-training');
    expect(textOf(ace, status('Stage 1', false))).toContain(
      'You can also contact the Education & Skills Funding Agency at any time.',
    );
  });
});
