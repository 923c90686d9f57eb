using TrainingOrchestration.StateMachine.Steps;

namespace TrainingOrchestration.StateMachine.Tests.Steps;

/// <summary>"You can't request a VolumeKmsKeyId when using an instance type with local storage" (SageMaker API_ResourceConfig).</summary>
public sealed class TrainingJobRequestTests
{
    [Theory]
    [InlineData("ml.m5.xlarge", false)]
    [InlineData("ml.c5n.2xlarge", false)]
    [InlineData("ml.m5d.xlarge", true)]
    [InlineData("ml.g4dn.xlarge", true)]
    [InlineData("ml.p3dn.24xlarge", true)]
    [InlineData("ml.p4d.24xlarge", true)]
    public void Only_instances_without_an_NVMe_store_get_the_stacks_key_on_their_volume(string instanceType, bool instanceStore)
    {
        Assert.Equal(instanceStore, TrainingJobRequest.HasInstanceStore(instanceType));
    }
}
