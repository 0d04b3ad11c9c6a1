import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { PolicySchema } from './core/policy.ts';
import { ProviderSchema } from './core/provider.ts';

// Astro's `z` is zod 4 from the same package src/core imports, so the collections validate with the
// core schemas themselves: a provider or policy file the engine would refuse also fails the build.
export const collections = {
  /** content/providers/<slug>.yaml: each provider's procedure as data. */
  providers: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/providers' }),
    schema: ProviderSchema,
  }),
  /**
   * content/policies/<slug>.md: the policy text and what it says about itself. The text sits under
   * the provider page's own headings, so its top-level sections are `###`.
   */
  policies: defineCollection({
    loader: glob({ pattern: '*.md', base: './content/policies' }),
    schema: PolicySchema,
  }),
};
