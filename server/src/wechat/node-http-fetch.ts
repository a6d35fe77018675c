// A small fetch for the WeChat clients over node:http(s) with keep-alive agents: the global fetch
// (undici + web streams) cost about a quarter of the dispatcher's CPU per message when measured.
import http from 'node:http';
import https from 'node:https';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

interface MinimalResponse {
  status: number;
  text(): Promise<string>;
}

/** Supports what WechatHttp uses: method, headers, a string body, an abort signal; status and text(). */
function nodeHttpFetch(input: URL | string, init: RequestInit = {}): Promise<MinimalResponse> {
  const url = typeof input === 'string' ? new URL(input) : input;
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined;
    const headers: Record<string, string | number> = { ...(init.headers as Record<string, string> | undefined) };
    if (body) headers['content-length'] = body.length;
    const req = transport.request(
      url,
      { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'], signal: init.signal ?? undefined },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, text: async () => text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export const wechatFetch = nodeHttpFetch as unknown as typeof fetch;
