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
 * Each item of a list in a Decap form has two icon-only buttons, fold first and remove last, with
 * no name: a screen reader announces only "button" (WCAG 4.1.2, axe's button-name). Decap's
 * class names carry the component's name (`css-<hash>-TopBarButton`).
 */
export function nameListItemButtons(): void {
  onEveryRender(() => {
    for (const button of document.querySelectorAll<HTMLButtonElement>(
      'button[class*="-TopBarButton"]:not([aria-label])',
    )) {
      button.setAttribute(
        'aria-label',
        button.matches(':first-child') ? 'Show or hide this item' : 'Remove this item',
      );
    }
  });
}
