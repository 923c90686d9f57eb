// Runs the ASL bench definitions on aws-local-stepfunctions (the npm engine) and prints one JSON line of figures.
// Usage: node local-sfn-bench.mjs <path to aws-local-stepfunctions package> <spec.json>
// spec.json: { phase: "map"|"sequential"|"concurrent", mapDefinition, mapInputs, mapWarmupInputs, mapTransitions,
//              chainDefinition, chainSteps, executions, runs, warmupSeconds }: the same definitions and inputs the C# bench runs.
// Prints {"node":"v..","median":<transitions/s>,"best":<transitions/s>}, with the same warm-up as the C# bench.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

// aws-local-stepfunctions 3.0.0 declares node >= 22 and calls Promise.withResolvers (Node 22); give Node 20 the same function.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function () {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}

const [packageDir, specPath] = process.argv.slice(2);
const { StateMachine } = await import(pathToFileURL(join(packageDir, 'build', 'main.node.esm.js')).href);
const spec = JSON.parse(readFileSync(specPath, 'utf8'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The items run in several executions, one after the other, as in the C# bench (Step Functions' 25,000-event history quota).
async function mapRun(machine, inputs) {
  const started = process.hrtime.bigint();
  const results = [];
  for (const input of inputs) results.push(await machine.run(input).result);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  results.forEach((result, i) => {
    if (!Array.isArray(result) || result.length !== inputs[i].items.length) throw new Error(`map result has ${result?.length} items, expected ${inputs[i].items.length}`);
  });
  return seconds;
}

// The mocks of the C# bench's MockConfigFile: every step returns {StatusCode:200, Payload:{value:42}}; every tenth step
// throws Lambda.TooManyRequestsException once per execution first, then returns value 7.
function chainHandlers(steps) {
  const handlers = {};
  const throttledOnce = new Set();
  for (let i = 0; i < steps; i++) {
    const name = `Step${i}`;
    handlers[name] = async () => {
      if (i % 10 === 0) {
        if (!throttledOnce.has(name)) {
          throttledOnce.add(name);
          const error = new Error('slow down');
          error.name = 'Lambda.TooManyRequestsException';
          throw error;
        }
        return { StatusCode: 200, Payload: { value: 7 } };
      }
      return { StatusCode: 200, Payload: { value: 42 } };
    };
  }
  return handlers;
}

function chainOptions(steps) {
  // The C# bench runs on a virtual clock, so retry back-off takes no real time; here the interval is overridden to 0 ms.
  const retryIntervalOverrides = {};
  for (let i = 0; i < steps; i++) retryIntervalOverrides[`Step${i}`] = 0;
  return { overrides: { taskResourceLocalHandlers: chainHandlers(steps), retryIntervalOverrides } };
}

async function chainRun(machine, steps, executions, concurrent) {
  const started = process.hrtime.bigint();
  const results = [];
  if (concurrent) {
    const runs = [];
    for (let i = 0; i < executions; i++) runs.push(machine.run({ seed: 1 }, chainOptions(steps)).result);
    results.push(...(await Promise.all(runs)));
  } else {
    for (let i = 0; i < executions; i++) results.push(await machine.run({ seed: 1 }, chainOptions(steps)).result);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const r of results) if (r?.last?.value !== 42) throw new Error(`chain ended with ${JSON.stringify(r?.last)}`);
  return seconds;
}

// At least three runs and at least as long as the C# side warmed up this phase (spec.warmupSeconds: until .NET's tiered
// JIT had optimized the hot paths), so both engines are measured on optimized code.
async function warmUp(run) {
  const started = process.hrtime.bigint();
  for (let runs = 1; ; runs++) {
    await run();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (runs >= 3 && seconds >= (spec.warmupSeconds ?? 0)) break;
  }
}

const figures = { node: process.version };
if (spec.phase === 'map') {
  const machine = new StateMachine(JSON.parse(spec.mapDefinition));
  const inputs = spec.mapInputs.map((text) => JSON.parse(text));
  const warm = spec.mapWarmupInputs.map((text) => JSON.parse(text));
  for (let i = 0; i < 2; i++) await mapRun(machine, warm);
  await warmUp(() => mapRun(machine, inputs));
  const rates = [];
  for (let i = 0; i < spec.runs; i++) rates.push(spec.mapTransitions / await mapRun(machine, inputs));
  figures.median = median(rates);
  figures.best = Math.max(...rates);
} else {
  const machine = new StateMachine(JSON.parse(spec.chainDefinition));
  const concurrent = spec.phase === 'concurrent';
  await warmUp(() => chainRun(machine, spec.chainSteps, spec.executions, concurrent));
  const rates = [];
  for (let i = 0; i < spec.runs; i++) rates.push(spec.executions * spec.chainSteps / await chainRun(machine, spec.chainSteps, spec.executions, concurrent));
  figures.median = median(rates);
  figures.best = Math.max(...rates);
}
console.log(JSON.stringify(figures));
