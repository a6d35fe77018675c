// The page paths the mini-program declares (miniprogram/src/app.config.ts), read by evaluating
// the config with Taro's defineAppConfig as the identity, the way Taro's build reads it.
import path from 'node:path';

interface AppConfig {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
}

let cached: string[] | undefined;

/** Every page of the app, as "/pages/…/index" (subpackage pages under their root). */
export function appPages(): string[] {
  if (cached) return cached;
  const g = globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig };
  g.defineAppConfig = (c) => c;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config: AppConfig = require(path.resolve(__dirname, '../../../miniprogram/src/app.config.ts')).default;
  cached = [
    ...config.pages.map((p) => `/${p}`),
    ...(config.subPackages ?? []).flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`)),
  ];
  return cached;
}
