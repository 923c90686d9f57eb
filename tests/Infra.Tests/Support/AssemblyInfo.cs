// The jsii runtime behind CDK is one Node process spoken to over a single channel; two syntheses on two threads
// corrupt each other's messages, so the tests of this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
