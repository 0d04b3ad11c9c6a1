import type { Provider } from '../../core/provider.ts';
import { ASSETS } from '../assets.ts';
import { renderSitePage } from '../SitePage.tsx';
import { ComplaintForm, type ComplaintFormProps, complaintPageTitle } from './ComplaintForm.tsx';

/** Where the complaint page sits: under the home page and the provider's policy page. */
export const complaintBreadcrumbs = (provider: Provider) => [
  { href: '/', label: 'All providers' },
  { href: `/${provider.slug}/`, label: provider.name },
];

/**
 * The whole complaint page at `/<provider>/complain/`: built empty as a static page, and rendered
 * again by the intake function for a post without JavaScript, with the values kept, the error
 * summary first (focused on load) and the title starting "Error: " (GOV.UK: screen reader users
 * hear it first).
 */
export function renderComplaintPage(props: ComplaintFormProps & { site: string | URL }): string {
  const { provider, errors, problem } = props;
  const title = complaintPageTitle(provider);
  return renderSitePage({
    title: errors.length > 0 || problem !== undefined ? `Error: ${title}` : title,
    description: `Make a complaint to ${provider.name} online, for yourself or for someone else.`,
    site: props.site,
    path: `/${provider.slug}/complain/`,
    breadcrumbs: complaintBreadcrumbs(provider),
    stylesheets: [ASSETS.complaintFormCss.path],
    script: ASSETS.complaintFormJs.path,
    children: <ComplaintForm {...props} />,
  });
}
