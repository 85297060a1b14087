import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF as a reader extracts it: each page's text (items joined by single spaces) and the page size in points. */
export async function pdfText(pdf: Uint8Array): Promise<{ pages: string[]; size: [number, number] }> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' '),
      );
    }
    const [, , width, height] = (await document.getPage(1)).view as [number, number, number, number];
    return { pages, size: [Math.round(width), Math.round(height)] };
  } finally {
    await document.destroy();
  }
}
