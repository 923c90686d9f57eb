using System.Globalization;
using System.Text;

namespace TrainingOrchestration.Cli.Tests.New;

/// <summary>
/// Small tables for the problem types the scaffold infers from the label: a listing price with many decimal values
/// (regression) and a subscription plan with three text classes (multi-class), each a clear function of the features
/// plus a little noise, so a few hundred rows train a model that passes the scaffold's first bar.
/// </summary>
internal static class ProblemTypeCsv
{
    public static string Prices(string directory, int rows = 300, int seed = 11)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("listing_id,area_sqm,rooms,district,has_garage,price\n");
        for (var i = 0; i < rows; i++)
        {
            var area = random.Next(30, 200);
            var rooms = 1 + area / 40 + random.Next(2);
            var district = new[] { "north", "south", "centre" }[random.Next(3)];
            var garage = random.NextDouble() < 0.4 ? "yes" : "no";
            var price = area * 2.5 + (district == "centre" ? 120 : 0) + (garage == "yes" ? 30 : 0) + random.NextDouble() * 20;
            csv.Append(CultureInfo.InvariantCulture, $"L{100000 + i},{area},{rooms},{district},{garage},{price:0.00}\n");
        }
        return Write(directory, "listings.csv", csv);
    }

    public static string Plans(string directory, int rows = 300, int seed = 13, bool numericClasses = false)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("monthly_gb,devices,roaming,plan\n");
        for (var i = 0; i < rows; i++)
        {
            var gb = random.Next(0, 100);
            var devices = random.Next(1, 5);
            var roaming = random.NextDouble() < 0.3 ? "yes" : "no";
            var usage = gb + devices * 5 + random.Next(10);
            var plan = usage < 40 ? 0 : usage < 80 ? 1 : 2;
            var label = numericClasses ? (plan + 1).ToString(CultureInfo.InvariantCulture) : new[] { "Basic", "Plus", "Premium" }[plan];
            csv.Append(CultureInfo.InvariantCulture, $"{gb},{devices},{roaming},{label}\n");
        }
        return Write(directory, "subscriptions.csv", csv);
    }

    private static string Write(string directory, string name, StringBuilder csv)
    {
        var file = Path.Combine(directory, name);
        File.WriteAllText(file, csv.ToString());
        return file;
    }
}
