using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentOps.Deploy.Tests;

/// <summary>
/// Every AgentOps__*, Orleans__* and AzureAd__* variable the container apps set is a key the code reads
/// (with "__" read as ":"), and the keys the silo and dashboard need are all set.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed partial class ConfigurationKeyTests(BicepOutputs bicep)
{
    /// <summary>
    /// The keys the code reads: API.md "Running (operations contract)", README "Configuration", and the dashboard's
    /// Microsoft Entra ID sign-in (AzureAd section). N is a list index.
    /// </summary>
    private static readonly Regex[] KeysTheCodeReads =
    [
        Key(@"AgentOps:Profile"),
        Key(@"AgentOps:Storage:(ConnectionString|ServiceUri)"),
        Key(@"AgentOps:Keys:\d+:(Project|Role|Key|KeyHash)"),
        Key(@"AgentOps:DevKeyFile"),
        Key(@"AgentOps:Pricing:Models:[^:]+:(InputPer1M|CachedInputPer1M|OutputPer1M)"),
        Key(@"AgentOps:Ingest:(Partitions|FlushInterval|DedupeHorizon|DedupeMaxIdsPerPartition|CheckpointInterval)"),
        Key(@"Orleans:(ClusterId|ServiceId|SiloPort|GatewayPort)"),
        Key(@"AzureAd:(Instance|TenantId|ClientId|ClientSecret)"),
        Key(@"AgentOps:Redaction:PseudonymKey"),
        Key(@"AgentOps:Dashboard:SignIn:Mode"),
        Key(@"AgentOps:Dashboard:EntraId:RoleMappings:\d+:(Claim|Project|Role)"),
    ];

    // Keeps ' and + readable in expressions (the default encoder writes \u0027).
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] SiloNeeds =
    [
        "AgentOps:Profile", "AgentOps:Storage:ServiceUri",
        "Orleans:ClusterId", "Orleans:ServiceId", "Orleans:SiloPort", "Orleans:GatewayPort",
        "AgentOps:Keys:0:Project", "AgentOps:Keys:0:Role", "AgentOps:Keys:0:KeyHash", "AgentOps:Redaction:PseudonymKey",
    ];

    private static readonly string[] DashboardNeeds =
    [
        "AgentOps:Profile", "AgentOps:Storage:ServiceUri", "Orleans:ClusterId", "Orleans:ServiceId",
        "AzureAd:Instance", "AzureAd:TenantId", "AzureAd:ClientId", "AzureAd:ClientSecret",
        "AgentOps:Dashboard:SignIn:Mode", "AgentOps:Dashboard:EntraId:RoleMappings:0:Claim",
        "AgentOps:Dashboard:EntraId:RoleMappings:0:Project", "AgentOps:Dashboard:EntraId:RoleMappings:0:Role",
    ];

    [Theory]
    [InlineData("siloApp")]
    [InlineData("dashboardApp")]
    public void Every_configuration_variable_an_app_sets_is_a_key_the_code_reads(string app)
    {
        var keys = ConfigurationKeys(app);

        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            Assert.True(KeysTheCodeReads.Any(k => k.IsMatch(key)), $"{app} sets {key.Replace(":", "__", StringComparison.Ordinal)}, which no code reads as {key}");
        }
    }

    [Fact]
    public void Silo_sets_every_key_it_needs_and_never_a_key_in_clear()
    {
        var keys = ConfigurationKeys("siloApp");

        Assert.All(SiloNeeds, needed => Assert.Contains(needed, keys));
        Assert.DoesNotContain(keys, k => KeyInClear().IsMatch(k));
        var text = AppText("siloApp");
        Assert.Contains("'AgentOps__Profile', 'value', 'AzureStorage'", text, StringComparison.Ordinal);
        Assert.Contains("'AgentOps__Keys__{0}__KeyHash', lambdaVariables('i')), 'secretRef'", text, StringComparison.Ordinal);
        Assert.Contains("'AgentOps__Redaction__PseudonymKey', 'secretRef', 'pseudonym-key'", text, StringComparison.Ordinal);
        Assert.Contains("'AZURE_CLIENT_ID', 'value', reference('identity').clientId", text, StringComparison.Ordinal);
        Assert.Contains("'ASPNETCORE_HTTP_PORTS', 'value', string(variables('httpPort'))", text, StringComparison.Ordinal);
        Assert.Contains("'AgentOps__Storage__ServiceUri', 'value', parameters('storageServiceUri')", text, StringComparison.Ordinal);
        Assert.Equal("[reference('storage').outputs.blobEndpoint.value]", bicep.Main.ModuleParameter("siloApp", "storageServiceUri")!.GetValue<string>());
    }

    [Fact]
    public void Dashboard_sets_every_key_it_needs_with_the_client_secret_from_key_vault()
    {
        var keys = ConfigurationKeys("dashboardApp");

        Assert.All(DashboardNeeds, needed => Assert.Contains(needed, keys));
        var text = AppText("dashboardApp");
        Assert.Contains("'AgentOps__Profile', 'value', 'AzureStorage'", text, StringComparison.Ordinal);
        Assert.Contains("'AgentOps__Dashboard__SignIn__Mode', 'value', 'EntraId'", text, StringComparison.Ordinal);
        Assert.Contains("'AzureAd__ClientSecret', 'secretRef', 'entra-client-secret'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'AzureAd__ClientSecret', 'value'", text, StringComparison.Ordinal);
        Assert.Contains("'AzureAd__Instance', 'value', environment().authentication.loginEndpoint", text, StringComparison.Ordinal);
        Assert.Contains("'AZURE_CLIENT_ID', 'value', reference('identity').clientId", text, StringComparison.Ordinal);
        Assert.Contains("'ASPNETCORE_HTTP_PORTS', 'value', string(variables('httpPort'))", text, StringComparison.Ordinal);
        Assert.Equal(8080, bicep.Main.Module("dashboardApp").Root["variables"]!["httpPort"]!.GetValue<int>());
    }

    [Fact]
    public void Both_apps_join_the_same_cluster()
    {
        foreach (var parameter in new[] { "clusterId", "serviceId", "storageServiceUri" })
        {
            Assert.Equal(bicep.Main.ModuleParameter("siloApp", parameter)!.ToJsonString(), bicep.Main.ModuleParameter("dashboardApp", parameter)!.ToJsonString());
        }
    }

    /// <summary>The configuration keys (":" form) of the AgentOps, Orleans and AzureAd variables an app module sets; an index placeholder reads as 0.</summary>
    private SortedSet<string> ConfigurationKeys(string app) =>
        new(VariableName().Matches(AppText(app)).Select(m => m.Value.Replace("{0}", "0", StringComparison.Ordinal).Replace("__", ":", StringComparison.Ordinal)), StringComparer.Ordinal);

    /// <summary>The compiled container app and the module's variables (the silo builds part of its env list there).</summary>
    private string AppText(string app)
    {
        var module = bicep.Main.Module(app);
        return module.Single("Microsoft.App/containerApps").ToJsonString(Unescaped) + (module.Root["variables"]?.ToJsonString(Unescaped) ?? string.Empty);
    }

    private static Regex Key(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\b(AgentOps|Orleans|AzureAd)__[A-Za-z0-9_{}]+")]
    private static partial Regex VariableName();

    [GeneratedRegex(@"^AgentOps:Keys:\d+:Key$")]
    private static partial Regex KeyInClear();
}
