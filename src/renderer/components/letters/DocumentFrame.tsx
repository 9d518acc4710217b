import { useEffect, useRef } from 'react';
import { fitPreview } from '../../../shared/documents/fit-pages';

/**
 * A document page shown as it prints, in a frame that runs no script. The page's stylesheet is
 * given to the frame as a constructed stylesheet (the app's security policy allows no inline style),
 * and the copy-to block is placed as in print.
 */
const STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;

export function splitPage(html: string): { body: string; css: string } {
  const css = [...html.matchAll(STYLE)].map((m) => m[1]).join('\n');
  return { body: html.replace(STYLE, ''), css };
}

/** Loads `html` into `frame` and styles it; `zoom` scales the sheets to the width at hand. */
export function showPage(frame: HTMLIFrameElement, html: string, zoom = 1): Promise<Document> {
  const { body, css } = splitPage(html);
  return new Promise((resolve) => {
    frame.onload = () => {
      const view = frame.contentWindow as (Window & typeof globalThis) | null;
      const doc = frame.contentDocument;
      if (!view || !doc) return;
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(`${css}\n@media screen { html { zoom: ${zoom}; } }`);
      doc.adoptedStyleSheets = [sheet];
      void doc.fonts.ready.then(() => {
        fitPreview(doc as never);
        resolve(doc);
      });
    };
    frame.srcdoc = body;
  });
}

export function DocumentFrame({ html, title, zoom = 0.75, height = 640 }: { html: string | null; title: string; zoom?: number; height?: number }) {
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    if (frame.current && html) void showPage(frame.current, html, zoom);
  }, [html, zoom]);
  return <iframe ref={frame} className="document-frame" title={title} sandbox="allow-same-origin allow-modals" style={{ height }} />;
}
