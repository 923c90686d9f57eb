#!/usr/bin/env node
'use strict';
// Checks every *.template.json of a cloud assembly with AWS's validators:
//   cloudformation-validate  @aws/cloudformation-validate (bundled in aws-cdk-lib): WARN, ERROR, FATAL must be acknowledged
//   asl-validator            every state machine definition: no error, nothing to acknowledge
//   cdk-nag                  AwsSolutions + Serverless packs: every finding must be acknowledged
// Usage: node check-templates.js <cloud assembly dir> [--acknowledgements FILE] [--allow-unused-acknowledgements]
//   (the last for assemblies that are not the repository's pipelines, which need not raise every acknowledged finding)
// Prints one line per check and "template checks: N passed, M failed"; exits 1 when a check failed.
const fs = require('fs');
const path = require('path');
const acknowledgements = require('./lib/acknowledgements');
const cfn = require('./lib/cfn-validate');
const asl = require('./lib/asl');
const nag = require('./lib/nag');

function parseArgs(argv) {
  const args = { dir: undefined, acknowledgements: path.resolve(__dirname, '..', '..', 'infra', 'template-acknowledgements.json'), allowUnused: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--acknowledgements') args.acknowledgements = path.resolve(argv[++i]);
    else if (argv[i] === '--allow-unused-acknowledgements') args.allowUnused = true;
    else if (!args.dir) args.dir = path.resolve(argv[i]);
    else throw new Error(`unexpected argument ${argv[i]}`);
  }
  if (!args.dir) throw new Error('usage: node check-templates.js <cloud assembly dir> [--acknowledgements FILE] [--allow-unused-acknowledgements]');
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const templates = fs.readdirSync(args.dir).filter((f) => f.endsWith('.template.json')).sort();
  if (templates.length === 0) throw new Error(`${args.dir}: no *.template.json to check`);
  const acks = acknowledgements.load(args.acknowledgements);
  const results = [];
  const record = (name, problems) => {
    results.push({ name, problems });
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name}`);
    for (const p of problems) console.log(`       ${p}`);
  };
  const unacknowledged = (tool, findings) => findings
    .filter((f) => !acknowledgements.find(acks, tool, f.rule, f.resource))
    .map((f) => `${f.severity ? `[${f.severity}] ` : ''}${f.rule} on ${f.resource ?? '(template)'}: ${f.message}${f.line ? ` (line ${f.line})` : ''}`);

  const engine = cfn.createEngine();
  try {
    for (const file of templates) {
      const full = path.join(args.dir, file);
      const stack = file.replace(/\.template\.json$/, '');
      record(`${stack} cloudformation-validate ${cfn.version}`, unacknowledged('cloudformation-validate', cfn.check(engine, full)));
      for (const machine of asl.check(JSON.parse(fs.readFileSync(full, 'utf8')))) {
        record(`${stack} asl-validator ${machine.name}`, machine.errors);
      }
      record(`${stack} cdk-nag AwsSolutions+Serverless`, unacknowledged('cdk-nag', nag.check(full)));
    }
  } finally {
    engine.free();
  }
  if (!args.allowUnused) {
    const unused = acks.filter((a) => a.used === 0).map((a) => `acknowledgements[${a.index}] ${a.tool} ${a.rule} matched no finding: remove it`);
    record(`acknowledgements ${path.basename(args.acknowledgements)} all in use`, unused);
  }

  const failed = results.filter((r) => r.problems.length > 0).length;
  console.log(`template checks: ${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(`template checks: ${e.message || e}`);
  process.exitCode = 2;
}
