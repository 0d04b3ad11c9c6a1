/**
 * The board report's styles, inline in the file so it stands alone. Readable at 320 px wide with no
 * sideways scrolling (WCAG 1.4.10 Reflow): tables take the width and break long words, charts
 * shrink. Printed on A4 with each chart and table kept on one page.
 */
export const REPORT_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; color: #0b0c0c; background: #fff; }
body { margin: 0 auto; max-width: 50rem; padding: 1rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; border-top: 2px solid #1d4f91; padding-top: 0.75rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
.kicker { margin: 0; color: #484949; font-weight: 600; }
blockquote { margin: 1rem 0; padding: 0.5rem 1rem; border-left: 4px solid #b1b4b6; color: #0b0c0c; }
figure { margin: 1rem 0; }
figure img { display: block; max-width: 100%; height: auto; }
figcaption { margin-top: 0.5rem; font-size: 0.95rem; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0; table-layout: fixed; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.25rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.4rem; border-bottom: 1px solid #b1b4b6; overflow-wrap: anywhere; }
thead th { border-bottom: 2px solid #0b0c0c; }
.written li { white-space: pre-wrap; margin-bottom: 0.5rem; }
.status { color: #484949; }
footer { margin-top: 2rem; border-top: 1px solid #b1b4b6; font-size: 0.9rem; color: #484949; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  figure, table, blockquote { break-inside: avoid; }
}
`;
