// The loopback HTTP limit: a server that reads each request's body and answers the same JSON as
// the endpoint without decoding or computing anything. What the client reaches against it is
// what HTTP alone allows on this machine.
import http from 'node:http';

const answer = Buffer.from('[0.5,0.5]');
const server = http.createServer((request, response) => {
  request.resume();
  request.on('end', () =>
    response.writeHead(200, { 'content-type': 'application/json' }).end(answer),
  );
});
server.listen(0, '127.0.0.1', () => {
  console.log(`Endpoint "empty" listening on http://127.0.0.1:${server.address().port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
