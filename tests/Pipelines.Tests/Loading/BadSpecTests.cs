namespace TrainingOrchestration.Pipelines.Tests.Loading;

/// <summary>One test per kind of bad input: each error must name file, line, column and field and say what to do.</summary>
public sealed class BadSpecTests
{
    [Fact]
    public void Unknown_key_is_reported_at_its_line_with_the_nearest_known_key()
    {
        using var folder = PipelineFolder.With("notifyOnSuccess: true", "notifyOnSucess: true");

        var error = LoadFailure.Of(folder).On("notifications.notifyOnSucess");

        Assert.Equal(folder.SpecFile, error.File);
        Assert.Equal(LoadFailure.LineOf(folder, "notifyOnSucess"), error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("unknown key", error.Problem);
        Assert.Contains("Did you mean 'notifyOnSuccess'?", error.Fix);
    }

    [Fact]
    public void A_misspelt_required_key_is_reported_once_as_unknown_not_also_as_missing()
    {
        using var folder = PipelineFolder.With("minInterval: 6h", "minInterva: 6h");

        var errors = LoadFailure.Of(folder);

        Assert.Equal("cadence.minInterva", Assert.Single(errors).Field);
    }

    [Fact]
    public void A_misspelt_num_round_is_reported_once()
    {
        using var folder = PipelineFolder.With("num_round: 300", "num_rounds: 300");

        var errors = LoadFailure.Of(folder);

        Assert.Contains("Did you mean 'num_round'?", Assert.Single(errors).Fix);
    }

    [Fact]
    public void An_empty_file_is_reported_as_not_a_spec()
    {
        using var folder = PipelineFolder.Valid();
        File.WriteAllText(folder.SpecFile, "");

        var error = LoadFailure.Of(folder).On("(document)");

        Assert.Contains("single YAML mapping", error.Problem);
    }

    [Fact]
    public void Unknown_key_far_from_any_known_key_lists_the_allowed_keys()
    {
        using var folder = PipelineFolder.With("tier: critical", "tier: critical\nowner: data-team");

        var error = LoadFailure.Of(folder).On("owner");

        Assert.Contains("Use one of: name, description, tier", error.Fix);
    }

    [Fact]
    public void Wrong_type_names_the_expected_type_and_the_value_found()
    {
        using var folder = PipelineFolder.With("minChanges: 500", "minChanges: lots");

        var error = LoadFailure.Of(folder).On("cadence.minChanges");

        Assert.Equal(LoadFailure.LineOf(folder, "minChanges: lots"), error.Line);
        Assert.Equal(15, error.Column);
        Assert.Contains("expected an integer but found 'lots'", error.Problem);
    }

    [Fact]
    public void A_list_where_a_value_is_expected_is_a_wrong_type()
    {
        using var folder = PipelineFolder.With("instanceCount: 1", "instanceCount: [1, 2]");

        var error = LoadFailure.Of(folder).On("training.instanceCount");

        Assert.Contains("found a list", error.Problem);
    }

    [Fact]
    public void A_value_where_a_section_is_expected_is_a_wrong_type()
    {
        using var folder = PipelineFolder.With("""
              split:
                train: 0.7
                validation: 0.2
                test: 0.1
            """, "  split: 70/20/10");

        var error = LoadFailure.Of(folder).On("features.split");

        Assert.Contains("expected a mapping", error.Problem);
    }

    [Fact]
    public void A_bad_duration_explains_the_duration_syntax()
    {
        using var folder = PipelineFolder.With("minInterval: 6h", "minInterval: 6 hours");

        var error = LoadFailure.Of(folder).On("cadence.minInterval");

        Assert.Contains("30m, 6h, 7d", error.Fix);
    }

    [Fact]
    public void A_redrive_window_longer_than_step_functions_redrives_is_refused_and_a_valid_one_is_read()
    {
        using var tooLong = PipelineFolder.With("maxStaleness: 7d", "maxStaleness: 7d\n  redriveWindow: 15d");
        var error = LoadFailure.Of(tooLong).On("cadence.redriveWindow");
        Assert.Contains("14 days", error.Problem);

        using var twoHours = PipelineFolder.With("maxStaleness: 7d", "maxStaleness: 7d\n  redriveWindow: 2h");
        Assert.Equal(TimeSpan.FromHours(2), PipelineSpecLoader.Load(twoHours.Path).Cadence.RedriveWindow);
        using var unset = PipelineFolder.Valid();
        Assert.Equal(TimeSpan.FromHours(24), PipelineSpecLoader.Load(unset.Path).Cadence.RedriveWindow);
    }

    [Fact]
    public void Missing_required_field_is_reported_on_its_section()
    {
        using var folder = PipelineFolder.With("  label: churn\n", "");

        var error = LoadFailure.Of(folder).On("features.label");

        Assert.Equal(LoadFailure.LineOf(folder, "sql: features.sql"), error.Line);
        Assert.Contains("missing required field 'label'", error.Problem);
        Assert.Contains("under 'features'", error.Fix);
    }

    [Fact]
    public void Missing_required_section_is_reported()
    {
        using var folder = PipelineFolder.With("contract: contract.yaml\n", "");

        var error = LoadFailure.Of(folder).On("contract");

        Assert.Contains("missing required field 'contract'", error.Problem);
    }

    [Theory]
    [InlineData("features.sql", "features.sql")]
    [InlineData("contract.yaml", "contract")]
    [InlineData("sample/data.csv", "sample.data")]
    [InlineData("sample/event.json", "sample.event")]
    public void Missing_file_is_reported_on_the_field_that_names_it(string file, string field)
    {
        using var folder = PipelineFolder.Valid();
        folder.Delete(file);

        var error = LoadFailure.Of(folder).On(field == "features.sql" ? "features.sql" : field);

        Assert.Contains("does not exist", error.Problem);
        Assert.Contains(folder.Path, error.Fix);
    }

    [Fact]
    public void Sample_without_the_entity_key_column_is_rejected()
    {
        using var folder = PipelineFolder.With("entityKey: customer_id", "entityKey: account_id");

        var error = LoadFailure.Of(folder).On("sample.data");

        Assert.Contains("no column 'account_id'", error.Problem);
    }

    [Fact]
    public void Split_fractions_that_do_not_sum_to_one_are_rejected()
    {
        using var folder = PipelineFolder.With("validation: 0.2", "validation: 0.25");

        var error = LoadFailure.Of(folder).On("features.split.train");

        Assert.Contains("not 1", error.Problem);
    }

    [Fact]
    public void Split_fractions_that_sum_to_one_within_floating_point_error_are_accepted()
    {
        using var folder = PipelineFolder.With("""
                train: 0.7
                validation: 0.2
                test: 0.1
            """, """
                train: 0.6
                validation: 0.3
                test: 0.1
            """);

        var spec = PipelineSpecLoader.Load(folder.Path);

        Assert.Equal(0.6, spec.Features.Split.Train);
    }

    [Fact]
    public void Split_fraction_of_zero_or_one_is_rejected_even_when_the_sum_is_one()
    {
        using var folder = PipelineFolder.With("""
                train: 0.7
                validation: 0.2
                test: 0.1
            """, """
                train: 1
                validation: 0
                test: 0
            """);

        var errors = LoadFailure.Of(folder);

        Assert.Contains("strictly between 0 and 1", errors.On("features.split.train").Problem);
        Assert.Contains("strictly between 0 and 1", errors.On("features.split.validation").Problem);
        Assert.Contains("strictly between 0 and 1", errors.On("features.split.test").Problem);
    }

    [Theory]
    [InlineData("eta", "1.5")]
    [InlineData("eta", "-0.1")]
    [InlineData("max_depth", "-1")]
    [InlineData("max_depth", "2.5")]
    [InlineData("subsample", "0")]
    [InlineData("subsample", "1.1")]
    [InlineData("colsample_bytree", "0")]
    [InlineData("colsample_bylevel", "1.5")]
    [InlineData("colsample_bynode", "-1")]
    [InlineData("min_child_weight", "-1")]
    [InlineData("gamma", "-0.5")]
    [InlineData("lambda", "-1")]
    [InlineData("alpha", "-1")]
    [InlineData("scale_pos_weight", "0")]
    [InlineData("max_delta_step", "-1")]
    [InlineData("num_round", "0")]
    [InlineData("objective", "binary:logistik")]
    [InlineData("eval_metric", "roc")]
    [InlineData("tree_method", "fastest")]
    [InlineData("booster", "gbm")]
    [InlineData("verbosity", "4")]
    public void Hyperparameter_outside_the_documented_range_is_rejected(string name, string value)
    {
        using var folder = PipelineFolder.WithHyperparameter(name, value);

        var error = LoadFailure.Of(folder).On($"training.hyperparameters.{name}");

        Assert.Equal(LoadFailure.LineOf(folder, $"{name}: \"{value}\""), error.Line);
    }

    [Theory]
    [InlineData("tree_method", "hist")]
    [InlineData("eval_metric", "error@0.6")]
    [InlineData("eval_metric", "auc,logloss")]
    [InlineData("scale_pos_weight", "2.77")]
    [InlineData("subsample", "1")]
    [InlineData("max_depth", "0")]
    [InlineData("objective", "binary:logistic")]
    public void Hyperparameter_inside_the_documented_range_is_accepted(string name, string value)
    {
        using var folder = PipelineFolder.WithHyperparameter(name, value);

        var spec = PipelineSpecLoader.Load(folder.Path);

        Assert.Equal(value, spec.Training.Hyperparameters[name]);
    }

    [Fact]
    public void Unknown_hyperparameter_is_rejected_with_the_nearest_known_one()
    {
        using var folder = PipelineFolder.With("max_depth: 4", "max_dept: 4");

        var error = LoadFailure.Of(folder).On("training.hyperparameters.max_dept");

        Assert.Contains("Did you mean 'max_depth'?", error.Fix);
    }

    [Fact]
    public void Num_round_is_required()
    {
        using var folder = PipelineFolder.With("    num_round: 300\n", "");

        var error = LoadFailure.Of(folder).On("training.hyperparameters.num_round");

        Assert.Contains("required", error.Problem);
    }

    [Fact]
    public void Multiclass_objective_requires_num_class()
    {
        using var folder = PipelineFolder.With("objective: binary:logistic", "objective: multi:softprob");

        var error = LoadFailure.Of(folder).On("training.hyperparameters.num_class");

        Assert.Contains("Require input for parameter 'num_class' for multi-classification", error.Problem);
    }

    [Theory]
    [InlineData("cron(0 * * * * *)", "exactly one of day-of-month")]
    [InlineData("cron(0 * ? * ? *)", "exactly one of day-of-month")]
    [InlineData("cron(0 * * *)", "6 fields")]
    [InlineData("cron(0 * * * ? * *)", "6 fields")]
    [InlineData("cron(60 * * * ? *)", "60 is outside 0-59")]
    [InlineData("cron(0 24 * * ? *)", "24 is outside 0-23")]
    [InlineData("cron(0 0 32 * ? *)", "32 is outside 1-31")]
    [InlineData("cron(0 0 ? 13 MON *)", "13 is outside 1-12")]
    [InlineData("cron(0 0 ? * MON-FRX *)", "'FRX' is not a number 1-7 or a name SUN-SAT")]
    [InlineData("cron(0 0 ? * 2#6 *)", "#<1-5>")]
    [InlineData("cron(0 0 ? * MON 1969)", "1969 is outside 1970-2199")]
    [InlineData("cron(? 0 * * ? *)", "only allowed in day-of-month")]
    [InlineData("cron(0/0 * * * ? *)", "increment")]
    [InlineData("rate(1 hours)", "singular")]
    [InlineData("rate(5 hour)", "plural")]
    [InlineData("rate(0 minutes)", "positive")]
    [InlineData("rate(5 weeks)", "minute(s), hour(s) or day(s)")]
    [InlineData("0 * * * *", "neither cron(...) nor rate(...)")]
    public void Invalid_EventBridge_schedule_is_rejected_with_the_reason(string schedule, string reason)
    {
        using var folder = PipelineFolder.With("schedule: cron(0 * * * ? *)", $"schedule: \"{schedule}\"");

        var error = LoadFailure.Of(folder).On("cadence.schedule");

        Assert.Contains(reason, error.Problem);
        Assert.Contains("EventBridge", error.Fix);
    }

    [Theory]
    [InlineData("cron(0 10 * * ? *)")]
    [InlineData("cron(15 12 * * ? *)")]
    [InlineData("cron(0 18 ? * MON-FRI *)")]
    [InlineData("cron(0 8 1 * ? *)")]
    [InlineData("cron(0/15 * * * ? *)")]
    [InlineData("cron(0/5 8-17 ? * MON-FRI *)")]
    [InlineData("cron(0 9 ? * 2#1 *)")]
    [InlineData("cron(0 0 L * ? *)")]
    [InlineData("cron(0 0 3W * ? *)")]
    [InlineData("cron(0 0 ? * 6L *)")]
    [InlineData("cron(0 0 1,15 JAN,JUL ? 2026-2030)")]
    [InlineData("rate(1 minute)")]
    [InlineData("rate(5 minutes)")]
    [InlineData("rate(1 day)")]
    [InlineData("rate(12 hours)")]
    public void Valid_EventBridge_schedules_from_the_user_guide_are_accepted(string schedule)
    {
        using var folder = PipelineFolder.With("schedule: cron(0 * * * ? *)", $"schedule: \"{schedule}\"");

        var spec = PipelineSpecLoader.Load(folder.Path);

        Assert.Equal(schedule, spec.Cadence.Schedule);
    }

    [Theory]
    [InlineData("Europe/Londn")]
    [InlineData("London")]
    [InlineData("+01:00")]
    public void Unknown_time_zone_is_rejected(string zone)
    {
        using var folder = PipelineFolder.With("timeZone: Europe/London", $"timeZone: \"{zone}\"");

        var error = LoadFailure.Of(folder).On("cadence.quietHours.timeZone");

        Assert.Contains("IANA", error.Fix);
    }

    [Fact]
    public void Quiet_hours_must_be_times_of_day()
    {
        using var folder = PipelineFolder.With("start: \"22:00\"", "start: \"25:00\"");

        var error = LoadFailure.Of(folder).On("cadence.quietHours.start");

        Assert.Contains("not a time of day", error.Problem);
    }

    [Fact]
    public void Unknown_tier_is_rejected_with_the_nearest_tier()
    {
        using var folder = PipelineFolder.With("tier: critical", "tier: critcal");

        var error = LoadFailure.Of(folder).On("tier");

        Assert.Contains("Did you mean 'critical'?", error.Fix);
    }

    [Fact]
    public void Unknown_CDC_kind_is_rejected_with_the_allowed_kinds()
    {
        using var folder = PipelineFolder.With("kind: dynamodb-stream", "kind: kinesis");

        var error = LoadFailure.Of(folder).On("source.cdc.kind");

        Assert.Contains("dynamodb-stream, debezium, s3-files", error.Fix);
    }

    [Theory]
    [InlineData("Demo")]
    [InlineData("demo_pipeline")]
    [InlineData("a-name-that-is-much-longer-than-forty-characters")]
    public void Invalid_pipeline_name_is_rejected(string name)
    {
        using var folder = PipelineFolder.Named(name, PipelineFolder.ValidYaml.Replace("name: demo", $"name: {name}"));

        var error = LoadFailure.Of(folder).On("name");

        Assert.Contains("lowercase letters, digits and hyphens", error.Fix);
    }

    [Fact]
    public void Pipeline_name_must_match_its_folder()
    {
        using var folder = PipelineFolder.With("name: demo", "name: other");

        var error = LoadFailure.Of(folder).On("name");

        Assert.Contains("does not match the folder name 'demo'", error.Problem);
    }

    [Fact]
    public void Primary_metric_must_be_one_the_evaluation_computes()
    {
        using var folder = PipelineFolder.With("primaryMetric: auc", "primaryMetric: acuracy");

        var error = LoadFailure.Of(folder).On("evaluation.primaryMetric");

        Assert.Contains("Did you mean 'accuracy'?", error.Fix);
    }

    [Fact]
    public void Threshold_on_an_unknown_metric_is_rejected()
    {
        using var folder = PipelineFolder.With("log_loss: { max: 0.55 }", "logloss: { max: 0.55 }");

        var error = LoadFailure.Of(folder).On("evaluation.thresholds.logloss");

        Assert.Contains("Did you mean 'log_loss'?", error.Fix);
    }

    [Fact]
    public void Threshold_with_min_above_max_is_rejected()
    {
        using var folder = PipelineFolder.With("auc: { min: 0.80 }", "auc: { min: 0.9, max: 0.8 }");

        var error = LoadFailure.Of(folder).On("evaluation.thresholds.auc.min");

        Assert.Contains("greater than max", error.Problem);
    }

    [Fact]
    public void Spot_max_wait_shorter_than_max_runtime_is_rejected()
    {
        using var folder = PipelineFolder.With("maxWait: 2h", "maxWait: 30m");

        var error = LoadFailure.Of(folder).On("training.spot.maxWait");

        Assert.Contains("shorter than maxRuntime 1h", error.Problem);
    }

    [Fact]
    public void Max_runtime_beyond_28_days_is_rejected()
    {
        using var folder = PipelineFolder.With("maxRuntime: 1h", "maxRuntime: 29d");

        var error = LoadFailure.Of(folder).On("training.maxRuntime");

        Assert.Contains("at most 28d", error.Problem);
    }

    [Fact]
    public void Unknown_xgboost_container_version_is_rejected()
    {
        using var folder = PipelineFolder.With("xgboostVersion: \"1.7-1\"", "xgboostVersion: \"9.9-9\"");

        var error = LoadFailure.Of(folder).On("training.xgboostVersion");

        Assert.Contains("1.7-1", error.Fix);
    }

    [Fact]
    public void Invalid_yaml_syntax_is_reported_with_its_position()
    {
        using var folder = PipelineFolder.With("  table: customers", "  table: [customers");

        var error = LoadFailure.Of(folder).On("(syntax)");

        Assert.True(error.Line >= LoadFailure.LineOf(folder, "table: [customers"));
    }

    [Fact]
    public void Unterminated_quote_is_reported_with_its_position()
    {
        using var folder = PipelineFolder.With("  table: customers", "  table: \"customers");

        var error = LoadFailure.Of(folder).On("(syntax)");

        Assert.True(error.Line >= LoadFailure.LineOf(folder, "table: \"customers"));
        Assert.True(error.Column > 0);
    }

    [Fact]
    public void Duplicate_key_is_reported_as_invalid_yaml()
    {
        using var folder = PipelineFolder.With("tier: critical", "tier: critical\ntier: exploratory");

        var error = LoadFailure.Of(folder).On("(syntax)");

        Assert.Contains("valid YAML", error.Problem);
    }

    [Fact]
    public void Every_error_in_the_file_is_reported_in_one_pass()
    {
        using var folder = PipelineFolder.With("tier: critical", "tier: gold");
        File.WriteAllText(folder.SpecFile, File.ReadAllText(folder.SpecFile)
            .Replace("minChanges: 500", "minChanges: many")
            .Replace("eta: 0.05", "eta: 2")
            .Replace("timeZone: Europe/London", "timeZone: Mars/Olympus"));

        var exception = Assert.Throws<PipelineSpecException>(() => PipelineSpecLoader.Load(folder.Path));

        Assert.Equal(["tier", "cadence.minChanges", "cadence.quietHours.timeZone", "training.hyperparameters.eta"],
            exception.Errors.Select(e => e.Field));
        Assert.StartsWith($"{folder.SpecFile} has 4 errors:", exception.Message);
    }

    [Fact]
    public void Error_text_reads_file_line_column_field_problem_and_fix()
    {
        using var folder = PipelineFolder.With("tier: critical", "tier: gold");

        var error = LoadFailure.Of(folder).On("tier");

        Assert.Equal($"{folder.SpecFile}:3:7: tier: 'gold' is not a tier. Use one of: critical, exploratory.", error.ToString());
    }

    [Fact]
    public void Folder_without_pipeline_yaml_is_reported()
    {
        using var folder = PipelineFolder.Valid();
        folder.Delete("pipeline.yaml");

        var exception = Assert.Throws<PipelineSpecException>(() => PipelineSpecLoader.Load(folder.Path));

        Assert.Contains("pipeline.yaml not found", exception.Message);
    }
}
