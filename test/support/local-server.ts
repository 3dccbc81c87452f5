// A real HTTP server for a test's fake, on 127.0.0.1 and a free port, and its orderly close.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export async function listenLocally(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` };
}

/** Closes the server, its kept-alive connections included (a client's pool must not hold it open). */
export async function closeServer(server: Server | null): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
