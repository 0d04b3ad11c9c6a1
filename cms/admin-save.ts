import { PolicySchema } from '../src/core/policy.ts';
import { ProviderSchema } from '../src/core/provider.ts';

import { schemaProblems } from './entry-checks.ts';

/**
 * Why a publisher's edit cannot be saved as it is; none when it can. The site's build checks the
 * same schemas, so what is refused here would otherwise stop the next deploy.
 * `collection` is the editor's collection (`providers` or `policies`); `data` is the entry cleaned
 * of empty values.
 */
export function reviewPublishedEntry(collection: string, data: Record<string, unknown>): string[] {
  switch (collection) {
    case 'providers':
      return schemaProblems(ProviderSchema, data);
    case 'policies': {
      const { body: _body, ...frontMatter } = data;
      return schemaProblems(PolicySchema, frontMatter);
    }
    default:
      return [`there is no check for the collection "${collection}"`];
  }
}
