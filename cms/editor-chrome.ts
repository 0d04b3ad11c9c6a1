/**
 * What both editors add to Decap's own page once it has rendered. Decap's preview is an iframe with
 * no title, so a screen reader announces only "frame" (WCAG 4.1.2, axe's frame-title); Decap has no
 * option for it, and re-creates the frame as the editor opens and closes entries, so each new one
 * is named as it appears.
 */
export function namePreviewFrames(title: string): void {
  const name = () => {
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe#preview-pane:not([title])')) {
      frame.title = title;
    }
  };
  new MutationObserver(name).observe(document.body, { childList: true, subtree: true });
  name();
}
