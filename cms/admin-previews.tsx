import type { ReactNode } from 'react';
import { PolicyText } from '../src/components/PolicyText.tsx';
import { ProcedureSummary } from '../src/components/ProcedureSummary.tsx';
import { VersionBlock } from '../src/components/VersionBlock.tsx';
import type { IsoDate } from '../src/core/period.ts';
import { checkReview, PolicySchema } from '../src/core/policy.ts';
import { summariseProcedure } from '../src/core/procedure-summary.ts';
import { ProviderSchema } from '../src/core/provider.ts';
import { type Entry, schemaProblems, withoutEmptyValues } from './entry-checks.ts';

/**
 * What the publishers' preview shows beside the form: the page the public will see, rendered by the
 * site's own components from the entry as it stands, so a changed clock shows its new timescale
 * before it is saved. An entry the site would refuse shows what must change instead.
 */

/** Shown in place of the page while the entry cannot be published. */
function NotYetPublishable({ problems }: { problems: readonly string[] }) {
  return (
    <div className="panel warning" role="status">
      <p>
        <strong>The preview shows once this can be saved.</strong> What to change first:
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}

/** The provider page's summary of the procedure, with every timescale it promises. */
export function ProcedurePreview({ entry }: { entry: Entry }) {
  const data = withoutEmptyValues(entry.get('data')).toJS();
  const parsed = ProviderSchema.safeParse(data);
  if (!parsed.success) return <NotYetPublishable problems={schemaProblems(ProviderSchema, data)} />;
  const provider = parsed.data;
  return (
    <ProcedureSummary summary={summariseProcedure(provider)} procedureHref={`/${provider.slug}/procedure/`} />
  );
}

export interface PolicyPreviewProps {
  entry: Entry;
  /** Decap's rendering of a field's value: here the policy text, from its Markdown. */
  widgetFor: (name: string) => ReactNode;
  /** Each provider's name, by slug: a policy file is named after its provider. */
  providerNames: ReadonlyMap<string, string>;
  /** The day the preview is made, for whether the review is overdue. */
  today: IsoDate;
}

/** The provider page's version block and the policy text under it. */
export function PolicyPreview({ entry, widgetFor, providerNames, today }: PolicyPreviewProps) {
  const { body: _body, ...frontMatter } = withoutEmptyValues(entry.get('data')).toJS();
  const parsed = PolicySchema.safeParse(frontMatter);
  if (!parsed.success) return <NotYetPublishable problems={schemaProblems(PolicySchema, frontMatter)} />;
  const policy = parsed.data;
  const slug = entry.get('slug');
  const providerName = providerNames.get(slug) ?? slug;
  return (
    <>
      <VersionBlock policy={policy} review={checkReview(policy, today)} providerName={providerName} />
      <PolicyText title={policy.title} providerName={providerName}>
        {widgetFor('body')}
      </PolicyText>
    </>
  );
}
