'use strict';

require('dotenv').config();
const http = require('node:http');

const port = Number(process.env.PORT ?? 8080);
const startedAt = Date.now();
let ready = false;
let shuttingDown = false;

const orders = new Map([
  ['1001', { id: '1001', status: 'shipped', total: 42.5 }],
  ['1002', { id: '1002', status: 'pending', total: 13.0 }],
]);

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');

  // Liveness: the process is up and the event loop answers.
  if (url.pathname === '/health') {
    return send(res, 200, { status: 'ok', uptime: Math.round((Date.now() - startedAt) / 1000) });
  }
  // Readiness: take traffic only once started and not while draining.
  if (url.pathname === '/ready') {
    return ready && !shuttingDown ? send(res, 200, { status: 'ready' }) : send(res, 503, { status: 'not ready' });
  }
  if (url.pathname === '/orders' && req.method === 'GET') {
    return send(res, 200, [...orders.values()]);
  }
  const match = /^\/orders\/(\w+)$/.exec(url.pathname);
  if (match && req.method === 'GET') {
    const order = orders.get(match[1]);
    return order ? send(res, 200, order) : send(res, 404, { error: 'not found' });
  }
  send(res, 404, { error: 'not found' });
});

server.listen(port, () => {
  ready = true;
  console.log(`orders-api listening on :${port}`);
});

// Drain on SIGTERM so rolling updates do not drop requests.
process.on('SIGTERM', () => {
  shuttingDown = true;
  console.log('SIGTERM received, draining');
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(1), 10_000).unref();
});
