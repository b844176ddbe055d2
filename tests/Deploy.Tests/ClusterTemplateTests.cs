using System.Text.Json.Nodes;

namespace AgentOps.Deploy.Tests;

/// <summary>The compiled main.bicep runs a scalable, observable cluster: replicas, scale rule, probes, Orleans ports, telemetry, outputs.</summary>
[Collection(BicepCollection.Name)]
public sealed class ClusterTemplateTests(BicepOutputs bicep)
{
    private ArmTemplate Main => bicep.Main;

    private ArmTemplate SiloModule => Main.Module("siloApp");

    private JsonObject Silo => SiloModule.Single("Microsoft.App/containerApps");

    [Fact]
    public void Silo_runs_at_least_two_replicas_in_the_template_and_in_every_parameter_file()
    {
        Assert.Equal(2, Main.Root["parameters"]!["siloMinReplicas"]!["minValue"]!.GetValue<int>());
        Assert.Equal(2, SiloModule.Root["parameters"]!["minReplicas"]!["minValue"]!.GetValue<int>());
        Assert.Equal("[parameters('siloMinReplicas')]", Main.ModuleParameter("siloApp", "minReplicas")!.GetValue<string>());
        Assert.Equal("[parameters('minReplicas')]", Scale(Silo)["minReplicas"]!.GetValue<string>());
        Assert.Equal("[parameters('size').maxReplicas]", Scale(Silo)["maxReplicas"]!.GetValue<string>());

        foreach (var file in new[] { "main.dev", "main.prod" })
        {
            var parameters = bicep.Parameters(file);
            var min = parameters["siloMinReplicas"]!["value"]!.GetValue<int>();
            var max = parameters["silo"]!["value"]!["maxReplicas"]!.GetValue<int>();
            Assert.True(min >= 2, $"{file}: siloMinReplicas {min}");
            Assert.True(max > min, $"{file}: maxReplicas {max} leaves the HTTP rule no room above {min}");
        }
    }

    [Fact]
    public void Prod_is_bigger_and_zone_redundant_where_dev_is_not()
    {
        JsonNode Value(string file, string name) => bicep.Parameters(file)[name]!["value"]!;

        Assert.True(Value("main.prod", "siloMinReplicas").GetValue<int>() > Value("main.dev", "siloMinReplicas").GetValue<int>());
        Assert.True(Value("main.prod", "silo")["maxReplicas"]!.GetValue<int>() >= 10);
        Assert.True(Value("main.prod", "zoneRedundant").GetValue<bool>());
        Assert.False(Value("main.dev", "zoneRedundant").GetValue<bool>());
        Assert.Equal("Standard_ZRS", Value("main.prod", "storageSku").GetValue<string>());
        Assert.Equal("[parameters('zoneRedundant')]", Main.Resource("network")["condition"]!.GetValue<string>());
        Assert.Equal("[parameters('zoneRedundant')]", Main.Module("environment").Single("Microsoft.App/managedEnvironments")["properties"]!["zoneRedundant"]!.GetValue<string>());
    }

