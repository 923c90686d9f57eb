using TrainingOrchestration.StateMachine.Steps;
using TrainingOrchestration.StateMachine.Tests.Support;

namespace TrainingOrchestration.StateMachine.Tests.Steps;

public class TrainModelTests
{
    [Fact]
    public void On_demand_training_waits_for_the_max_runtime_plus_ten_minutes()
    {
        var spec = new SpecBuilder().WithMaxRuntime(TimeSpan.FromMinutes(90)).Build();

        Assert.Equal(90 * 60 + 600, TrainModel.WaitTimeoutSeconds(spec.Training));
    }

    [Fact]
    public void Spot_training_waits_for_the_spot_wait_which_includes_the_runtime()
    {
        var spec = new SpecBuilder().WithMaxRuntime(TimeSpan.FromHours(1)).WithSpot(TimeSpan.FromHours(3)).Build();

        Assert.Equal(3 * 3600 + 600, TrainModel.WaitTimeoutSeconds(spec.Training));
    }

    [Fact]
    public void The_token_item_expires_a_week_after_the_wait_times_out_counted_from_the_state_entry()
    {
        var spec = new SpecBuilder().WithMaxRuntime(TimeSpan.FromHours(1)).Build();

        var expression = TrainModel.ExpiresAtExpression(spec.Training);

        Assert.Equal("{% $string($floor($toMillis($states.context.State.EnteredTime) / 1000) + " + (3600 + 600 + 7 * 86400) + ") %}", expression);
    }
}
