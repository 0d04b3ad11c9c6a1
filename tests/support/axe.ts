/** Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA that axe can check. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