    [Fact]
    public void Both_apps_scale_on_concurrent_http_requests()
    {
        foreach (var app in new[] { Silo, Main.Module("dashboardApp").Single("Microsoft.App/containerApps") })
        {
            var rule = Assert.Single(Scale(app)["rules"]!.AsArray())!;
            Assert.Equal("[string(parameters('size').concurrentRequests)]", rule["http"]!["metadata"]!["concurrentRequests"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Silo_probes_liveness_on_health_live_and_readiness_on_health_ready()
    {
        var probes = Container(Silo)["probes"]!.AsArray().ToDictionary(p => p!["type"]!.GetValue<string>(), p => p!["httpGet"]!);

        Assert.Equal("/health/live", probes["Liveness"]["path"]!.GetValue<string>());
        Assert.Equal("/health/ready", probes["Readiness"]["path"]!.GetValue<string>());
        Assert.Equal("/health/live", probes["Startup"]["path"]!.GetValue<string>());
        Assert.All(probes.Values, p => Assert.Equal(8080, SiloModule.ResolveInt(p["port"])));
    }

    [Fact]
    public void Silo_serves_http_publicly_on_8080_and_opens_the_orleans_ports_only_inside_the_environment()
    {
        var ingress = Silo["properties"]!["configuration"]!["ingress"]!;

        Assert.True(ingress["external"]!.GetValue<bool>());
        Assert.Equal(8080, SiloModule.ResolveInt(ingress["targetPort"]));
        Assert.False(ingress["allowInsecure"]!.GetValue<bool>());
        var mappings = ingress["additionalPortMappings"]!.AsArray()
            .Select(m => (Target: SiloModule.ResolveInt(m!["targetPort"]), Exposed: SiloModule.ResolveInt(m["exposedPort"]), External: m["external"]!.GetValue<bool>()))
            .Order();
        Assert.Equal([(11111, 11111, false), (30000, 30000, false)], mappings);
    }

    [Fact]
    public void Dashboard_serves_http_publicly_on_8080_with_sticky_sessions()
    {
        var ingress = Main.Module("dashboardApp").Single("Microsoft.App/containerApps")["properties"]!["configuration"]!["ingress"]!;

        Assert.True(ingress["external"]!.GetValue<bool>());
        Assert.Equal(8080, Main.Module("dashboardApp").ResolveInt(ingress["targetPort"]));
        Assert.Equal("sticky", ingress["stickySessions"]!["affinity"]!.GetValue<string>());
    }

    [Fact]
    public void The_environment_forwards_otlp_traces_and_logs_to_application_insights()
    {
        var environment = Main.Module("environment");
        var properties = environment.Single("Microsoft.App/managedEnvironments")["properties"]!;

        Assert.Equal(["appInsights"], properties["openTelemetryConfiguration"]!["tracesConfiguration"]!["destinations"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(["appInsights"], properties["openTelemetryConfiguration"]!["logsConfiguration"]!["destinations"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("[reference('appInsights').ConnectionString]", properties["appInsightsConfiguration"]!["connectionString"]!.GetValue<string>());
        var appInsights = environment.Resource("appInsights");
        Assert.Equal("Microsoft.Insights/components", appInsights["type"]!.GetValue<string>());
        Assert.Equal("[parameters('appInsightsName')]", appInsights["name"]!.GetValue<string>());
        Assert.Equal("[variables('names').appInsights]", Main.ModuleParameter("environment", "appInsightsName")!.GetValue<string>());
        Assert.Equal("[variables('names').appInsights]", Main.ModuleParameter("monitoring", "appInsightsName")!.GetValue<string>());
        var component = Main.Module("monitoring").Single("Microsoft.Insights/components")["properties"]!;
        Assert.Contains("Microsoft.OperationalInsights/workspaces", component["WorkspaceResourceId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_are_the_https_urls_of_the_api_and_the_dashboard()
    {
        var outputs = Main.Root["outputs"]!;

        Assert.Equal("[format('https://{0}.{1}', variables('names').silo, reference('environment').outputs.defaultDomain.value)]", outputs["ingestUrl"]!["value"]!.GetValue<string>());
        Assert.Equal("[format('https://{0}.{1}', variables('names').dashboard, reference('environment').outputs.defaultDomain.value)]", outputs["dashboardUrl"]!["value"]!.GetValue<string>());
        Assert.Equal("[variables('names').silo]", Main.ModuleParameter("siloApp", "name")!.GetValue<string>());
        Assert.Equal("[variables('names').dashboard]", Main.ModuleParameter("dashboardApp", "name")!.GetValue<string>());
    }

    private static JsonNode Scale(JsonObject app) => app["properties"]!["template"]!["scale"]!;

    private static JsonNode Container(JsonObject app) => Assert.Single(app["properties"]!["template"]!["containers"]!.AsArray())!;
}
