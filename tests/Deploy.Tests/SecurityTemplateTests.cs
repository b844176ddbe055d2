using System.Text.Json.Nodes;

namespace AgentOps.Deploy.Tests;

/// <summary>The compiled main.bicep keeps data behind Entra ID: storage, registry, Key Vault and the one identity's roles.</summary>
[Collection(BicepCollection.Name)]
public sealed class SecurityTemplateTests(BicepOutputs bicep)
{
    // Built-in role definition ids (the same in every tenant).
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string AcrPull = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    private ArmTemplate Main => bicep.Main;

    [Fact]
    public void Storage_accepts_only_Entra_ID_over_TLS_1_2_and_no_public_blobs()
    {
        var storage = Main.Module("storage").Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False(storage["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(storage["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", storage["minimumTlsVersion"]!.GetValue<string>());
        Assert.True(storage["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.True(storage["defaultToOAuthAuthentication"]!.GetValue<bool>());
        var container = Main.Module("storage").Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", container["properties"]!["publicAccess"]!.GetValue<string>());
    }

    [Fact]
    public void Registry_has_no_admin_user_and_no_anonymous_pull()
    {
        var registry = Main.Module("registry").Single("Microsoft.ContainerRegistry/registries")["properties"]!;

        Assert.False(registry["adminUserEnabled"]!.GetValue<bool>());
        Assert.False(registry["anonymousPullEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Key_vault_uses_RBAC_soft_delete_purge_protection_and_a_configurable_firewall()
    {
        var vault = Main.Module("keyVault").Single("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True(vault["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(vault["enableSoftDelete"]!.GetValue<bool>());
        Assert.True(vault["enablePurgeProtection"]!.GetValue<bool>());
        Assert.Equal("Enabled", vault["publicNetworkAccess"]!.GetValue<string>());
        Assert.Equal("[parameters('networkDefaultAction')]", vault["networkAcls"]!["defaultAction"]!.GetValue<string>());
        Assert.Equal("[parameters('keyVaultNetworkDefaultAction')]", Main.ModuleParameter("keyVault", "networkDefaultAction")!.GetValue<string>());
        var allowed = Main.Root["parameters"]!["keyVaultNetworkDefaultAction"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Equal(["Allow", "Deny"], allowed);
    }

    [Fact]
    public void The_apps_identity_holds_exactly_the_five_data_roles_each_scoped_to_its_resource()
    {
        var granted = new List<(string Role, string Module, string Scope)>();
        foreach (var module in new[] { "storage", "registry", "keyVault" })
        {
            var template = Main.Module(module);
            foreach (var assignment in template.Deployed("Microsoft.Authorization/roleAssignments"))
            {
                var properties = assignment["properties"]!;
                if (properties["principalId"]!.GetValue<string>() != "[reference('identity').principalId]")
                {
                    continue;
                }

                // The principal is the existing user-assigned identity that main.bicep names once for every module.
                var identity = template.Resource("identity");
                Assert.Equal("Microsoft.ManagedIdentity/userAssignedIdentities", identity["type"]!.GetValue<string>());
                Assert.Equal("[parameters('identityName')]", identity["name"]!.GetValue<string>());
                Assert.Equal("ServicePrincipal", properties["principalType"]!.GetValue<string>());
                granted.Add((RoleId(properties), module, assignment["scope"]!.GetValue<string>()));
            }
        }

        (string, string, string)[] expected =
        [
            (StorageTableDataContributor, "storage", "Microsoft.Storage/storageAccounts"),
            (StorageQueueDataContributor, "storage", "Microsoft.Storage/storageAccounts"),
            (StorageBlobDataContributor, "storage", "Microsoft.Storage/storageAccounts"),
            (AcrPull, "registry", "Microsoft.ContainerRegistry/registries"),
            (KeyVaultSecretsUser, "keyVault", "Microsoft.KeyVault/vaults"),
        ];
        Assert.Equal(expected.Order(), granted.Select(g => (g.Role, g.Module, ScopeType(g.Scope))).Order());
        Assert.All(granted, g => Assert.Contains("parameters('name')", g.Scope, StringComparison.Ordinal));
    }

    [Fact]
    public void Both_apps_and_every_role_module_use_the_same_identity()
    {
        foreach (var module in new[] { "storage", "registry", "keyVault", "siloApp", "dashboardApp" })
        {
            Assert.Equal("[variables('names').identity]", Main.ModuleParameter(module, "identityName")!.GetValue<string>());
        }

        Assert.Equal("[parameters('name')]", Main.Module("identity").Single("Microsoft.ManagedIdentity/userAssignedIdentities")["name"]!.GetValue<string>());
        Assert.Equal("[variables('names').identity]", Main.ModuleParameter("identity", "name")!.GetValue<string>());
        foreach (var app in new[] { "siloApp", "dashboardApp" })
        {
            var containerApp = Main.Module(app).Single("Microsoft.App/containerApps");
            Assert.Equal("UserAssigned", containerApp["identity"]!["type"]!.GetValue<string>());
            var registry = Assert.Single(containerApp["properties"]!["configuration"]!["registries"]!.AsArray())!;
            Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", registry["identity"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_only_other_assignment_is_the_optional_secrets_officer_for_whoever_writes_secrets()
    {
        var others = Main.Module("keyVault").Deployed("Microsoft.Authorization/roleAssignments")
            .Where(a => a["properties"]!["principalId"]!.GetValue<string>() != "[reference('identity').principalId]")
            .ToList();

        var officer = Assert.Single(others);
        Assert.Equal(KeyVaultSecretsOfficer, RoleId(officer["properties"]!));
        Assert.Equal("[not(empty(parameters('operatorPrincipalId')))]", officer["condition"]!.GetValue<string>());
        Assert.DoesNotContain(Main.Module("storage").Deployed("Microsoft.Authorization/roleAssignments"), a => a["condition"] is not null);
        Assert.Single(Main.Module("registry").Deployed("Microsoft.Authorization/roleAssignments"));
    }

    [Fact]
    public void Api_key_hashes_the_pseudonym_key_and_the_client_secret_are_Key_Vault_references_through_the_identity()
    {
        var siloModule = Main.Module("siloApp");
        var keySecrets = siloModule.Root["variables"]!["copy"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "keySecrets")!["input"]!;
        Assert.StartsWith("[format('{0}secrets/{1}', parameters('keyVaultUri')", keySecrets["keyVaultUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", keySecrets["identity"]!.GetValue<string>(), StringComparison.Ordinal);
        var siloSecrets = siloModule.Single("Microsoft.App/containerApps")["properties"]!["configuration"]!["secrets"]!.GetValue<string>();
        Assert.StartsWith("[concat(variables('keySecrets'), createArray(createObject('name', 'pseudonym-key', 'keyVaultUrl', format('{0}secrets/{1}', parameters('keyVaultUri'), parameters('pseudonymKeySecretName')), 'identity', resourceId('Microsoft.ManagedIdentity/userAssignedIdentities'", siloSecrets, StringComparison.Ordinal);
        Assert.DoesNotContain("'value'", siloSecrets, StringComparison.Ordinal);

        var dashboard = Main.Module("dashboardApp").Single("Microsoft.App/containerApps")["properties"]!["configuration"]!;
        var clientSecret = Assert.Single(dashboard["secrets"]!.AsArray())!;
        Assert.StartsWith("[format('{0}secrets/{1}', parameters('keyVaultUri'), parameters('clientSecretName'))]", clientSecret["keyVaultUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(clientSecret["value"]);
    }

    private static string RoleId(JsonNode properties)
    {
        var definition = properties["roleDefinitionId"]!.GetValue<string>();
        const string Prefix = "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '";
        Assert.StartsWith(Prefix, definition, StringComparison.Ordinal);
        return definition[Prefix.Length..definition.IndexOf('\'', Prefix.Length)];
    }

    // "[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]" -> "Microsoft.Storage/storageAccounts"
    private static string ScopeType(string scope)
    {
        const string Prefix = "[resourceId('";
        Assert.StartsWith(Prefix, scope, StringComparison.Ordinal);
        return scope[Prefix.Length..scope.IndexOf('\'', Prefix.Length)];
    }
}
