import { PacedSender, type SendOutcome } from '../../../src/notifications/paced-sender';
import { SendPacer } from '../../../src/notifications/pacer';
import { manualTimer } from '../../../src/notifications/timer';

function httpError(status: number, retryAfter?: string) {
  return Object.assign(new Error(`HTTP ${status}`), {
    statusCode: status,
    response: {
      status,
      headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) },
    },
  });
}

function setUp(maxAttempts = 6) {
  const timer = manualTimer(0);
  const pacer = new SendPacer({ timer, marginMs: 0 });
  const throttles: number[] = [];
  const sender = new PacedSender({
    pacer,
    timer,
    maxAttempts,
    random: () => 0.5,
    onThrottled: (_target, wait) => throttles.push(wait),
  });
  return { timer, sender, throttles };
}

async function run(
  timer: ReturnType<typeof manualTimer>,
  promise: Promise<SendOutcome>,
): Promise<SendOutcome> {
  let outcome: SendOutcome | undefined;
  void promise.then((o) => (outcome = o));
  for (let i = 0; i < 1000 && !outcome; i++) {
    if (!(await timer.runNext())) await Promise.resolve();
  }
  if (!outcome) throw new Error('send never finished');
  return outcome;
}

const target = { tenantId: 'tenant-a', conversationId: 'conversation-1' };

describe('PacedSender', () => {
  it('waits the Retry-After of a 429 and sends again', async () => {
    const { timer, sender, throttles } = setUp();
    const calls: number[] = [];
    const outcome = await run(
      timer,
      sender.send(target, async () => {
        calls.push(timer.now());
        if (calls.length === 1) throw httpError(429, '3');
      }),
    );
    expect(outcome).toEqual({ status: 'sent', attempts: 2, throttled: 1 });
    expect(calls).toEqual([0, 3000]);
    expect(throttles).toEqual([3000]);
  });

  it('backs off with jitter when a 429 has no Retry-After', async () => {
    const { timer, sender } = setUp();
    const calls: number[] = [];
    await run(
      timer,
      sender.send(target, async () => {
        calls.push(timer.now());
        if (calls.length < 3) throw httpError(429);
      }),
    );
    // random() = 0.5: 375 ms after the first failure, 750 ms after the second.
    expect(calls).toEqual([0, 375, 1125]);
  });

  it('retries 502 and network resets, then succeeds', async () => {
    const { timer, sender } = setUp();
    let calls = 0;
    const outcome = await run(
      timer,
      sender.send(target, async () => {
        calls += 1;
        if (calls === 1) throw httpError(502);
        if (calls === 2) throw Object.assign(new Error('reset'), { code: 'ECONNRESET' });
      }),
    );
    expect(outcome).toMatchObject({ status: 'sent', attempts: 3, throttled: 0 });
  });

  it('hands the send back for later, with a time, when the attempts run out: nothing dropped', async () => {
    const { timer, sender } = setUp(3);
    const outcome = await run(
      timer,
      sender.send(target, async () => {
        throw httpError(429, '10');
      }),
    );
    expect(outcome).toMatchObject({ status: 'retry_later', attempts: 3, throttled: 3 });
    expect(outcome.status === 'retry_later' && outcome.retryAt).toBe(30_000);
  });

  it('does not retry a 403 (the person blocked the bot)', async () => {
    const { timer, sender } = setUp();
    let calls = 0;
    const outcome = await run(
      timer,
      sender.send(target, async () => {
        calls += 1;
        throw httpError(403);
      }),
    );
    expect(outcome).toMatchObject({ status: 'failed', attempts: 1 });
    expect(calls).toBe(1);
  });
});
