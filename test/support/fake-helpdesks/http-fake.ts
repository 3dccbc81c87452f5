// What the fake helpdesk APIs share: a real HTTP server on 127.0.0.1, JSON in and out, a log of
// the requests received, and faults served in order (429 with Retry-After, 500…) before any answer.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { closeServer, listenLocally } from "../local-server.js";

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
}

export interface Fault {
  status: number;
  retryAfter?: string;
  /** Only for requests whose "METHOD path" matches; any request when absent. */
  match?: RegExp;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export abstract class HttpFake {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: Fault[] = [];
  private server: Server | null = null;
  url = "";

  /** The next matching request gets this answer instead of the real one. */
  failNext(fault: Fault): void {
    this.faults.push(fault);
  }

  protected abstract handle(method: string, path: string, query: URLSearchParams, body: unknown, authorization: string | null): Reply;

  async start(): Promise<this> {
    ({ server: this.server, url: this.url } = await listenLocally((req, res) => void this.serve(req, res)));
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      return this.send(res, { status: 400, body: { error: "invalid JSON" } });
    }
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname.replace(/\.json$/, "");
    const method = req.method ?? "GET";
    const authorization = req.headers.authorization ?? null;
    this.requests.push({ method, path, authorization, body });
    const i = this.faults.findIndex((f) => !f.match || f.match.test(`${method} ${path}`));
    if (i >= 0) {
      const [fault] = this.faults.splice(i, 1);
      return this.send(res, { status: fault!.status, body: { error: "fault" }, headers: fault!.retryAfter ? { "retry-after": fault!.retryAfter } : {} });
    }
    this.send(res, this.handle(method, path, url.searchParams, body, authorization));
  }

  private send(res: ServerResponse, reply: Reply): void {
    res.writeHead(reply.status, { ...(reply.body !== undefined ? { "content-type": "application/json" } : {}), ...reply.headers });
    res.end(reply.body !== undefined ? JSON.stringify(reply.body) : undefined);
  }
}
