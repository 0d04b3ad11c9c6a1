import { type ComponentType, createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/**
 * A React component's HTML for an Astro page (`<Fragment set:html={…} />`): the components the
 * publishers' preview shows are React, and the site renders the very same ones. React escapes
 * every value it is given.
 */
export function staticMarkup<Props extends object>(component: ComponentType<Props>, props: Props): string {
  return renderToStaticMarkup(createElement(component, props));
}
