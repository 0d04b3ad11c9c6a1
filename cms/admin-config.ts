import { DEFAULTS } from '../src/composition/defaults.ts';
import { PolicySchema } from '../src/core/policy.ts';
import { type Provider, ProviderSchema } from '../src/core/provider.ts';
import { type DecapField, fieldsFor, noOverride, toJsonSchema } from './decap-fields.ts';
import { PROVIDER_FILE_FORMAT } from './provider-file-format.ts';

/**
 * The publishers' editor at `/admin/`: each provider's procedure (`content/providers/<slug>.yaml`)
 * and published policy (`content/policies/<slug>.md`) in the site repository, with fields
 * generated from `ProviderSchema` and `PolicySchema`. A save commits to the site repository, and
 * the next build checks the file against the same schemas.
 */

/**
 * A note is Redress's reasoning beside a rule ("Redress's choice: …"): kept in the file and
 * editable here, so a save keeps it, and never shown on the site.
 */
function asNote(field: DecapField): DecapField {
  const inner = {
    ...field,
    ...(field.fields === undefined ? {} : { fields: field.fields.map(asNote) }),
    ...(field.field === undefined ? {} : { field: asNote(field.field) }),
  };
  return field.name === 'note'
    ? {
        ...inner,
        label: 'Note (not published)',
        widget: 'text',
        hint: 'Why Redress reads the policy this way. Only editors see it; the site never shows it.',
      }
    : inner;
}

/** The fields of a provider file. */
export function buildProviderFields(): DecapField[] {
  return fieldsFor(toJsonSchema(ProviderSchema), noOverride).map((field) =>
    // The slug names the file and every address of the provider: changing it is a developer's job.
    field.name === 'slug' ? { ...field, widget: 'hidden' } : asNote(field),
  );
}

/** The fields of a policy: its front matter, then its text. */
export function buildPolicyFields(): DecapField[] {
  return [
    ...fieldsFor(toJsonSchema(PolicySchema), noOverride),
    {
      name: 'body',
      label: 'Policy text',
      widget: 'markdown',
      required: true,
      hint: 'Top-level sections are ### headings: the text sits under the provider page’s own headings.',
    },
  ];
}

/** Production backend settings; the local backend needs none. */
export interface AdminEditorOptions {
  /** The site repository, `owner/name`. */
  repository: string;
  branch?: string | undefined;
  /** Where the GitHub OAuth client runs (Decap's `base_url`), when not Decap's default. */
  authBaseUrl?: string | undefined;
}

/** The whole Decap config of the publishers' editor. */
export function buildAdminConfig(
  providers: readonly Pick<Provider, 'slug' | 'name'>[],
  options: AdminEditorOptions,
) {
  const providerFields = buildProviderFields();
  return {
    load_config_file: false,
    local_backend: { url: `http://localhost:${DEFAULTS.adminEditorBackendPort}/api/v1` },
    backend: {
      name: 'github',
      repo: options.repository,
      branch: options.branch ?? DEFAULTS.branch,
      ...(options.authBaseUrl === undefined ? {} : { base_url: options.authBaseUrl }),
    },
    site_url: '/',
    media_folder: 'public/uploads',
    public_folder: '/uploads',
    collections: [
      {
        name: 'providers',
        label: 'Procedures',
        label_singular: 'procedure',
        description:
          'Each provider’s complaints procedure as data: stages, clocks, contacts. Every rule quotes the policy sentence it comes from.',
        // Written as the content check expects (cms/provider-file-format.ts), so a save changes
        // only what the publisher changed.
        format: PROVIDER_FILE_FORMAT,
        files: providers.map((provider) => ({
          name: provider.slug,
          label: provider.name,
          file: `content/providers/${provider.slug}.yaml`,
          fields: providerFields,
        })),
      },
      {
        name: 'policies',
        label: 'Policies',
        label_singular: 'policy',
        description: 'The published complaints policy of each provider.',
        folder: 'content/policies',
        extension: 'md',
        format: 'frontmatter',
        create: false,
        delete: false,
        identifier_field: 'title',
        summary: "{{filename}}: {{title}} · next review {{nextReviewDate | default('not set in this file')}}",
        fields: buildPolicyFields(),
      },
    ],
  };
}
export type AdminConfig = ReturnType<typeof buildAdminConfig>;
