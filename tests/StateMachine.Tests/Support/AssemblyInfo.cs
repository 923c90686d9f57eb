// jsii talks to one Node process over a single channel; syntheses on parallel threads corrupt each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
