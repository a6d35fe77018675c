// Reads the PDF on stdin as a person with a phone would: renders every page (pdf-parse, pdf.js),
// finds and decodes the QR codes on them (jsQR), and prints the decoded texts as a JSON array.
// Runs outside Jest's module sandbox, like ../accidents/pdf-text.mjs.
import jsQR from 'jsqr';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
const shots = await parser.getScreenshot({ scale: 2, imageDataUrl: false, imageBuffer: true });
await parser.destroy();
const found = [];
for (const page of shots.pages) {
  const png = PNG.sync.read(Buffer.from(page.data));
  const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (qr) found.push(qr.data);
}
process.stdout.write(JSON.stringify(found));
