'use strict';
// asl-validator on every state machine of a template (definitions resolved offline, see resolve-definition.js).
const aslValidator = require('asl-validator');
const { resolveDefinition } = require('./resolve-definition');

/** One result per AWS::StepFunctions::StateMachine: {resource, name, errors: [text]}. */
function check(template) {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine')
    .map(([id, r]) => {
      const name = (r.Properties && r.Properties.StateMachineName) || id;
      try {
        const { isValid, errors } = aslValidator(resolveDefinition(template, id), { checkPaths: true, checkArn: true });
        return { resource: id, name, errors: isValid ? [] : errors.map((e) => [e['Error code'], e.path, e.Message ?? e.message].filter(Boolean).join(' ')) };
      } catch (e) {
        return { resource: id, name, errors: [String(e.message || e)] };
      }
    });
}

module.exports = { check };
