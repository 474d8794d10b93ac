// The stdio transport with budgets (issue #19 cases 11 and 16). The library's stream reader stops
// for good at a frame without a usable Content-Length (the rest of the stream is read as headers),
// and its writer queues without limit for a client that does not read. Here:
// - the reader answers a malformed frame (missing, non-numeric, negative or oversized Content-Length,
//   a header block past PROTOCOL.headerBytes, a body that is not JSON) with a JSON-RPC parse error
//   and picks up again at the next Content-Length header;
// - the writer, while the client is not reading, keeps only the newest diagnostics per document
//   (older versions are stale) and stops queueing past PROTOCOL.queuedBytes.
import { AbstractMessageReader, AbstractMessageWriter, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { PROTOCOL, formatBytes } from '../base/limits';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const LENGTH_HEADER = Buffer.from('Content-Length:', 'ascii');

export type MalformedListener = (reason: string) => void;

export class GuardedMessageReader extends AbstractMessageReader implements MessageReader {
  private chunks: Buffer[] = [];
  private total = 0;
  /** body length of the frame being read, once its header is in */
  private need: number | undefined;
  /** after a malformed frame: discard until the next Content-Length header */
  private resyncing = false;
  private callback: DataCallback | undefined;
  /** told (without the frame's content) about every malformed frame */
  onMalformed: MalformedListener = () => undefined;

  constructor(private readonly input: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('end', onClose);
    this.input.on('close', onClose);
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('error', onError);
        this.input.off('end', onClose);
        this.input.off('close', onClose);
      },
    };
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.total += chunk.length;
    this.drain();
  }

  /** the first n buffered bytes as one buffer (joins chunks only as far as needed) */
  private peek(n: number): Buffer {
    if (this.chunks.length > 0 && this.chunks[0].length >= n) return this.chunks[0].subarray(0, n);
    const joined = Buffer.concat(this.chunks, this.total);
    this.chunks = [joined];
    return joined.subarray(0, n);
  }

  private consume(n: number): Buffer {
    const head = this.peek(n);
    const rest = this.chunks[0].subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.total -= n;
    return head;
  }

  private malformed(reason: string): void {
    this.resyncing = true;
    this.need = undefined;
    this.onMalformed(reason);
  }

  private drain(): void {
    for (;;) {
      if (this.resyncing) {
        const all = this.peek(this.total);
        const at = all.indexOf(LENGTH_HEADER);
        if (at < 0) {
          // keep a tail that may be the start of the next header
          this.consume(Math.max(0, this.total - LENGTH_HEADER.length));
          return;
        }
        this.consume(at);
        this.resyncing = false;
      }
      if (this.need === undefined) {
        const head = this.peek(Math.min(this.total, PROTOCOL.headerBytes + HEADER_END.length));
        const end = head.indexOf(HEADER_END);
        if (end < 0) {
          if (this.total <= PROTOCOL.headerBytes) return;
          this.consume(1); // past this header's start, so the search finds the next one
          this.malformed(`a header block longer than ${formatBytes(PROTOCOL.headerBytes)}`);
          continue;
        }
        const length = contentLength(head.subarray(0, end).toString('ascii'));
        if (typeof length === 'string') {
          // search again from just after this header's start: the next frame's header may be inside it
          this.consume(1);
          this.malformed(length);
          continue;
        }
        this.consume(end + HEADER_END.length);
        this.need = length;
      }
      if (this.total < this.need) return;
      const body = this.consume(this.need);
      this.need = undefined;
      let message: unknown;
      try {
        message = JSON.parse(body.toString('utf8'));
      } catch {
        // a Content-Length too long swallows the next frame: search again from inside this body
        if (body.length > 1) {
          this.chunks.unshift(Buffer.from(body.subarray(1)));
          this.total += body.length - 1;
        }
        this.malformed(`a body of ${body.length} bytes that is not JSON`);
        continue;
      }
      if (!message || typeof message !== 'object' || Array.isArray(message)) {
        this.malformed('a body that is not a JSON-RPC message object');
        continue;
      }
      try {
        this.callback?.(message as Message);
      } catch (error) {
        // a handler threw on this message (e.g. $/cancelRequest with null params): the next ones still go
        this.fireError(error);
      }
    }
  }
}

/** the Content-Length of a header block, or why there is none to trust */
export function contentLength(headers: string): number | string {
  let value: string | undefined;
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return 'a header line without a colon';
    if (line.slice(0, colon).trim().toLowerCase() === 'content-length') value = line.slice(colon + 1).trim();
  }
  if (value === undefined) return 'no Content-Length header';
  if (!/^\d{1,15}$/.test(value)) return `a Content-Length that is not a whole number of bytes ('${value.slice(0, 24).replace(/[^ -~]/g, '?')}')`;
  const n = Number(value);
  if (n > PROTOCOL.messageBytes) return `a Content-Length of ${formatBytes(n)}, past the ${formatBytes(PROTOCOL.messageBytes)} limit for one message`;
  return n;
}

