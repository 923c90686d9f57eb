namespace TrainingOrchestration.LocalRuntime.Glue;

/// <summary>Glue's <c>--job-bookmark-option</c>: enable (read and advance), pause (read, do not advance), disable.</summary>
public enum JobBookmarkOption
{
    Enable,
    Pause,
    Disable,
}
