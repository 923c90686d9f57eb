using TrainingOrchestration.Asl.Runtime;

namespace TrainingOrchestration.Asl.Tests.Runtime;

public sealed class ErrorMatcherTests
{
    [Theory]
    [InlineData("States.ALL", "Lambda.ServiceException", true)]
    [InlineData("States.ALL", "States.Timeout", true)]
    [InlineData("States.ALL", "States.Runtime", false)]
    [InlineData("States.TaskFailed", "Glue.ConcurrentRunsExceededException", true)]
    [InlineData("States.TaskFailed", "States.Timeout", false)]
    [InlineData("States.Timeout", "States.Timeout", true)]
    [InlineData("SageMaker.ThrottlingException", "SageMaker.ResourceLimitExceeded", false)]
    public void ErrorEquals_matches_as_AWS_does(string errorEquals, string error, bool matches)
    {
        Assert.Equal(matches, ErrorMatcher.Matches([errorEquals], error));
    }

    [Fact]
    public void A_Fail_state_without_Error_is_caught_by_nothing()
    {
        Assert.False(ErrorMatcher.Matches(["States.ALL"], null));
    }
}
