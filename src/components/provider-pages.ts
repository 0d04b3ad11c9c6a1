import { type CollectionEntry, getCollection } from 'astro:content';

/** What every page under `/<provider>/` is built from: the procedure data and the policy text. */
export interface ProviderPageProps {
  provider: CollectionEntry<'providers'>['data'];
  policy: CollectionEntry<'policies'>;
}

/** Every provider's procedure, in the order people look for them: by name. */
export async function listProviders(): Promise<CollectionEntry<'providers'>['data'][]> {
  return (await getCollection('providers'))
    .map((entry) => entry.data)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** One page per provider; a provider without its policy text fails the build with the file to add. */
export async function listProviderPages(): Promise<
  { params: { provider: string }; props: ProviderPageProps }[]
> {
  const [providers, policies] = await Promise.all([getCollection('providers'), getCollection('policies')]);
  return providers
    .sort((a, b) => a.data.name.localeCompare(b.data.name, 'en-GB'))
    .map((entry) => {
      const policy = policies.find((candidate) => candidate.id === entry.data.slug);
      if (policy === undefined) {
        throw new Error(
          `content/policies/${entry.data.slug}.md is missing: every provider in content/providers needs its policy text`,
        );
      }
      return { params: { provider: entry.data.slug }, props: { provider: entry.data, policy } };
    });
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A `YYYY-MM-DD` date as people write it, e.g. "24 November 2024". */
export function formatDate(date: string): string {
  return DATE_FORMAT.format(new Date(`${date}T00:00:00Z`));
}

/** A UK number as printed, e.g. "0208 607 7850", as a link phones can dial: `tel:+442086077850`. */
export function toTelHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('0') ? `+44${digits.slice(1)}` : digits}`;
}
