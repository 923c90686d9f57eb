'use strict';
// AWS's CloudFormation validator (@aws/cloudformation-validate): aws-cdk-lib bundles it (bundleDependencies) for its
// synthesis-time validation but does not export it, so it is loaded from inside the installed aws-cdk-lib package.
const path = require('path');

const validate = require(path.join(path.dirname(require.resolve('aws-cdk-lib')), 'node_modules', '@aws', 'cloudformation-validate'));

/** Every WARN, ERROR or FATAL diagnostic of one template: {rule, severity, resource, message, line}. */
function check(engine, templatePath) {
  const report = engine.validateTemplate(new validate.TemplateFile(templatePath), { severityLevel: 'WARN', detailLevel: 'STANDARD' });
  return report.diagnostics.map((d) => ({
    rule: d.ruleId,
    severity: d.severity,
    resource: d.entity && d.entity.logicalId,
    message: d.message,
    line: d.startLine,
  }));
}

function createEngine() {
  return new validate.CompositeEngine();
}

module.exports = { check, createEngine, version: validate.version() };
