namespace TrainingOrchestration.Tasks.Tests.Evaluation.Comparison;

/// <summary>Simulated test splits: labels with a base rate and two models whose scores carry more or less signal.</summary>
internal static class ScoredRows
{
    public static (bool[] Labels, double[] Strong, double[] Weak) Simulate(int rows, int seed, double strongSignal = 1.5, double weakSignal = 0.5)
    {
        var random = new Random(seed);
        var labels = new bool[rows];
        var strong = new double[rows];
        var weak = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextDouble() < 0.3;
            var noise = Gaussian(random);
            var shared = labels[i] ? 1.0 : 0.0;
            strong[i] = Sigmoid(strongSignal * shared + noise);
            weak[i] = Sigmoid(weakSignal * shared + 0.7 * noise + 0.7 * Gaussian(random));
        }
        return (labels, strong, weak);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
