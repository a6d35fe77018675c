// A PDF's text, read by pdf.js in a child process (test/accidents/pdf-text.mjs: pdf.js is an ES
// module that Jest's CommonJS transform cannot load in-process).
import { execFile } from 'node:child_process';
import path from 'node:path';

export function runScript(script: string, bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [script], { maxBuffer: 10 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    child.stdin!.end(bytes);
  });
}

export const pdfText = (bytes: Buffer) => runScript(path.join(__dirname, '../accidents/pdf-text.mjs'), bytes);
