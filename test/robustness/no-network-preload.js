// Preloaded with `node --require` into the language server or the CLI under test: every way out
// to the network (net, tls, http, https, http2, dgram, dns, fetch) records the attempt and throws.
// Local stdio pipes are not connects, so an LSP session over --stdio works.
// The record goes to the file named by NO_NETWORK_LOG: one JSON line per event, the first one
// {"armed": pid} so a test can tell the preload really ran.
'use strict';
const fs = require('node:fs');

const logFile = process.env.NO_NETWORK_LOG;
function record(entry) {
  if (logFile) fs.appendFileSync(logFile, JSON.stringify(entry) + '\n');
}
record({ armed: process.pid });

function forbid(owner, name, label) {
  if (!owner || typeof owner[name] !== 'function') return;
  owner[name] = function forbidden(...args) {
    let target;
    try {
      target = JSON.stringify(args.filter((a) => typeof a !== 'function')).slice(0, 300);
    } catch {
      target = String(args[0]);
    }
    record({ call: label, target, stack: new Error().stack.split('\n').slice(2, 8).join('\n') });
    throw new Error(`network access is forbidden in this process: ${label}`);
  };
}

const net = require('node:net');
forbid(net, 'connect', 'net.connect');
forbid(net, 'createConnection', 'net.createConnection');
forbid(net.Socket.prototype, 'connect', 'net.Socket#connect');
forbid(net, 'createServer', 'net.createServer');
forbid(net.Server.prototype, 'listen', 'net.Server#listen');

const tls = require('node:tls');
forbid(tls, 'connect', 'tls.connect');

for (const [mod, label] of [[require('node:http'), 'http'], [require('node:https'), 'https']]) {
  forbid(mod, 'request', `${label}.request`);
  forbid(mod, 'get', `${label}.get`);
}
forbid(require('node:http2'), 'connect', 'http2.connect');
forbid(require('node:dgram'), 'createSocket', 'dgram.createSocket');

const dns = require('node:dns');
const resolvers = Object.keys(dns).filter((k) => /^(lookup|lookupService|resolve.*|reverse)$/.test(k));
for (const name of resolvers) {
  forbid(dns, name, `dns.${name}`);
  forbid(dns.promises, name, `dns.promises.${name}`);
}
forbid(dns.Resolver && dns.Resolver.prototype, 'resolve', 'dns.Resolver#resolve');

if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = function forbiddenFetch(input) {
    record({ call: 'fetch', target: String(input && input.url ? input.url : input).slice(0, 300) });
    return Promise.reject(new Error('network access is forbidden in this process: fetch'));
  };
}
if (typeof globalThis.WebSocket === 'function') {
  globalThis.WebSocket = function forbiddenWebSocket(url) {
    record({ call: 'WebSocket', target: String(url).slice(0, 300) });
    throw new Error('network access is forbidden in this process: WebSocket');
  };
}
