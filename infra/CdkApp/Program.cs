using TrainingOrchestration.Infra;
using TrainingOrchestration.Pipelines.Conventions;

// `npx aws-cdk synth` from infra/ runs this; the aws-cdk CLI passes the output directory in CDK_OUTDIR.
var root = RepositoryRoot.Find(Directory.GetCurrentDirectory());
var outdir = Environment.GetEnvironmentVariable("CDK_OUTDIR") ?? Path.Combine(root, "infra", "cdk.out");
InfraApp.Build(Path.Combine(root, "pipelines"), outdir).Synth();
