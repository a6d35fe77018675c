// The client address behind a proxy: X-Forwarded-For is written by the client, so what is not an
// address (a forged, overlong header would not fit the VarChar(64) it is stored in) is not taken.
import Koa from 'koa';
import request from 'supertest';
import { requestContext } from '../../src/http/request-context';
import { createLogger } from '../../src/logger';

function appBehindProxy() {
  const app = new Koa({ proxy: true });
  app.use(requestContext(createLogger('silent')));
  app.use((ctx) => {
    ctx.body = { ip: ctx.ip };
  });
  return app.callback();
}

describe('client address', () => {
  it('takes a forwarded address that is one', async () => {
    const res = await request(appBehindProxy()).get('/').set('X-Forwarded-For', '203.0.113.7');
    expect(res.body.ip).toBe('203.0.113.7');
  });

  it.each([['x'.repeat(5000)], ['<script>'], ['203.0.113.7; DROP TABLE'], ['1.2.3.4.5']])('falls back to the peer for %s', async (forged) => {
    const res = await request(appBehindProxy()).get('/').set('X-Forwarded-For', forged);
    expect(res.body.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
  });
});
