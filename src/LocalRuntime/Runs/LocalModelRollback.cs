using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TrainingOrchestration.Pipelines.Conventions;

namespace TrainingOrchestration.LocalRuntime.Runs;

/// <summary>
/// Rolling back offline, the operation runbooks/rollback-model.md does on AWS: one conditional write moves
/// <c>CHAMPION</c> back to an earlier version (only if the champion is still the one read), then the bookkeeping
/// follows: the current MODEL item RETIRED and the restored one CHAMPION (in the model partition), the restored run's
/// profile (validation partition) copied to <c>PROFILE#ACCEPTED</c> in the pipeline's own partition,
/// the current version's model package Rejected (so the latest Approved package is the champion again), a
/// <c>ROLLBACK#&lt;time&gt;</c> item, and a <c>Model Rolled Back</c> event on the bus; <c>record.json</c> is re-exported.
/// </summary>
public static class LocalModelRollback
{
    public static async Task<JsonObject> RunAsync(LocalModelRollbackRequest request, CancellationToken cancellationToken = default)
    {
        var pipeline = request.Pipeline.Name;
        var previous = RunRecord.Read(request.Workspace) ?? throw new FileNotFoundException($"{request.Workspace} has no {RunRecord.FileName}: no run has finished there.");
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            TemplatePaths = [request.TemplatePath],
            Workspace = request.Workspace,
            StartTime = DateTimeOffset.UtcNow,
            PipelinesRoot = request.PipelinesRoot,
        }, cancellationToken);
        var session = new PipelineSession(cloud, request.Pipeline);
        var champion = await session.ReadItemAsync(TableKeys.ChampionSortKey, cancellationToken)
            ?? throw new InvalidOperationException($"{pipeline} has no champion to roll back from.");
        var current = champion["runId"]!.GetValue<string>();
        if (current == request.Version) throw new InvalidOperationException($"{request.Version} is already the champion of {pipeline}.");
        var target = await session.ReadItemAsync(TableKeys.Model(request.Version), cancellationToken)
            ?? throw new InvalidOperationException($"{pipeline} has no model version {request.Version}; see: models {pipeline}.");
        var approvedKey = BucketLayout.ApprovedModel(pipeline, request.Version);
        if (!File.Exists(cloud.Buckets.PathFor(session.BucketName, approvedKey)))
        {
            throw new InvalidOperationException(
                $"Version {request.Version} ({target["status"]}) was never promoted: s3://{session.BucketName}/{approvedKey} does not exist. Only a formerly promoted (RETIRED) version can be restored.");
        }

        var now = cloud.Clock.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var artifact = $"s3://{session.BucketName}/{approvedKey}";
        var db = cloud.DynamoDb;
        var table = session.TableName;
        try
        {
            await db.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = table,
                Key = Key(TableKeys.Pipeline(pipeline), TableKeys.ChampionSortKey),
                UpdateExpression = "SET #runId = :target, #artifact = :artifact, #metrics = :metrics, #promotedAt = :now, #previousRunId = :current, #rolledBackFrom = :current, #trainingJobName = :job",
                ConditionExpression = "#runId = :current",
                ExpressionAttributeNames = Names("runId", "artifact", "metrics", "promotedAt", "previousRunId", "rolledBackFrom", "trainingJobName"),
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":target"] = new(request.Version),
                    [":artifact"] = new(artifact),
                    [":metrics"] = new(target["metrics"]?.ToJsonString() ?? "{}"),
                    [":now"] = new(now),
                    [":current"] = new(current),
                    [":job"] = new(target["trainingJobName"]?.GetValue<string>() ?? "unknown"),
                },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new InvalidOperationException($"The champion of {pipeline} changed while rolling back (it was {current}); nothing was changed. Read it again: models {pipeline}.");
        }

        await SetStatus(db, table, pipeline, current, ModelStatus.Retired, "retiredAt", now, cancellationToken);
        await SetStatus(db, table, pipeline, request.Version, ModelStatus.Champion, "promotedAt", now, cancellationToken);
        if (await session.ReadItemAsync(TableKeys.Profile(request.Version), cancellationToken) is not null)
        {
            var profile = (await db.GetItemAsync(table, Key(TableKeys.ValidationPartition(pipeline), TableKeys.Profile(request.Version)), true, cancellationToken)).Item;
            profile[TableKeys.PartitionKey] = new AttributeValue(TableKeys.Pipeline(pipeline));
            profile[TableKeys.SortKey] = new AttributeValue(TableKeys.AcceptedProfileSortKey);
            profile["acceptedAt"] = new AttributeValue(now);
            await db.PutItemAsync(table, profile, cancellationToken);
        }
        var packages = ModelVersions.Packages(request.Workspace, ResourceNames.ModelPackageGroup(pipeline));
        if (packages.GetValueOrDefault(current)?["ModelPackageArn"]?.GetValue<string>() is { } retiredPackage)
        {
            cloud.SageMaker.ModelPackages.UpdateModelPackage(new JsonObject
            {
                ["ModelPackageArn"] = retiredPackage, ["ModelApprovalStatus"] = "Rejected", ["ApprovalDescription"] = $"rolled back to {request.Version}: {request.Reason}",
            });
        }
        var restoredPackage = packages.GetValueOrDefault(request.Version)?["ModelPackageArn"]?.GetValue<string>() ?? "none";
        var rollback = Key(TableKeys.Pipeline(pipeline), TableKeys.Rollback(now));
        rollback["from"] = new AttributeValue(current);
        rollback["to"] = new AttributeValue(request.Version);
        rollback["reason"] = new AttributeValue(request.Reason);
        rollback["artifact"] = new AttributeValue(artifact);
        rollback["rolledBackAt"] = new AttributeValue(now);
        await db.PutItemAsync(table, rollback, cancellationToken);

        var detail = new JsonObject
        {
            ["pipeline"] = pipeline, ["runId"] = request.Version, ["decision"] = "ROLLED_BACK", ["reason"] = request.Reason,
            ["previousRunId"] = current, ["artifact"] = artifact, ["modelPackageArn"] = restoredPackage,
        };
        var published = await cloud.PutEventAsync(new JsonObject
        {
            ["source"] = DetailTypes.DomainSource, ["detail-type"] = DetailTypes.ModelRolledBack, ["detail"] = detail,
        });

        var record = RunRecord.Build(pipeline, request.Workspace, await session.ReadItemsAsync(cancellationToken), [], cloud.Bus.Events, [], TimeSpan.Zero);
        foreach (var kept in new[] { "trainer", "explanation", "executions", "notifications", "wallTimeSeconds" }) record[kept] = previous[kept]?.DeepClone();
        var events = previous["events"] as JsonArray ?? [];
        record["events"] = new JsonArray([.. events.Select(e => e?.DeepClone()), .. (record["events"] as JsonArray ?? []).Select(e => e?.DeepClone())]);
        RunRecord.Write(request.Workspace, record);
        return new JsonObject
        {
            ["pipeline"] = pipeline, ["version"] = request.Version, ["from"] = current, ["artifact"] = artifact,
            ["modelPackageArn"] = restoredPackage, ["rolledBackAt"] = now, ["event"] = published.Id,
        };
    }

    /// <summary>Moves an existing MODEL item's status; a version without one (recorded before MODEL items existed) is left alone.</summary>
    private static async Task SetStatus(IAmazonDynamoDB db, string table, string pipeline, string runId, string status, string timeAttribute, string now, CancellationToken cancellationToken)
    {
        try
        {
            await db.UpdateItemAsync(new UpdateItemRequest
            {
            TableName = table,
            Key = Key(TableKeys.ModelPartition(pipeline), TableKeys.Model(runId)),
            UpdateExpression = $"SET #status = :status, #{timeAttribute} = :now",
            ConditionExpression = "attribute_exists(#status)",
            ExpressionAttributeNames = Names("status", timeAttribute),
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":status"] = new(status), [":now"] = new(now) },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // No MODEL item for this version.
        }
    }

    private static Dictionary<string, string> Names(params string[] names) => names.ToDictionary(n => "#" + n, n => n);

    private static Dictionary<string, AttributeValue> Key(string partition, string sortKey) => new()
    {
        [TableKeys.PartitionKey] = new AttributeValue(partition),
        [TableKeys.SortKey] = new AttributeValue(sortKey),
    };
}
