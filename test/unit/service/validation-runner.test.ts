// The server's validation runner, driven a slice at a time by a hand-cranked clock: a newer version
// drops the run in progress (its diagnostics are never handed over), documents take turns, and
// the result of a run equals the one-shot diagnostics of the version it was started for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService } from '../../../server/src/service';
import { ValidationRunner, type RunnerClock, type SlicedWork } from '../../../server/src/node/validation-runner';
import { loadGuidance } from '../../../server/src/features/guidance';
import { generate837p } from '../../../bench/generate/index';
import { coreCodeSet, fullCodeSet } from '../../support/codesets';

const codeset = fullCodeSet() ?? coreCodeSet();
const today = '2025-11-20';
const service = () => createService({ codeset, guidance: loadGuidance({}), today: () => today });

/** every slice is one step long (the clock moves past the budget at each reading); turns run when cranked */
function handClock(): RunnerClock & { turns: (() => void)[]; crank(): boolean; drain(): number } {
  let t = 0;
  const turns: (() => void)[] = [];
  return {
    turns,
    now: () => (t += 10),
    defer: (fn) => void turns.push(fn),
    crank() {
      const next = turns.shift();
      next?.();
      return Boolean(next);
    },
    drain() {
      let n = 0;
      while (this.crank()) n++;
      return n;
    },
  };
}

const noErrors = (error: unknown) => assert.fail(String(error));
const big = generate837p({ seed: 11, targetBytes: 600_000 }).text;
const edited = big.replace('*UN*', '*UN*9');

test('a newer version drops the run in progress: the old version is never handed over', () => {
  const clock = handClock();
  const runner = new ValidationRunner(8, noErrors, clock);
  const s = service();
  const published: number[] = [];
  const v1 = TextDocument.create('file:///big.837', 'x12', 1, big);
  const first = s.publication(v1);
  runner.run(v1.uri, first, () => published.push(1));
  assert.ok(clock.crank() && clock.crank(), 'v1 is under way');
  assert.equal(first.result, undefined);
  const v2 = TextDocument.create(v1.uri, 'x12', 2, edited);
  const second = s.publication(v2);
  runner.run(v2.uri, second, () => published.push(2));
  clock.drain();
  assert.deepEqual(published, [2]);
  assert.equal(first.result, undefined, 'v1 stopped where it was');
  assert.deepEqual(second.result!.diagnostics, service().diagnostics(TextDocument.create(v1.uri, 'x12', 2, edited)));
  assert.equal(runner.isRunning(v1.uri), false);
});

test('a cancel (the document closed or a change pending) stops the run', () => {
  const clock = handClock();
  const runner = new ValidationRunner(8, noErrors, clock);
  let done = 0;
  runner.run('file:///a', service().publication(TextDocument.create('file:///a', 'x12', 1, big)), () => done++);
  clock.crank();
  runner.cancel('file:///a');
  assert.ok(clock.drain() <= 1, 'at most the turn already queued runs, and does nothing');
  assert.equal(done, 0);
});

test('documents take turns: a small document started while a big one validates is done first', () => {
  const clock = handClock();
  const runner = new ValidationRunner(8, noErrors, clock);
  const s = service();
  const order: string[] = [];
  runner.run('file:///big.837', s.publication(TextDocument.create('file:///big.837', 'x12', 1, big)), () => order.push('big'));
  clock.crank();
  const small = generate837p({ seed: 12, targetBytes: 5_000 }).text;
  runner.run('file:///small.837', s.publication(TextDocument.create('file:///small.837', 'x12', 1, small)), () => order.push('small'));
  clock.drain();
  assert.deepEqual(order, ['small', 'big']);
});

test('an error in a slice is reported, ends that run and leaves the others running', () => {
  const clock = handClock();
  const errors: unknown[] = [];
  const runner = new ValidationRunner(8, (e) => errors.push(e), clock);
  let steps = 0;
  const failing: SlicedWork = {
    step() {
      if (++steps === 3) throw new Error('boom');
      return false;
    },
  };
  let otherDone = false;
  runner.run('file:///bad', failing, () => assert.fail('not done'));
  runner.run('file:///good', { step: () => true }, () => (otherDone = true));
  clock.drain();
  assert.equal(errors.length, 1);
  assert.equal(runner.isRunning('file:///bad'), false);
  assert.ok(otherDone);
});
