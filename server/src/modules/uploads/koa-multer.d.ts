// Types for @koa/multer, which ships none: multer's options, with Koa middleware in place of Express's.
declare module '@koa/multer' {
  import type { Middleware } from 'koa';
  import type { Options, StorageEngine } from 'multer';

  interface KoaMulter {
    single(field: string): Middleware;
    none(): Middleware;
  }
  function multer(options?: Options): KoaMulter;
  namespace multer {
    function memoryStorage(): StorageEngine;
  }
  export default multer;
}
