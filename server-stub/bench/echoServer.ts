// A raw `ws` echo server in its own process: the floor the routing server is measured against.
// Prints "echo listening on PORT" once ready; exits on SIGTERM.
import { WebSocketServer } from 'ws';

const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
server.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
});
server.on('listening', () => {
  const address = server.address();
  if (typeof address === 'object' && address) process.stdout.write(`echo listening on ${address.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
