// A gate in front of the fake Slack Web API, on its own port: it forwards calls, or accepts the
// connection and never answers (a Slack that hangs), and it can be opened on a port that refused
// connections until then (a Slack unreachable at boot).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export class SlackGate {
  /** true: calls are accepted and never answered. */
  stalled = false;
  readonly held: string[] = [];
  private server: Server | null = null;
  port = 0;

  constructor(private readonly target: string) {}

  /** A free port on 127.0.0.1, not listened on yet: connecting to it is refused. */
  static async reservePort(): Promise<number> {
    const s = createServer();
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    const { port } = s.address() as AddressInfo;
    await new Promise<void>((resolve) => s.close(() => resolve()));
    return port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  async open(port = 0): Promise<void> {
    this.server = createServer((req, res) => void this.forward(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.stalled) {
      this.held.push(req.url ?? "");
      return; // never answered; close() drops the connection
    }
    const headers: Record<string, string> = {};
    for (const name of ["content-type", "authorization"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const body = Buffer.concat(chunks);
    const answer = await fetch(`${this.target}${req.url ?? ""}`, { method: req.method ?? "POST", headers, ...(body.length ? { body } : {}) });
    const out: Record<string, string> = { "content-type": answer.headers.get("content-type") ?? "application/json" };
    const retryAfter = answer.headers.get("retry-after");
    if (retryAfter) out["retry-after"] = retryAfter;
    res.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
  }
}
