namespace TrainingOrchestration.Contracts.Sketches;

/// <summary>
/// KLL quantile sketch (Karnin, Lang, Liberty 2016) over doubles: a stack of compactors whose capacities shrink
/// by 2/3 per level below the top, so memory is O(k log(n/k)) whatever n is. With k = 256 the rank error of a
/// quantile is about ±1% (Apache DataSketches quotes 1.33% at k = 200, 99% confidence); the test suite checks
/// it on a million values. Compaction uses a seeded generator so a run's profile is reproducible.
/// </summary>
public sealed class KllSketch(int k = 256, int seed = 17)
{
    private readonly List<List<double>> levels = [[]];
    private readonly Random random = new(seed);
    private int size;
    private int maxSize = Math.Max(2, k);

    public long Count { get; private set; }

    public void Add(double value)
    {
        levels[0].Add(value);
        Count++;
        if (++size >= maxSize) Compress();
    }

    /// <summary>Approximate fraction of the values strictly below <paramref name="value"/>.</summary>
    public double Rank(double value)
    {
        if (Count == 0) return 0;
        double below = 0;
        for (var h = 0; h < levels.Count; h++)
        {
            long weight = 1L << h;
            foreach (var item in levels[h])
            {
                if (item < value) below += weight;
            }
        }
        return below / Weight();
    }

    /// <summary>Approximate value at rank <paramref name="q"/> in [0, 1]; NaN when empty.</summary>
    public double Quantile(double q)
    {
        if (Count == 0) return double.NaN;
        var items = new List<(double Value, long Weight)>();
        for (var h = 0; h < levels.Count; h++)
        {
            foreach (var item in levels[h]) items.Add((item, 1L << h));
        }
        items.Sort((a, b) => a.Value.CompareTo(b.Value));
        var target = q * Weight();
        double cumulative = 0;
        foreach (var (value, weight) in items)
        {
            cumulative += weight;
            if (cumulative >= target) return value;
        }
        return items[^1].Value;
    }

    private double Weight()
    {
        double total = 0;
        for (var h = 0; h < levels.Count; h++) total += (double)levels[h].Count * (1L << h);
        return total;
    }

    private int[] capacities = [Math.Max(2, k)];

    private int Capacity(int level) => capacities[level];

    private void UpdateCapacities()
    {
        capacities = Enumerable.Range(0, levels.Count).Select(h => Math.Max(2, (int)Math.Ceiling(k * Math.Pow(2.0 / 3.0, levels.Count - 1 - h)))).ToArray();
        maxSize = capacities.Sum();
    }

    private void Compress()
    {
        for (var h = 0; h < levels.Count; h++)
        {
            var level = levels[h];
            if (level.Count < Capacity(h)) continue;
            if (h + 1 == levels.Count)
            {
                levels.Add([]);
                UpdateCapacities();
            }
            level.Sort();
            var offset = random.Next(2);
            var keep = level.Count % 2 == 1 ? level[^1] : double.NaN;
            var pairs = level.Count / 2;
            for (var i = 0; i < pairs; i++) levels[h + 1].Add(level[2 * i + offset]);
            level.Clear();
            if (!double.IsNaN(keep)) level.Add(keep);
            size -= pairs;
            return;
        }
    }
}
