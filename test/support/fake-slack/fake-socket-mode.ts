// Slack's Socket Mode end for tests: apps.connections.open hands out a ws:// URL on the fake's own
// server, the WebSocket says hello, then the test sends envelopes (slash commands, interactions) and
// reads the acknowledgements. A minimal RFC 6455 server: text frames, close, ping/pong.
import { createHash } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

export class FakeSocketMode {
  private socket: Duplex | null = null;
  private buffer = Buffer.alloc(0);
  private waiting = new Map<string, (payload: Record<string, unknown>) => void>();
  private connected: Promise<void>;
  private onConnected!: () => void;
  private seq = 0;

  constructor(server: Server) {
    this.connected = new Promise((resolve) => (this.onConnected = resolve));
    server.on("upgrade", (req: IncomingMessage, socket: Duplex) => this.accept(req, socket));
  }

  /** Resolves once the bot's socket client has connected and been greeted. */
  ready(): Promise<void> {
    return this.connected;
  }

  /** Sends an envelope as Slack does and resolves with the payload of the bot's acknowledgement. */
  send(type: "slash_commands" | "interactive" | "events_api", payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const envelopeId = `env-${++this.seq}`;
    const acked = new Promise<Record<string, unknown>>((resolve) => this.waiting.set(envelopeId, resolve));
    this.write(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== "events_api", retry_attempt: 0, retry_reason: "" }));
    return acked;
  }

  close(): void {
    this.socket?.destroy();
  }

  private accept(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers["sec-websocket-key"];
    if (typeof key !== "string") return void socket.destroy();
    const accept = createHash("sha1").update(key + GUID).digest("base64");
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    this.socket = socket;
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    socket.on("error", () => {});
    this.write(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake" }, connection_info: { app_id: "A0001" } }));
    this.onConnected();
  }

  private write(text: string, opcode = 0x1): void {
    const payload = Buffer.from(text);
    const header =
      payload.length < 126
        ? Buffer.from([0x80 | opcode, payload.length])
        : Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff]);
    this.socket?.write(Buffer.concat([header, payload]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (let frame = this.nextFrame(); frame; frame = this.nextFrame()) {
      if (frame.opcode === 0x8) {
        this.write("", 0x8);
        return void this.socket?.end();
      }
      if (frame.opcode === 0x9) this.write(frame.data.toString(), 0xa);
      if (frame.opcode !== 0x1) continue;
      const message = JSON.parse(frame.data.toString()) as { envelope_id?: string; payload?: Record<string, unknown> };
      const resolve = message.envelope_id ? this.waiting.get(message.envelope_id) : undefined;
      if (resolve) resolve(message.payload ?? {});
    }
  }

  /** Client frames are masked (RFC 6455 §5.3); large ones use the 16- or 64-bit length. */
  private nextFrame(): { opcode: number; data: Buffer } | null {
    const b = this.buffer;
    if (b.length < 2) return null;
    const opcode = b[0]! & 0x0f;
    let length = b[1]! & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (b.length < 4) return null;
      length = b.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (b.length < 10) return null;
      length = Number(b.readBigUInt64BE(2));
      offset = 10;
    }
    const masked = (b[1]! & 0x80) !== 0;
    const maskOffset = offset;
    if (masked) offset += 4;
    if (b.length < offset + length) return null;
    const data = Buffer.from(b.subarray(offset, offset + length));
    if (masked) for (let i = 0; i < data.length; i++) data[i]! ^= b[maskOffset + (i % 4)]!;
    this.buffer = b.subarray(offset + length);
    return { opcode, data };
  }
}
