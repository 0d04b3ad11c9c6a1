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
