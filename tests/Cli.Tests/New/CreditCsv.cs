using System.Globalization;
using System.Text;

namespace TrainingOrchestration.Cli.Tests.New;

/// <summary>
/// A credit-application table as a new user would bring it: no id column, an 'approved'/'declined' label that depends
/// on the features, a categorical column, a yes/no column, empty incomes and a 99999999 sentinel for "never delinquent".
/// </summary>
internal static class CreditCsv
{
    public static string Write(string directory, int rows = 1500, int seed = 7)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("Applicant Age,income,housing,has_guarantor,months_since_delinquency,notes,decision\n");
        for (var i = 0; i < rows; i++)
        {
            var age = random.Next(18, 80);
            var income = random.Next(12_000, 150_000);
            var housing = new[] { "own", "rent", "mortgage", "other" }[random.Next(4)];
            var guarantor = random.NextDouble() < 0.3 ? "yes" : "no";
            var delinquency = random.NextDouble() < 0.4 ? 99_999_999 : random.Next(0, 120);
            var score = income / 30_000.0 + (housing == "own" ? 1 : 0) + (guarantor == "yes" ? 0.8 : 0)
                + (delinquency == 99_999_999 ? 1.5 : delinquency / 60.0) + random.NextDouble() * 2.5;
            var incomeText = random.NextDouble() < 0.05 ? "" : income.ToString(CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture,
                $"{age},{incomeText},{housing},{guarantor},{delinquency},\"note {i}, free text\",{(score > 4.2 ? "approved" : "declined")}\n");
        }
        var file = Path.Combine(directory, "credit_applications.csv");
        File.WriteAllText(file, csv.ToString());
        return file;
    }
}
