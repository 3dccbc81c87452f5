// A real SMTP server on 127.0.0.1 for tests (smtp-server), with the credentials the bot must use
// (AUTH over the plain connection, as a relay on a private network would allow), every accepted
// message parsed back with mailparser, and faults served on demand: a reply code at RCPT TO or DATA
// for the next message(s), as a busy (451) or refusing (550) server answers.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SmtpFault {
  at: "RCPT TO" | "DATA";
  code: number;
  message: string;
}

export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

export class FakeSmtp {
  readonly received: ReceivedMail[] = [];
  /** Every attempt the server saw (RCPT TO), accepted or not. */
  attempts = 0;
  private readonly faults: SmtpFault[] = [];
  private server: SMTPServer | null = null;
  private port = 0;

  constructor(
    readonly user = "cagnotte@esn.example",
    readonly password = "S3cret-smtp-pässword!",
  ) {}

  /** The next attempts are answered with these faults, in order, each once. */
  failNext(...faults: SmtpFault[]): void {
    this.faults.push(...faults);
  }

  /** SMTP_URL for the bot, credentials URL-encoded. */
  get url(): string {
    return `smtp://${encodeURIComponent(this.user)}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.envelopeTo.includes(address.toLowerCase()));
  }

  async start(): Promise<string> {
    const fault = (at: SmtpFault["at"]): Error | null => {
      if (this.faults[0]?.at !== at) return null;
      const f = this.faults.shift()!;
      return Object.assign(new Error(f.message), { responseCode: f.code });
    };
    this.server = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      authMethods: ["PLAIN", "LOGIN"],
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.user && auth.password === this.password) callback(null, { user: auth.username });
        else callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
      },
      onRcptTo: (_address, _session, callback) => {
        this.attempts += 1;
        callback(fault("RCPT TO"));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const refused = fault("DATA");
          if (refused) return callback(refused);
          const raw = Buffer.concat(chunks).toString("utf8");
          simpleParser(raw).then(
            (parsed) => {
              this.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw, parsed });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(0, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.server.address() as { port: number }).port;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
