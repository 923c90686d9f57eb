using TrainingOrchestration.Contracts.Model;

namespace TrainingOrchestration.Contracts.Tests.Loading;

public class ContractLoaderTests
{
    private const string Header = """
        contract: test
        columns:
          - { name: id, type: string }
          - { name: age, type: integer }
        rules:

        """;

    private static ContractException Reject(string rules) =>
        Assert.Throws<ContractException>(() => ContractLoader.Parse(Header + rules, "pipelines/x/contract.yaml"));

    [Fact]
    public void A_valid_contract_loads_with_rule_ids_and_severities()
    {
        var contract = ContractLoader.Parse(Header + """
              - { check: primary_key, column: id }
              - { check: range, column: age, min: 0, max: 120, severity: warn }
              - { check: expression, name: adult, expr: "age >= 18" }
            """, "c.yaml");

        Assert.Equal(["primary_key:id", "range:age", "adult"], contract.Rules.Select(r => r.Id));
        Assert.Equal(Severity.Warn, contract.Rules[1].Severity);
        Assert.Equal(6, contract.Rules[0].Location.Line);
    }

    [Theory]
    [InlineData("  - { check: uniq, column: id }", 6, "uniq", "unknown check 'uniq'")]
    [InlineData("  - { check: range, column: height, min: 0 }", 6, "range:height", "column 'height' is not declared")]
    [InlineData("  - { check: range, column: id, min: 0 }", 6, "range:id", "needs a numeric")]
    [InlineData("  - { check: pattern, column: id, regex: '([a-z' }", 6, "pattern:id", "not a valid .NET regular expression")]
    [InlineData("  - { check: expression, name: bad, expr: 'age >= ' }", 6, "bad", "not a valid predicate")]
    [InlineData("  - { check: expression, name: typo, expr: 'agee > 1' }", 6, "typo", "unknown column 'agee'")]
    [InlineData("  - { check: range, column: age, min: 5, max: 1 }", 6, "range:age", "greater than 'max'")]
    [InlineData("  - { check: completeness, column: age, min: 1.5 }", 6, "completeness:age", "between 0 and 1")]
    [InlineData("  - { check: range, column: age, minimum: 1 }", 6, "range:age", "unknown key 'minimum'")]
    [InlineData("  - { check: freshness, maxAge: soon }", 6, "freshness", "must be a duration")]
    [InlineData("  - { check: allowed_values, column: age, values: [1, two] }", 6, "allowed_values:age", "'two' is not a valid integer")]
    [InlineData("  - { check: not_null, column: id, severity: fatal }", 6, "not_null:id", "must be error or warn")]
    public void Each_kind_of_mistake_names_the_file_line_and_rule(string rule, int line, string ruleId, string message)
    {
        var error = Reject(rule);

        Assert.Equal("pipelines/x/contract.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.True(error.Column > 0);
        Assert.Equal(ruleId, error.Rule);
        Assert.Contains(message, error.Message);
        Assert.Contains($"pipelines/x/contract.yaml:{line}:", error.Message);
    }

    [Fact]
    public void Duplicate_rule_names_are_rejected()
    {
        var error = Reject("  - { check: not_null, column: id }\n  - { check: not_null, column: id }\n");

        Assert.Equal(7, error.Line);
        Assert.Equal("not_null:id", error.Rule);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var error = Reject("  - { check: nope }\n  - { check: range, column: age }\n");

        Assert.Equal(2, error.Errors.Count);
        Assert.Equal([6, 7], error.Errors.Select(e => e.Location.Line));
    }

    [Fact]
    public void Broken_yaml_and_bad_columns_name_their_line()
    {
        var yaml = Assert.Throws<ContractException>(() => ContractLoader.Parse("contract: x\ncolumns: [\n", "c.yaml"));
        var type = Assert.Throws<ContractException>(() => ContractLoader.Parse("contract: x\ncolumns:\n  - { name: a, type: varchar }\n", "c.yaml"));

        Assert.Contains("not valid YAML", yaml.Message);
        Assert.Equal(3, type.Line);
        Assert.Contains("unknown type 'varchar'", type.Message);
    }

    [Fact]
    public void A_missing_file_is_a_contract_error_naming_the_path()
    {
        var error = Assert.Throws<ContractException>(() => ContractLoader.Load("/nonexistent/contract.yaml"));

        Assert.Equal("/nonexistent/contract.yaml", error.File);
    }
}
