// Preloaded into the Agents Playground (node --import): it listens on every interface unless
// told otherwise (TESTBED.md); this makes every server it starts listen on 127.0.0.1 only.
import net from 'node:net';

const listen = net.Server.prototype.listen;
const anyHost = new Set([undefined, null, '', '0.0.0.0', '::', '::0']);

net.Server.prototype.listen = function loopbackListen(...args) {
  const [first] = args;
  if (first !== null && typeof first === 'object' && first.path === undefined) {
    if (anyHost.has(first.host)) args[0] = { ...first, host: '127.0.0.1' };
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] === 'string') {
      if (anyHost.has(args[1])) args[1] = '127.0.0.1';
    } else {
      args.splice(1, 0, '127.0.0.1');
    }
  }
  return listen.apply(this, args);
};
