// Serves the h5 build of the mini-program at / (hashed assets cached long, index.html never).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context, Next } from 'koa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

const MISSING_BUILD = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>交管服务</title>
<body><p>页面还没有构建。请运行 <code>npm start</code>（会自动构建）或 <code>npm run build:h5</code>。</p></body></html>`;

export function serveH5(root: string) {
  const resolvedRoot = path.resolve(root);
  return async function h5(ctx: Context, next: Next) {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api/')) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(ctx.path);
    } catch {
      return next();
    }
    let file = path.resolve(resolvedRoot, '.' + relative);
    if (!file.startsWith(resolvedRoot + path.sep) && file !== resolvedRoot) return next();
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) {
      // Unknown paths without an extension are app routes: answer with the app.
      if (path.extname(relative)) return next();
      file = path.join(resolvedRoot, 'index.html');
      info = await stat(file).catch(() => undefined);
      if (!info) {
        ctx.type = 'html';
        ctx.body = MISSING_BUILD;
        return;
      }
    }
    const ext = path.extname(file);
    ctx.type = TYPES[ext] ?? 'application/octet-stream';
    ctx.length = info.size;
    ctx.set('Cache-Control', ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable');
    ctx.body = ctx.method === 'HEAD' ? null : createReadStream(file);
  };
}
