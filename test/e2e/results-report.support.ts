import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext } from 'playwright-core';

// Reading a PDF as its reader would: its text through pdfjs in Node, and its pages as images
// rendered by pdfjs in a blank Chromium page (Node has no canvas).

const require = createRequire(import.meta.url);
const PDFJS = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
const PDFJS_WORKER = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');

/** Every space a number format may use (no-break, narrow no-break) as one plain space. */
export const plainSpaces = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The text of each page, its pieces joined by spaces. */
export async function pdfText(pdf: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    // Pieces join as they lie: a ligature (fi) is a piece of its own inside a word.
    pages.push(plainSpaces(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('')));
  }
  await document.destroy();
  return pages;
}

// Kept as text for the browser: the test runner rewrites `import()` in functions it compiles, and
// page.evaluate would send that rewritten call to a page that knows nothing of it.
const RENDER_PAGES = `async ({ library, worker, data }) => {
  const url = (source) => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const pdfjs = await import(url(library));
  pdfjs.GlobalWorkerOptions.workerSrc = url(worker);
  const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
  const pdf = await pdfjs.getDocument({ data: bytes }).promise;
  const pictures = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const viewport = page.getViewport({ scale: 1.5 });
    const canvas = Object.assign(document.createElement('canvas'), { width: viewport.width, height: viewport.height });
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    pictures.push(canvas.toDataURL('image/png').split(',')[1]);
  }
  return pictures;
}`;

/** Each page of `pdf` as a PNG, drawn at 1.5× by pdfjs in a page of `context` that loads nothing else. */
export async function pdfPagesAsPng(context: BrowserContext, pdf: Buffer): Promise<Buffer[]> {
  const page = await context.newPage();
  try {
    const render = await page.evaluateHandle(RENDER_PAGES);
    const images = (await render.evaluate((draw, args) => (draw as (input: typeof args) => Promise<string[]>)(args), {
      library: readFileSync(PDFJS, 'utf8'),
      worker: readFileSync(PDFJS_WORKER, 'utf8'),
      data: pdf.toString('base64'),
    })) as string[];
    return images.map((image) => Buffer.from(image, 'base64'));
  } finally {
    await page.close();
  }
}
