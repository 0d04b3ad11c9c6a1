/**
 * What the editors add to Decap's own page once it has rendered, where Decap has no option for it.
 * Decap re-creates these parts as the editor opens and closes entries and list items, so each new
 * one is fixed as it appears.
 */
function onEveryRender(fix: () => void): void {
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  fix();
}

/**
 * Decap's preview is an iframe with no title, so a screen reader announces only "frame" (WCAG
 * 4.1.2, axe's frame-title).
 */
export function namePreviewFrames(title: string): void {
  onEveryRender(() => {
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe#preview-pane:not([title])')) {
      frame.title = title;
    }
  });
}

/**
 * Each item of a list in a Decap form has two icon-only buttons with no name, fold first and remove
 * last: a screen reader announces only "button" (WCAG 4.1.2, axe's button-name). Decap's class
 * names carry the component's name (`css-<hash>-TopBarButton`).
 *
 * Where items may be put in another order, a handle between the two drags the item. It takes focus
 * and its description tells how to move the item with the keyboard, but Decap gives it no keyboard
 * support (Space and the arrow keys do nothing), and it has no name (axe's aria-command-name). A
 * stop that does nothing is taken out of the keyboard's path and hidden from screen readers; a mouse
 * or a finger still drags it. The accessibility statement says items move only by dragging.
 */
export function fixListItemControls(): void {
  onEveryRender(() => {
    for (const button of document.querySelectorAll<HTMLButtonElement>(
      'button[class*="-TopBarButton"]:not([aria-label])',
    )) {
      button.setAttribute(
        'aria-label',
        button.matches(':first-child') ? 'Show or hide this item' : 'Remove this item',
      );
    }
    for (const handle of document.querySelectorAll('[aria-roledescription="sortable"]:not([aria-hidden])')) {
      handle.setAttribute('aria-hidden', 'true');
      handle.setAttribute('tabindex', '-1');
    }
  });
}

/**
 * Decap's Markdown editor, as its rich-text box and toolbar render:
 * - the box (`role="textbox"`) has no name: it is given its field's label (axe's
 *   aria-input-field-name);
 * - the switch between rich text and Markdown has neither name nor, until first used, state: it is
 *   named "Markdown", and is off while the box shows rich text (axe's button-name,
 *   aria-required-attr);
 * - the Headings and Add component menus are a button inside another (axe's nested-interactive),
 *   two keyboard stops for one menu: the outer one, which opens the menu from the keyboard, takes
 *   the inner one's name, and the inner one is made inert.
 * The switch and the menus are looked for in the Markdown toolbar only: a yes/no field's switch is
 * the same component, named by its own label.
 */
export function fixMarkdownEditors(): void {
  const toolbar = '[class*="-ToolbarContainer"]';
  onEveryRender(() => {
    for (const box of document.querySelectorAll(
      '[data-slate-editor][role="textbox"]:not([aria-labelledby])',
    )) {
      const label = box.closest('[class*="-ControlContainer"]')?.querySelector('label');
      if (label === null || label === undefined) continue;
      label.id ||= `${label.htmlFor}-label`;
      box.setAttribute('aria-labelledby', label.id);
    }
    for (const toggle of document.querySelectorAll(`${toolbar} button[role="switch"]:not([aria-label])`)) {
      toggle.setAttribute('aria-label', 'Markdown');
      if (!toggle.hasAttribute('aria-checked')) toggle.setAttribute('aria-checked', 'false');
    }
    for (const inner of document.querySelectorAll<HTMLButtonElement>(
      `${toolbar} [role="button"][aria-haspopup] > button[title]:not([inert])`,
    )) {
      inner.parentElement?.setAttribute('aria-label', inner.title);
      // Inert: out of the keyboard's path and screen readers, and a click on it reaches the outer one.
      inner.inert = true;
    }
  });
}
