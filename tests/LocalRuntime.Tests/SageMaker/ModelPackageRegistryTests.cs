using System.Text.Json.Nodes;
using TrainingOrchestration.Asl;
using TrainingOrchestration.LocalRuntime.SageMaker;
using TrainingOrchestration.TestSupport;

namespace TrainingOrchestration.LocalRuntime.Tests.SageMaker;

public sealed class ModelPackageRegistryTests : IDisposable
{
    private const string Group = "TrainingOrchestration-churn";
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private ModelPackageRegistry Registry() =>
        new(Path.Combine(_root.Path, "model-packages.json"), new SageMakerLocalOptions(), new VirtualClock(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero)));

    private static JsonObject Request(string status, string token) => new()
    {
        ["ModelPackageGroupName"] = Group,
        ["ModelApprovalStatus"] = status,
        ["ClientToken"] = token,
        ["InferenceSpecification"] = new JsonObject
        {
            ["Containers"] = new JsonArray(new JsonObject { ["Image"] = "xgboost:1.7-1", ["ModelDataUrl"] = "s3://b/models/approved/churn/r1/model.tar.gz" }),
            ["SupportedContentTypes"] = new JsonArray("text/csv"),
            ["SupportedResponseMIMETypes"] = new JsonArray("text/csv"),
        },
        ["ModelMetrics"] = new JsonObject
        {
            ["ModelQuality"] = new JsonObject { ["Statistics"] = new JsonObject { ["ContentType"] = "application/json", ["S3Uri"] = "s3://b/reports/m.json" } },
        },
    };

    [Fact]
    public void Versions_are_numbered_per_group_and_kept_across_instances()
    {
        Registry().EnsureGroup(Group);

        var first = Registry().CreateModelPackage(Request("Approved", "run-1"));
        var second = Registry().CreateModelPackage(Request("Rejected", "run-2"));

        Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:model-package/trainingorchestration-churn/1", first["ModelPackageArn"]!.GetValue<string>());
        Assert.EndsWith("/2", second["ModelPackageArn"]!.GetValue<string>());
        Assert.Equal(["Approved", "Rejected"], Registry().List(Group).Select(p => p["ModelApprovalStatus"]!.GetValue<string>()));
    }

    [Fact]
    public void A_retried_call_with_the_same_client_token_returns_the_same_version()
    {
        var registry = Registry();
        registry.EnsureGroup(Group);

        var first = registry.CreateModelPackage(Request("Approved", "run-1"));
        var again = registry.CreateModelPackage(Request("Approved", "run-1"));

        Assert.Equal(first["ModelPackageArn"]!.GetValue<string>(), again["ModelPackageArn"]!.GetValue<string>());
        Assert.Single(registry.List(Group));
    }

    [Fact]
    public void A_package_in_a_group_that_does_not_exist_is_refused_as_sagemaker_refuses_it()
    {
        var error = Assert.Throws<SageMakerServiceException>(() => Registry().CreateModelPackage(Request("Approved", "run-1")));

        Assert.Equal("ValidationException", error.ErrorCode);
    }

    [Fact]
    public void An_unknown_approval_status_is_refused_with_the_allowed_values()
    {
        var registry = Registry();
        registry.EnsureGroup(Group);

        var error = Assert.Throws<SageMakerServiceException>(() => registry.CreateModelPackage(Request("Promoted", "run-1")));

        Assert.Contains("[Approved, Rejected, PendingManualApproval]", error.Message);
    }

    [Fact]
    public void Update_changes_the_approval_status_of_a_version()
    {
        var registry = Registry();
        registry.EnsureGroup(Group);
        var arn = registry.CreateModelPackage(Request("Approved", "run-1"))["ModelPackageArn"]!.GetValue<string>();

        registry.UpdateModelPackage(new JsonObject { ["ModelPackageArn"] = arn, ["ModelApprovalStatus"] = "Rejected", ["ApprovalDescription"] = "rolled back" });

        var package = registry.DescribeModelPackage(arn);
        Assert.Equal("Rejected", package["ModelApprovalStatus"]!.GetValue<string>());
        Assert.Equal("rolled back", package["ApprovalDescription"]!.GetValue<string>());
    }
}
