'use strict';
// cdk-nag's AwsSolutions and Serverless packs on a synthesized template: a one-stack CDK app includes the template
// with CfnInclude (logical IDs kept), registers both packs as validation plugins, and reads the validation report
// CDK writes at synthesis.
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.CDK_VALIDATION = 'false'; // the bundled CloudFormation validator runs on the original file instead (cfn-validate.js)
const { App, Stack, Validations, DefaultStackSynthesizer } = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks, ServerlessChecks } = require('cdk-nag');

/** Every finding of both packs: {rule, resource, message, pack}. */
function check(templatePath) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'template-checks-'));
  try {
    // The report is read from validation-report.json; the app neither throws nor prints it.
    const app = new App({ outdir, context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
    const stack = new Stack(app, 'Checked', { synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }) });
    new CfnInclude(stack, 'Template', { templateFile: templatePath });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    Validations.of(app).addPlugins(new ServerlessChecks(app));
    const reportFile = path.join(outdir, 'validation-report.json');
    app.synth();
    if (!fs.existsSync(reportFile)) throw new Error('cdk-nag ran but CDK wrote no validation-report.json');
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    return report.pluginReports.flatMap((plugin) => plugin.violations.flatMap((v) => v.violatingConstructs.map((c) => ({
      rule: v.ruleName,
      resource: c.constructPath.split('/').pop(),
      message: v.description,
      pack: plugin.pluginName,
    }))));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

module.exports = { check };
