using TrainingOrchestration.LocalRuntime.SageMaker;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

/// <summary>Channels of random features with a label computed from them (seeded, so runs repeat).</summary>
public static class SyntheticChannel
{
    public static ChannelData Create(string name, int rows, int features, Func<float[], float> label, int seed = 11)
    {
        var random = new Random(seed);
        var labels = new float[rows];
        var values = new float[rows * features];
        var row = new float[features];
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < features; f++) row[f] = values[r * features + f] = (float)random.NextDouble();
            labels[r] = label(row);
        }
        return new ChannelData(name, features, labels, values);
    }

    /// <summary>Three classes by which third of [0, 1] the first feature falls in, the second feature as noise.</summary>
    public static float ThreeClasses(float[] row) => Math.Min(2, (int)(row[0] * 3));

    /// <summary>A linear target of the first two features.</summary>
    public static float Linear(float[] row) => 3 * row[0] - 2 * row[1] + 0.5f;

    /// <summary>A noisy binary label of the first feature.</summary>
    public static float Binary(float[] row) => row[0] + 0.3f * row[1] > 0.65f ? 1 : 0;
}
