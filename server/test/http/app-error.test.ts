// A 4xx AppError is an answer, not a fault: no stack is captured for it (a booking rush refuses
// nine requests in ten). A 5xx keeps its stack for the log.
import { AppError, conflict, notFound } from '../../src/http/errors';

it('captures no stack frames for the answers to callers', () => {
  for (const err of [notFound(), conflict('SESSION_FULL', '该场次已约满'), new AppError(429, 'RATE_LIMITED', '操作太频繁')]) {
    expect(err.stack?.split('\n').filter((line) => line.trim().startsWith('at '))).toEqual([]);
    expect(err.message).toContain(err.code);
  }
});

it('keeps the stack of a server-side error, and leaves the global limit as it was', () => {
  const before = Error.stackTraceLimit;
  notFound();
  expect(Error.stackTraceLimit).toBe(before);
  const fault = new AppError(503, 'SERVICE_UNAVAILABLE', '数据库暂时无法连接');
  expect(fault.stack).toMatch(/\n\s+at /);
  expect(new Error('plain').stack).toMatch(/\n\s+at /);
});
