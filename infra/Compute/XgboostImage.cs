using Amazon.CDK;
using Constructs;

namespace TrainingOrchestration.Infra.Compute;

/// <summary>
/// The SageMaker built-in XGBoost image (<c>sagemaker-xgboost</c>, versions 1.0-1 onwards) lives in a different
/// AWS-owned ECR account per region. The stack's region is a deploy-time token, so the account is looked up in a
/// CloudFormation mapping. Accounts from the SageMaker Python SDK's <c>image_uri_config/xgboost.json</c>.
/// </summary>
public static class XgboostImage
{
    public const string Repository = "sagemaker-xgboost";

    public static readonly IReadOnlyDictionary<string, string> RegistryAccounts = new Dictionary<string, string>
    {
        ["af-south-1"] = "510948584623", ["ap-east-1"] = "651117190479", ["ap-northeast-1"] = "354813040037",
        ["ap-northeast-2"] = "366743142698", ["ap-northeast-3"] = "867004704886", ["ap-south-1"] = "720646828776",
        ["ap-south-2"] = "628508329040", ["ap-southeast-1"] = "121021644041", ["ap-southeast-2"] = "783357654285",
        ["ap-southeast-3"] = "951798379941", ["ap-southeast-4"] = "106583098589", ["ca-central-1"] = "341280168497",
        ["ca-west-1"] = "190319476487", ["cn-north-1"] = "450853457545", ["cn-northwest-1"] = "451049120500",
        ["eu-central-1"] = "492215442770", ["eu-central-2"] = "680994064768", ["eu-north-1"] = "662702820516",
        ["eu-south-1"] = "978288397137", ["eu-south-2"] = "104374241257", ["eu-west-1"] = "141502667606",
        ["eu-west-2"] = "764974769150", ["eu-west-3"] = "659782779980", ["il-central-1"] = "898809789911",
        ["me-central-1"] = "272398656194", ["me-south-1"] = "801668240914", ["sa-east-1"] = "737474898029",
        ["us-east-1"] = "683313688378", ["us-east-2"] = "257758044811", ["us-gov-east-1"] = "237065988967",
        ["us-gov-west-1"] = "414596584902", ["us-west-1"] = "746614075791", ["us-west-2"] = "246618743249",
    };

    /// <summary>Adds the region mapping to the stack and returns the registry account for the stack's region.</summary>
    public static string Account(Construct scope)
    {
        var mapping = new CfnMapping(scope, "XgboostRegistry", new CfnMappingProps
        {
            Mapping = RegistryAccounts.ToDictionary(
                pair => pair.Key,
                pair => (IDictionary<string, object>)new Dictionary<string, object> { ["account"] = pair.Value }),
        });
        return mapping.FindInMap(Aws.REGION, "account");
    }

    /// <summary><c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.&lt;url suffix&gt;/sagemaker-xgboost:&lt;version&gt;</c>.</summary>
    public static string Uri(string account, string version) => $"{account}.dkr.ecr.{Aws.REGION}.{Aws.URL_SUFFIX}/{Repository}:{version}";

    public static string RepositoryArn(string account) => $"arn:{Aws.PARTITION}:ecr:{Aws.REGION}:{account}:repository/{Repository}";
}
