using System.Text.Json.Nodes;
using TrainingOrchestration.LocalRuntime.Templates;

namespace TrainingOrchestration.LocalRuntime.Tests.Templates;

public class StackTemplateLoaderTests
{
    private static readonly StackEnvironment Env = new("TrainingOrchestration-churn");

    private static LoadedStack Load(string template) => StackTemplateLoader.Load(JsonNode.Parse(template)!.AsObject(), Env);

    private const string Template = """
        {
          "Mappings": { "Images": { "us-east-1": { "xgboost": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1" } } },
          "Conditions": { "IsCritical": { "Fn::Equals": ["critical", "critical"] }, "IsDev": { "Fn::Not": [{ "Condition": "IsCritical" }] } },
          "Parameters": { "BootstrapVersion": { "Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version" } },
          "Resources": {
            "Bucket83908E77": { "Type": "AWS::S3::Bucket" },
            "Table": { "Type": "AWS::DynamoDB::Table", "Properties": { "TableName": { "Fn::Join": ["-", [{ "Ref": "AWS::StackName" }, "table"]] } } },
            "Topic": { "Type": "AWS::SNS::Topic" },
            "Paging": { "Type": "AWS::SNS::Topic", "Condition": "IsDev" },
            "Training": { "Type": "AWS::StepFunctions::StateMachine", "Properties": {
              "StateMachineName": "churn-training",
              "DefinitionString": { "Fn::Join": ["", ["{\"Bucket\":\"", { "Ref": "Bucket83908E77" }, "\",\"Table\":\"", { "Fn::GetAtt": ["Table", "Arn"] }, "\"}"]] } } },
            "Fn": { "Type": "AWS::Lambda::Function", "Properties": {
              "Handler": "A::B::C",
              "Environment": { "Variables": {
                "BUCKET": { "Ref": "Bucket83908E77" },
                "TOPIC": { "Ref": "Topic" },
                "SUB": { "Fn::Sub": "s3://${Bucket83908E77}/x/${AWS::Region}/${AWS::AccountId}/${!Literal}" },
                "SUB2": { "Fn::Sub": ["${Name}-${Table.Arn}", { "Name": { "Ref": "AWS::StackName" } }] },
                "IMAGE": { "Fn::FindInMap": ["Images", { "Ref": "AWS::Region" }, "xgboost"] },
                "SECOND": { "Fn::Select": [1, { "Fn::Split": [",", "a,b,c"] }] },
                "IF": { "Fn::If": ["IsCritical", "yes", "no"] },
                "GONE": { "Fn::If": ["IsDev", "x", { "Ref": "AWS::NoValue" }] },
                "MACHINE": { "Ref": "Training" },
                "URL": { "Fn::Join": ["", ["https://x.", { "Ref": "AWS::URLSuffix" }, "/", { "Ref": "AWS::Partition" }]] } } } } }
          }
        }
        """;

    [Fact]
    public void Resources_get_realistic_physical_names_and_arns()
    {
        var stack = Load(Template);

        var bucket = stack.Get("Bucket83908E77");
        Assert.StartsWith("trainingorchestration-churn-bucket83908e77-", bucket.Name);
        Assert.Equal($"arn:aws:s3:::{bucket.Name}", bucket.Arn);
        Assert.Equal("TrainingOrchestration-churn-table", stack.Get("Table").Name);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:churn-training", stack.Get("Training").Arn);
        Assert.StartsWith("arn:aws:sns:us-east-1:123456789012:TrainingOrchestration-churn-Topic-", stack.Get("Topic").PhysicalId);
    }

    [Fact]
    public void Intrinsic_functions_and_pseudo_parameters_are_resolved()
    {
        var stack = Load(Template);
        var bucket = stack.Get("Bucket83908E77").Name;

        var env = stack.Get("Fn").Properties["Environment"]!["Variables"]!.AsObject();

        Assert.Equal(bucket, env["BUCKET"]!.GetValue<string>());
        Assert.Equal($"s3://{bucket}/x/us-east-1/123456789012/${{Literal}}", env["SUB"]!.GetValue<string>());
        Assert.Equal("TrainingOrchestration-churn-arn:aws:dynamodb:us-east-1:123456789012:table/TrainingOrchestration-churn-table", env["SUB2"]!.GetValue<string>());
        Assert.Equal("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", env["IMAGE"]!.GetValue<string>());
        Assert.Equal("b", env["SECOND"]!.GetValue<string>());
        Assert.Equal("yes", env["IF"]!.GetValue<string>());
        Assert.False(env.ContainsKey("GONE"));
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:churn-training", env["MACHINE"]!.GetValue<string>());
        Assert.Equal("https://x.amazonaws.com/aws", env["URL"]!.GetValue<string>());
    }

    [Fact]
    public void Definition_string_joins_into_the_deployed_definition()
    {
        var stack = Load(Template);

        var definition = JsonNode.Parse(stack.Get("Training").GetString("DefinitionString")!)!;

        Assert.Equal(stack.Get("Bucket83908E77").Name, definition["Bucket"]!.GetValue<string>());
        Assert.Equal("arn:aws:dynamodb:us-east-1:123456789012:table/TrainingOrchestration-churn-table", definition["Table"]!.GetValue<string>());
    }

    [Fact]
    public void Resource_whose_condition_is_false_is_not_deployed()
    {
        var stack = Load(Template);

        Assert.DoesNotContain(stack.Resources, r => r.LogicalId == "Paging");
    }

    [Fact]
    public void Same_stack_gets_the_same_names_every_time_so_a_workspace_can_be_reused()
    {
        Assert.Equal(Load(Template).Get("Bucket83908E77").Name, Load(Template).Get("Bucket83908E77").Name);
    }

    [Fact]
    public void Reference_to_an_unknown_resource_names_the_property_that_used_it()
    {
        var error = Assert.Throws<TemplateException>(() => Load("""{"Resources":{"A":{"Type":"AWS::SNS::Topic","Properties":{"DisplayName":{"Ref":"Nope"}}}}}"""));

        Assert.Equal("Resources.A.Properties.DisplayName.Ref", error.Path);
        Assert.Contains("Nope", error.Message);
    }
}
