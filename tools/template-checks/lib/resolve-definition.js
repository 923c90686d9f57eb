'use strict';
// Turns a state machine's DefinitionString (CDK writes it as Fn::Join over strings, Ref, Fn::GetAtt, Fn::FindInMap,
// Fn::Sub) into the JSON text Step Functions would receive, with placeholder values of the right shape
// (ARNs where CloudFormation returns ARNs), so asl-validator can check it offline.

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const PSEUDO = {
  'AWS::Partition': 'aws', 'AWS::Region': REGION, 'AWS::AccountId': ACCOUNT, 'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'stack', 'AWS::StackId': `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/stack/0`,
};

// What Ref returns per resource type (CloudFormation resource reference pages, "Return values").
const REF_IS_ARN = new Set(['AWS::SNS::Topic', 'AWS::IAM::ManagedPolicy', 'AWS::StepFunctions::StateMachine', 'AWS::SQS::Queue']);

function arnFor(template, logicalId) {
  const type = (template.Resources[logicalId] || {}).Type || 'AWS::Unknown::Resource';
  const service = type.split('::')[1].toLowerCase();
  const kind = { lambda: 'function:', states: 'stateMachine:', iam: 'role/', sns: '', sqs: '', dynamodb: 'table/', logs: 'log-group:' }[service] ?? '';
  const svc = service === 'stepfunctions' ? 'states' : service;
  const acct = svc === 'iam' ? '' : REGION;
  return `arn:aws:${svc}:${acct}:${ACCOUNT}:${kind}${logicalId}`;
}

function resolve(template, value) {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || typeof value !== 'object') throw new Error(`cannot resolve ${JSON.stringify(value)}`);
  const [fn] = Object.keys(value);
  const arg = value[fn];
  switch (fn) {
    case 'Ref':
      if (arg in PSEUDO) return PSEUDO[arg];
      if (template.Parameters && arg in template.Parameters) return String(template.Parameters[arg].Default ?? arg);
      return REF_IS_ARN.has((template.Resources[arg] || {}).Type) ? arnFor(template, arg) : arg;
    case 'Fn::GetAtt': {
      const [id, attr] = Array.isArray(arg) ? arg : arg.split('.');
      return /Arn$/.test(attr) ? arnFor(template, id) : `${id}-${attr}`;
    }
    case 'Fn::Join':
      return arg[1].map((v) => resolve(template, v)).join(arg[0]);
    case 'Fn::FindInMap': {
      const [map, top, second] = arg.map((v) => resolve(template, v));
      const found = ((template.Mappings || {})[map] || {})[top];
      if (!found || !(second in found)) throw new Error(`Fn::FindInMap ${map}.${top}.${second} has no value`);
      return String(found[second]);
    }
    case 'Fn::Sub': {
      const [text, vars] = Array.isArray(arg) ? arg : [arg, {}];
      return text.replace(/\$\{([^}]+)\}/g, (_, name) => {
        if (vars && name in vars) return resolve(template, vars[name]);
        if (name.includes('.')) return resolve(template, { 'Fn::GetAtt': name.split('.') });
        return resolve(template, { Ref: name });
      });
    }
    case 'Fn::Select':
      return resolve(template, arg[1][Number(resolve(template, arg[0]))]);
    default:
      throw new Error(`unsupported intrinsic ${fn} in a state machine definition`);
  }
}

/** The definition of one AWS::StepFunctions::StateMachine resource, parsed. */
function resolveDefinition(template, logicalId) {
  const props = template.Resources[logicalId].Properties || {};
  if (props.Definition) return props.Definition;
  if (props.DefinitionString === undefined) throw new Error(`${logicalId} has neither Definition nor DefinitionString`);
  const text = resolve(template, props.DefinitionString);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${logicalId}: DefinitionString is not JSON once resolved: ${e.message}`);
  }
}

module.exports = { resolveDefinition };