/**
 * Notification params whose JSON is already made (a big publishDiagnostics, serialised a slice at a
 * time so that no single stringify stops the server): this writer copies the JSON as it is; any
 * other transport serialises `value` through toJSON.
 */
export class SerializedParams {
  constructor(
    readonly json: string,
    readonly value: unknown,
  ) {}
  toJSON(): unknown {
    return this.value;
  }
}

/** JSON.stringify(message), with pre-serialised params copied in as they are */
export function serializeMessage(message: Message): string {
  const { params, ...rest } = message as Message & { params?: unknown };
  if (!(params instanceof SerializedParams)) return JSON.stringify(message);
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"params":${params.json}}`;
}

interface Queued {
  data: Buffer | undefined;
}

/** 'textDocument/publishDiagnostics' for one URI: a newer one makes a queued older one stale */
function diagnosticsKey(message: Message): string | undefined {
  const m = message as { method?: string; params?: unknown };
  const params = (m.params instanceof SerializedParams ? m.params.value : m.params) as { uri?: unknown } | undefined;
  return m.method === 'textDocument/publishDiagnostics' && typeof params?.uri === 'string' ? params.uri : undefined;
}

export class BoundedMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private queue: Queued[] = [];
  private latest = new Map<string, Queued>();
  private queuedBytes = 0;
  private waiting = false;
  private dropped = 0;
  /** told once per backlog when messages are dropped */
  onDropped: (message: string) => void = () => undefined;

  constructor(private readonly output: NodeJS.WritableStream, private readonly budget: number = PROTOCOL.queuedBytes) {
    super();
  }

  write(message: Message): Promise<void> {
    let data: Buffer;
    try {
      const json = Buffer.from(serializeMessage(message), 'utf8');
      data = Buffer.concat([Buffer.from(`Content-Length: ${json.length}\r\n\r\n`, 'ascii'), json]);
    } catch (error) {
      // e.g. "Invalid string length": the message is lost, the connection is not
      this.fireError(error, message, 1);
      return Promise.resolve();
    }
    if (!this.waiting) {
      if (!this.output.write(data)) this.wait();
      return Promise.resolve();
    }
    const key = diagnosticsKey(message);
    if (key) {
      const stale = this.latest.get(key);
      if (stale?.data) {
        this.queuedBytes -= stale.data.length;
        stale.data = undefined;
      }
    }
    if (this.queuedBytes + data.length > this.budget) {
      if (this.dropped++ === 0) this.onDropped(`the client is not reading: more than ${formatBytes(this.budget)} of messages are waiting; newer ones are dropped until it reads again`);
      return Promise.resolve();
    }
    const entry: Queued = { data };
    this.queue.push(entry);
    if (key) this.latest.set(key, entry);
    this.queuedBytes += data.length;
    return Promise.resolve();
  }

  private wait(): void {
    this.waiting = true;
    this.output.once('drain', () => this.flush());
  }

  private flush(): void {
    this.waiting = false;
    while (this.queue.length > 0) {
      const entry = this.queue.shift()!;
      if (!entry.data) continue;
      const data = entry.data;
      entry.data = undefined;
      this.queuedBytes -= data.length;
      if (!this.output.write(data)) {
        this.wait();
        return;
      }
    }
    this.latest.clear();
    if (this.dropped > 0) this.onDropped(`the client reads again; ${this.dropped} messages were dropped while it did not`);
    this.dropped = 0;
  }

  end(): void {}
}

/** the guarded reader and writer on stdin/stdout when the server was started with --stdio, else undefined */
export function guardedStdio(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): { reader: GuardedMessageReader; writer: BoundedMessageWriter } | undefined {
  if (!process.argv.includes('--stdio')) return undefined;
  const reader = new GuardedMessageReader(process.stdin);
  const writer = new BoundedMessageWriter(process.stdout);
  reader.onMalformed = (reason) => {
    log(`[hcpcs] malformed message frame (${reason}); answered with a parse error, reading on at the next Content-Length header`);
    void writer.write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: `Malformed message frame: ${reason}. Skipped to the next Content-Length header.` } } as Message);
  };
  writer.onDropped = (message) => log(`[hcpcs] ${message}`);
  // stdout carries the protocol: anything a library prints goes to stderr (the editor's log) instead
  for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) console[name] = (...args: unknown[]) => log(args.map(String).join(' '));
  // what the library does for --stdio itself: the client went away, so does the server
  let shutdown = false;
  const onEnd = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', onEnd);
  process.stdin.on('close', onEnd);
  const markShutdown = (message: Message) => {
    if ((message as { method?: string }).method === 'shutdown') shutdown = true;
  };
  const listen = reader.listen.bind(reader);
  reader.listen = (callback: DataCallback) => listen((message) => {
    markShutdown(message);
    callback(message);
  });
  return { reader, writer };
}
