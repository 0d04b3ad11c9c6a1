/**
 * The stylesheets and the form's script, at addresses that never change: a function answering
 * with a page cannot know the hashed names Vite gives what it bundles, so these are built by
 * src/pages/assets/[file].ts (esbuild, minified) and every page links to them here.
 */
export const ASSETS = {
  siteCss: { path: '/assets/site.css', source: 'src/styles/site.css' },
  complaintFormCss: {
    path: '/assets/complaint-form.css',
    source: 'src/components/complaint-form/complaint-form.css',
  },
  /** The editors' fixes to Decap's styles, and the staff case preview's own. */
  editorCss: { path: '/assets/editor.css', source: 'src/styles/editor.css' },
  /** The complaint form's progressive enhancement; it never loads React. */
  complaintFormJs: {
    path: '/assets/complaint-form.js',
    source: 'src/components/complaint-form/browser.ts',
  },
} as const;
