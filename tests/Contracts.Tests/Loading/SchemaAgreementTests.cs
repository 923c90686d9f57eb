namespace TrainingOrchestration.Contracts.Tests.Loading;

public class SchemaAgreementTests
{
    private static readonly Model.DataContract Contract = ContractLoader.Parse("""
        contract: t
        columns:
          - { name: id, type: string }
          - { name: tenure, type: integer }
          - { name: charges, type: decimal }
          - { name: split, type: string }
        """, "pipelines/t/contract.yaml");

    [Fact]
    public void A_contract_matching_the_sql_columns_has_no_errors()
    {
        var errors = SchemaAgreement.Check(Contract, [("id", "VARCHAR"), ("tenure", "INTEGER"), ("charges", "INTEGER")], ["split"]);

        Assert.Empty(errors);
    }

    [Fact]
    public void A_column_the_sql_does_not_produce_is_an_error_at_its_declaration()
    {
        var errors = SchemaAgreement.Check(Contract, [("id", "VARCHAR"), ("charges", "DOUBLE")], ["split"]);

        var error = Assert.Single(errors);
        Assert.Equal(4, error.Location.Line);
        Assert.Equal("column:tenure", error.Rule);
        Assert.Contains("does not produce column 'tenure'", error.Message);
    }

    [Fact]
    public void An_incompatible_type_is_an_error()
    {
        var errors = SchemaAgreement.Check(Contract, [("id", "VARCHAR"), ("tenure", "DOUBLE"), ("charges", "DOUBLE")], ["split"]);

        Assert.Contains("integer in the contract but DOUBLE", Assert.Single(errors).Message);
    }
}
